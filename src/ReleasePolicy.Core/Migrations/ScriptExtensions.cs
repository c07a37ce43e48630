using System;
using System.Collections.Generic;

namespace ReleasePolicy.Migrations;

/// <summary>
/// The file extensions a <c>ReleaseMigrationScripts</c> item takes as SQL scripts (its <c>ScriptExtensions</c>
/// metadata), <c>.sql;.psql;.pgsql;.mysql</c> by default. The name-based conventions are written for <c>.sql</c>: they
/// read a script's <see cref="Canonical">canonical name</see> (its extension spelled <c>.sql</c>), and the partner name
/// they spell is turned back into the script's own extension, so <c>V1__a.pgsql</c> pairs with <c>U1__a.pgsql</c>.
/// </summary>
public sealed class ScriptExtensions
{
    /// <summary>The metadata value used when an item sets none.</summary>
    public const string DefaultValue = ".sql;.psql;.pgsql;.mysql";

    private const string CanonicalExtension = ".sql";

    // Before Default: static fields are initialised in the order written, and Parse reads this one.
    private static readonly char[] NotInAnExtension = { '/', '\\', '*', '?' };

    public static readonly ScriptExtensions Default = Parse(DefaultValue, out _)!;

    private readonly string[] _extensions;

    private ScriptExtensions(string[] extensions)
    {
        _extensions = extensions;
    }

    /// <summary>The extensions, lower case with their leading dot, in the order written and without repeats.</summary>
    public IReadOnlyList<string> Extensions => _extensions;

    /// <summary>How messages list them: <c>*.sql, *.psql, *.pgsql, *.mysql</c>.</summary>
    public string Globs => "*" + string.Join(", *", _extensions);

    /// <summary>
    /// Reads <c>ScriptExtensions</c> metadata: extensions separated by ';', with or without the dot, in any case.
    /// Null or empty means <see cref="Default"/>. Returns null, with the offending part in <paramref name="invalid"/>,
    /// when the value lists no extension or an entry is not one (a path separator or a wildcard in it).
    /// </summary>
    public static ScriptExtensions? Parse(string? value, out string? invalid)
    {
        invalid = null;
        if (string.IsNullOrEmpty(value))
        {
            return Default;
        }

        var extensions = new List<string>();
        foreach (var part in value!.Split(';'))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
            {
                // ".sql;" is a common way to end an MSBuild list.
                continue;
            }

            var extension = entry.TrimStart('.');
            if (extension.Length == 0 || extension.IndexOfAny(NotInAnExtension) >= 0)
            {
                invalid = entry;
                return null;
            }

            extension = "." + extension.ToLowerInvariant();
            if (!extensions.Contains(extension))
            {
                extensions.Add(extension);
            }
        }

        if (extensions.Count == 0)
        {
            invalid = value;
            return null;
        }

        return new ScriptExtensions(extensions.ToArray());
    }

    /// <summary>The extension of <paramref name="fileName"/> as written in it (<c>.PgSql</c>), or null when it has none
    /// of these; the longest wins when several fit (<c>.up.sql</c> listed beside <c>.sql</c>).</summary>
    public string? Match(string fileName)
    {
        string? match = null;
        foreach (var extension in _extensions)
        {
            if (fileName.Length > extension.Length
                && fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
                && (match is null || extension.Length > match.Length))
            {
                match = extension;
            }
        }

        return match is null ? null : fileName.Substring(fileName.Length - match.Length);
    }

    /// <summary><paramref name="fileName"/> with its <paramref name="extension"/> (as <see cref="Match"/> found it) spelled <c>.sql</c>.</summary>
    internal static string Canonical(string fileName, string extension) =>
        fileName.Substring(0, fileName.Length - extension.Length) + CanonicalExtension;

    /// <summary>A name a convention spelled for a canonical name, in the script's own <paramref name="extension"/>.</summary>
    internal static string Real(string canonicalName, string extension) =>
        canonicalName.EndsWith(CanonicalExtension, StringComparison.OrdinalIgnoreCase)
            ? canonicalName.Substring(0, canonicalName.Length - CanonicalExtension.Length) + extension
            : canonicalName;

    /// <summary><paramref name="text"/> (a convention's expected names) with <c>.sql</c> spelled as <paramref name="extension"/>.</summary>
    internal static string InExtension(string text, string extension) =>
        string.Equals(extension, CanonicalExtension, StringComparison.Ordinal) ? text : text.Replace(CanonicalExtension, extension);
}
