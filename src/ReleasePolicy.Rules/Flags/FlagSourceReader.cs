using System;
using System.Collections.Generic;

namespace ReleasePolicy.Rules;

/// <summary>What one flag source file declares, or where it could not be read.</summary>
sealed partial class FlagSourceReading
{
    internal FlagSourceReading(IReadOnlyList<FlagDeclaration> flags, bool hasFlagSection, ConfigurationJsonError? error)
    {
        Flags = flags;
        HasFlagSection = hasFlagSection;
        Error = error;
    }

    /// <summary>The declared flags in file order; a name declared twice (in any case) is listed once, first wins.</summary>
    public IReadOnlyList<FlagDeclaration> Flags { get; }

    /// <summary>
    /// True when the file has a <c>FeatureManagement</c> or <c>feature_management</c> section, even an empty one: the
    /// project declares its flags here, so a name missing from it is undeclared.
    /// </summary>
    public bool HasFlagSection { get; }

    /// <summary>Why the file is not JSON, with its line; null when it was read.</summary>
    public ConfigurationJsonError? Error { get; }
}

/// <summary>
/// Reads the feature flags a .NET configuration file declares, in both schemas Microsoft.FeatureManagement reads:
/// the .NET schema, <c>"FeatureManagement": { "Beta": true, "Checkout": { "EnabledFor": [...] } }</c>, where each
/// property is a flag; and the Microsoft schema, <c>"feature_management": { "feature_flags": [ { "id": "Beta",
/// "enabled": true } ] }</c>. An <c>"expires"</c> property beside a flag's settings is its expiry. Section and property
/// names are matched ignoring case, as configuration keys are. A section of the wrong type declares nothing.
/// </summary>
static partial class FlagSourceReader
{
    private static readonly string[] SectionNames = { "FeatureManagement", "feature_management" };
    private static readonly string[] FlagArrayNames = { "feature_flags", "FeatureFlags" };

    public static FlagSourceReading Read(string text)
    {
        var root = ConfigurationJson.Parse(text, out var error);
        if (root is null)
        {
            return new FlagSourceReading(Array.Empty<FlagDeclaration>(), hasFlagSection: false, error);
        }

        var flags = new List<FlagDeclaration>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = new LineCursor(text);
        var hasSection = false;
        if (root.Kind == ConfigurationJsonKind.Object)
        {
            foreach (var member in root.Members)
            {
                if (Array.Exists(SectionNames, name => string.Equals(name, member.Name, StringComparison.OrdinalIgnoreCase))
                    && member.Value.Kind == ConfigurationJsonKind.Object)
                {
                    hasSection = true;
                    ReadSection(member.Value, flags, seen, lines);
                }
            }
        }

        return new FlagSourceReading(flags, hasSection, error: null);
    }

    private static void ReadSection(ConfigurationJsonValue section, List<FlagDeclaration> flags, HashSet<string> seen, LineCursor lines)
    {
        foreach (var member in section.Members)
        {
            if (Array.Exists(FlagArrayNames, name => string.Equals(name, member.Name, StringComparison.OrdinalIgnoreCase)))
            {
                if (member.Value.Kind == ConfigurationJsonKind.Array)
                {
                    foreach (var item in member.Value.Items)
                    {
                        ReadSchemaFlag(item, flags, seen, lines);
                    }
                }

                continue;
            }

            // .NET schema: "Name": true | "true" | { ...settings }. Other value types are not flags.
            var value = member.Value;
            if (value.Kind == ConfigurationJsonKind.True || value.Kind == ConfigurationJsonKind.False
                || value.Kind == ConfigurationJsonKind.String || value.Kind == ConfigurationJsonKind.Object)
            {
                var expires = value.Kind == ConfigurationJsonKind.Object ? value.Member("expires")?.Value.Text : null;
                Add(member.Name, member.NameStart, member.NameLength, expires, flags, seen, lines);
            }
        }
    }

    private static void ReadSchemaFlag(ConfigurationJsonValue item, List<FlagDeclaration> flags, HashSet<string> seen, LineCursor lines)
    {
        if (item.Kind != ConfigurationJsonKind.Object || item.Member("id") is not { } id || id.Value.Kind != ConfigurationJsonKind.String
            || string.IsNullOrWhiteSpace(id.Value.Text))
        {
            return;
        }

        // The location is the id's value: the line a reader looks for.
        Add(id.Value.Text!, id.Value.Start, id.Value.Length, item.Member("expires")?.Value.Text, flags, seen, lines);
    }

    private static void Add(string name, int start, int length, string? expiresText, List<FlagDeclaration> flags, HashSet<string> seen, LineCursor lines)
    {
        if (!seen.Add(name))
        {
            return;
        }

        var (line, column) = lines.Position(start);
        var expires = FlagExpiry.ParseDate(expiresText);
        flags.Add(new FlagDeclaration(name, start, length, line, column, expires, expires is null ? expiresText : null));
    }

    /// <summary>
    /// <see cref="ConfigurationJson.Position"/> for offsets read in file order: each call goes on from the previous
    /// offset instead of counting lines from the start again, so a file with many flags is read in linear time.
    /// </summary>
    private sealed class LineCursor
    {
        private readonly string _text;
        private int _offset;
        private int _line = 1;
        private int _lineStart;

        public LineCursor(string text) => _text = text;

        public (int Line, int Column) Position(int offset)
        {
            if (offset < _offset)
            {
                _offset = 0;
                _line = 1;
                _lineStart = 0;
            }

            for (var i = _offset; i < offset && i < _text.Length; i++)
            {
                if (_text[i] == '\n' || (_text[i] == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
                {
                    _line++;
                    _lineStart = i + 1;
                }
            }

            _offset = offset;
            return (_line, offset - _lineStart + 1);
        }
    }
}
