using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>One flag of the inventory: RP2000's diagnostic and a line of the flag inventory file say the same of it.</summary>
internal sealed class FlagEntry
{
    public FlagEntry(string name, Location location, int references, DateTime? expires, bool expired, bool undeclared)
    {
        Name = name;
        Location = location;
        References = references;
        Expires = expires;
        Expired = expired;
        Undeclared = undeclared;
    }

    public string Name { get; }

    /// <summary>Where the first source declares it; <see cref="Location.None"/> when none does.</summary>
    public Location Location { get; }

    public int References { get; }

    public DateTime? Expires { get; }

    public bool Expired { get; }

    public bool Undeclared { get; }

    /// <summary>
    /// One entry per flag name (ignoring case, as configuration keys do): the first declaration's, joined by the
    /// references; sorted by name, so the inventory is the same from one build to the next.
    /// </summary>
    public static List<FlagEntry> Of(FlagSources? sources, FlagUsage usage, DateTime today)
    {
        var entries = new Dictionary<string, FlagEntry>(StringComparer.OrdinalIgnoreCase);
        if (sources is not null)
        {
            foreach (var flag in sources.Declared)
            {
                if (!entries.ContainsKey(flag.Name))
                {
                    var expired = flag.Expires is { } expires && FlagExpiry.IsExpired(expires, today);
                    entries.Add(flag.Name, new FlagEntry(flag.Name, flag.Location, usage.ReferenceCount(flag.Name), flag.Expires, expired, undeclared: false));
                }
            }
        }

        foreach (var name in usage.ReferencedNames)
        {
            if (!entries.ContainsKey(name))
            {
                // Undeclared only where there is a source to declare it and none that could not be read (as RP2002 says).
                var undeclared = sources is { HasSource: true, UnreadableFiles.Count: 0 };
                entries.Add(name, new FlagEntry(name, Location.None, usage.ReferenceCount(name), expires: null, expired: false, undeclared));
            }
        }

        return entries.Values
            .OrderBy(entry => entry.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>RP2000 for this flag: on its declaration, with what the inventory records as properties.</summary>
    public Diagnostic ToDiagnostic()
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(FlagDeclarationAnalyzer.InventoryNameProperty, Name);
        properties.Add(FlagDeclarationAnalyzer.InventoryReferencesProperty, References.ToString(CultureInfo.InvariantCulture));
        string declared;
        if (Location.IsInSource || Location.Kind == LocationKind.ExternalFile)
        {
            var span = Location.GetLineSpan();
            var line = (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
            properties.Add(FlagDeclarationAnalyzer.InventoryDeclaredInProperty, span.Path);
            properties.Add(FlagDeclarationAnalyzer.InventoryLineProperty, line);
            declared = $"declared in {System.IO.Path.GetFileName(span.Path)} line {line}";
        }
        else
        {
            // Not undeclared but not found: the project has no flag source, or one of them could not be read (RP9002).
            declared = Undeclared ? "declared in no flag source" : "not found in a flag source that could be read";
        }

        var facts = $"{declared}, {References.ToString(CultureInfo.InvariantCulture)} reference(s)";
        if (Expires is { } expires)
        {
            properties.Add(FlagDeclarationAnalyzer.InventoryExpiresProperty, FlagExpiry.Format(expires));
            facts += Expired ? $", expired on {FlagExpiry.Format(expires)}" : $", expires on {FlagExpiry.Format(expires)}";
        }

        if (Expired)
        {
            properties.Add(FlagDeclarationAnalyzer.InventoryExpiredProperty, "true");
        }

        if (Undeclared)
        {
            properties.Add(FlagDeclarationAnalyzer.InventoryUndeclaredProperty, "true");
        }

        return Diagnostic.Create(FlagDeclarationAnalyzer.InventoryRule, Location, properties.ToImmutable(), Name, facts);
    }
}
