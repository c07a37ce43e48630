using System;

namespace ReleasePolicy.Rules;

/// <summary>
/// A feature flag as a flag source declares it: its name, where (the file, and the offset and line of the name), and
/// the expiry the source gives it, if any.
/// </summary>
sealed partial class FlagDeclaration
{
    internal FlagDeclaration(string name, int nameStart, int nameLength, int line, int column, DateTime? expires, string? expiresText)
    {
        Name = name;
        NameStart = nameStart;
        NameLength = nameLength;
        Line = line;
        Column = column;
        Expires = expires;
        ExpiresText = expiresText;
    }

    public string Name { get; }

    /// <summary>Offset of the name in the source text.</summary>
    public int NameStart { get; }

    public int NameLength { get; }

    /// <summary>1-based line of the name.</summary>
    public int Line { get; }

    /// <summary>1-based column of the name.</summary>
    public int Column { get; }

    /// <summary>The declared expiry date (a calendar date, no time zone), or null when none is declared.</summary>
    public DateTime? Expires { get; }

    /// <summary>The expiry as written, when one is written but is not a date: a finding can quote it.</summary>
    public string? ExpiresText { get; }

    public override string ToString() => Name;
}
