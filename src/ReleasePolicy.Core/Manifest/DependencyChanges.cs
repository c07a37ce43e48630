using System;
using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.NuGet;

namespace ReleasePolicy.Manifest;

/// <summary>One package whose resolved version differs between two releases.</summary>
public sealed class DependencyUpdate
{
    public DependencyUpdate(string id, string from, string to)
    {
        Id = id;
        From = from;
        To = to;
    }

    public string Id { get; }

    public string From { get; }

    public string To { get; }

    /// <summary>The major version went up (<c>6.0.1</c> to <c>8.0.0</c>): breaking changes are allowed there.</summary>
    public bool MajorUpgrade => Major(To) > Major(From);

    public bool Downgrade => PackageVersionComparer.Instance.Compare(To, From) < 0;

    private static int Major(string version)
    {
        var end = version.IndexOfAny(new[] { '.', '-', '+' });
        return int.TryParse(end < 0 ? version : version.Substring(0, end), out var major) ? major : 0;
    }
}

/// <summary>
/// How the resolved packages changed between a baseline release and this one, by package id (ignoring case). A
/// package resolved at several versions counts at its highest, since that is the one a reader thinks of.
/// </summary>
public sealed class DependencyChanges
{
    public DependencyChanges(IReadOnlyList<ResolvedPackage> added, IReadOnlyList<ResolvedPackage> removed, IReadOnlyList<DependencyUpdate> updated)
    {
        Added = added;
        Removed = removed;
        Updated = updated;
    }

    public IReadOnlyList<ResolvedPackage> Added { get; }

    public IReadOnlyList<ResolvedPackage> Removed { get; }

    public IReadOnlyList<DependencyUpdate> Updated { get; }

    public bool Any => Added.Count + Removed.Count + Updated.Count > 0;

    public static DependencyChanges Compare(IReadOnlyList<ResolvedPackage> baseline, IReadOnlyList<ResolvedPackage> current)
    {
        var before = Highest(baseline);
        var after = Highest(current);
        var added = after.Values.Where(p => !before.ContainsKey(p.Id)).OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var removed = before.Values.Where(p => !after.ContainsKey(p.Id)).OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var updated = after.Values
            .Where(p => before.TryGetValue(p.Id, out var old) && !string.Equals(old.Version, p.Version, StringComparison.OrdinalIgnoreCase))
            .Select(p => new DependencyUpdate(p.Id, before[p.Id].Version, p.Version))
            .OrderBy(u => u.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new DependencyChanges(added, removed, updated);
    }

    private static Dictionary<string, ResolvedPackage> Highest(IReadOnlyList<ResolvedPackage> packages)
    {
        var highest = new Dictionary<string, ResolvedPackage>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in packages)
        {
            if (!highest.TryGetValue(package.Id, out var known) || PackageVersionComparer.Instance.Compare(package.Version, known.Version) > 0)
            {
                highest[package.Id] = package;
            }
        }

        return highest;
    }
}
