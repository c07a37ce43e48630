using System;
using System.Collections.Generic;
using System.Linq;

namespace ReleasePolicy.Dependencies;

/// <summary>One OSV advisory, reduced to what concerns NuGet packages.</summary>
public sealed class Advisory
{
    public Advisory(string id, IReadOnlyList<string> aliases, string? summary, DateTimeOffset? modified, VulnerabilitySeverity severity, IReadOnlyList<AffectedPackage> affected, string source)
    {
        Id = id;
        Aliases = aliases;
        Summary = summary;
        Modified = modified;
        Severity = severity;
        Affected = affected;
        Source = source;
    }

    public string Id { get; }

    /// <summary>Other ids of the same advisory (CVE-…, GHSA-…): a suppression may name any of them.</summary>
    public IReadOnlyList<string> Aliases { get; }

    public string? Summary { get; }

    public DateTimeOffset? Modified { get; }

    public VulnerabilitySeverity Severity { get; }

    public IReadOnlyList<AffectedPackage> Affected { get; }

    /// <summary>The file it was read from (inside a zip: "all.zip!GHSA-….json").</summary>
    public string Source { get; }

    public bool IsNamed(string id) =>
        string.Equals(Id, id, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(id, StringComparer.OrdinalIgnoreCase);
}

/// <summary>An OSV <c>affected[]</c> entry for a NuGet package: ranges of events and an explicit versions list.</summary>
public sealed class AffectedPackage
{
    public AffectedPackage(string name, IReadOnlyList<IReadOnlyList<RangeEvent>> ranges, IReadOnlyList<string> versions)
    {
        Name = name;
        Ranges = ranges;
        Versions = versions;
    }

    public string Name { get; }

    public IReadOnlyList<IReadOnlyList<RangeEvent>> Ranges { get; }

    public IReadOnlyList<string> Versions { get; }

    /// <summary>
    /// The OSV evaluation: in each range, sorted by version, the version is affected from an <c>introduced</c> at or
    /// below it until a <c>fixed</c> at or below it (or a <c>last_affected</c> below it); or it is listed in versions.
    /// </summary>
    /// <param name="firstFixed">The lowest <c>fixed</c> above the version in the range that affects it, or null.</param>
    public bool Affects(string version, out string? firstFixed)
    {
        firstFixed = null;
        var affected = Versions.Any(v => AdvisoryVersion.Compare(v, version) == 0);
        foreach (var range in Ranges)
        {
            var inRange = false;
            foreach (var e in range.OrderBy(e => e.Version, Comparer<string>.Create(CompareEventVersions)))
            {
                var cmp = e.Version == "0" ? 1 : AdvisoryVersion.Compare(version, e.Version);
                switch (e.Kind)
                {
                    case RangeEventKind.Introduced when cmp >= 0:
                        inRange = true;
                        break;
                    case RangeEventKind.Fixed when cmp >= 0:
                        inRange = false;
                        break;
                    case RangeEventKind.LastAffected when cmp > 0:
                        inRange = false;
                        break;
                }
            }

            if (inRange)
            {
                affected = true;
                firstFixed = range
                    .Where(e => e.Kind == RangeEventKind.Fixed && AdvisoryVersion.Compare(e.Version, version) > 0)
                    .Select(e => e.Version)
                    .OrderBy(v => v, Comparer<string>.Create(AdvisoryVersion.Compare))
                    .FirstOrDefault();
            }
        }

        if (affected && firstFixed is null)
        {
            // Listed in versions only: the range that lists its fix, if any.
            firstFixed = Ranges.SelectMany(r => r)
                .Where(e => e.Kind == RangeEventKind.Fixed && AdvisoryVersion.Compare(e.Version, version) > 0)
                .Select(e => e.Version)
                .OrderBy(v => v, Comparer<string>.Create(AdvisoryVersion.Compare))
                .FirstOrDefault();
        }

        return affected;
    }

    private static int CompareEventVersions(string x, string y) =>
        x == "0" ? (y == "0" ? 0 : -1) : y == "0" ? 1 : AdvisoryVersion.Compare(x, y);
}

public enum RangeEventKind
{
    Introduced,
    Fixed,
    LastAffected,
}

public sealed class RangeEvent
{
    public RangeEvent(RangeEventKind kind, string version)
    {
        Kind = kind;
        Version = version;
    }

    public RangeEventKind Kind { get; }

    public string Version { get; }
}
