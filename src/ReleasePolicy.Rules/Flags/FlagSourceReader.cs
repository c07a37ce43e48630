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
        var hasSection = false;
        if (root.Kind == ConfigurationJsonKind.Object)
        {
            foreach (var member in root.Members)
            {
                if (Array.Exists(SectionNames, name => string.Equals(name, member.Name, StringComparison.OrdinalIgnoreCase))
                    && member.Value.Kind == ConfigurationJsonKind.Object)
                {
                    hasSection = true;
                    ReadSection(text, member.Value, flags, seen);
                }
            }
        }

        return new FlagSourceReading(flags, hasSection, error: null);
    }

    private static void ReadSection(string text, ConfigurationJsonValue section, List<FlagDeclaration> flags, HashSet<string> seen)
    {
        foreach (var member in section.Members)
        {
            if (Array.Exists(FlagArrayNames, name => string.Equals(name, member.Name, StringComparison.OrdinalIgnoreCase)))
            {
                if (member.Value.Kind == ConfigurationJsonKind.Array)
                {
                    foreach (var item in member.Value.Items)
                    {
                        ReadSchemaFlag(text, item, flags, seen);
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
                Add(text, member.Name, member.NameStart, member.NameLength, expires, flags, seen);
            }
        }
    }

    private static void ReadSchemaFlag(string text, ConfigurationJsonValue item, List<FlagDeclaration> flags, HashSet<string> seen)
    {
        if (item.Kind != ConfigurationJsonKind.Object || item.Member("id") is not { } id || id.Value.Kind != ConfigurationJsonKind.String
            || string.IsNullOrWhiteSpace(id.Value.Text))
        {
            return;
        }

        // The location is the id's value: the line a reader looks for.
        Add(text, id.Value.Text!, id.Value.Start, id.Value.Length, item.Member("expires")?.Value.Text, flags, seen);
    }

    private static void Add(string text, string name, int start, int length, string? expiresText, List<FlagDeclaration> flags, HashSet<string> seen)
    {
        if (!seen.Add(name))
        {
            return;
        }

        var (line, column) = ConfigurationJson.Position(text, start);
        var expires = FlagExpiry.ParseDate(expiresText);
        flags.Add(new FlagDeclaration(name, start, length, line, column, expires, expires is null ? expiresText : null));
    }
}
