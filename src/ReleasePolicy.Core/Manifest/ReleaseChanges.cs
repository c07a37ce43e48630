using System;
using System.Collections.Generic;
using System.Linq;

namespace ReleasePolicy.Manifest;

/// <summary>
/// What changed from one release to the next — the manifest's <c>changes</c> section against
/// <c>ReleaseBaselineManifest</c>, and what <c>release-policy diff</c> prints for two manifests: dependencies added,
/// removed and updated (major jumps marked), migrations added and removed, feature flags added and removed, findings
/// new and fixed, and the public API added and removed, by documentation ID, over all target frameworks of each assembly.
/// </summary>
public sealed class ReleaseChanges
{
    public ReleaseChanges(
        string? baselineId,
        string? baselineVersion,
        DependencyChanges dependencies,
        IReadOnlyList<MigrationFact> migrationsAdded,
        IReadOnlyList<MigrationFact> migrationsRemoved,
        IReadOnlyList<string>? flagsAdded,
        IReadOnlyList<string>? flagsRemoved,
        IReadOnlyList<ReleaseFinding> findingsNew,
        IReadOnlyList<ReleaseFinding> findingsFixed,
        IReadOnlyList<string>? publicApiAdded,
        IReadOnlyList<string>? publicApiRemoved)
    {
        BaselineId = baselineId;
        BaselineVersion = baselineVersion;
        Dependencies = dependencies;
        MigrationsAdded = migrationsAdded;
        MigrationsRemoved = migrationsRemoved;
        FlagsCompared = flagsAdded is not null && flagsRemoved is not null;
        FlagsAdded = flagsAdded ?? Array.Empty<string>();
        FlagsRemoved = flagsRemoved ?? Array.Empty<string>();
        FindingsNew = findingsNew;
        FindingsFixed = findingsFixed;
        PublicApiCompared = publicApiAdded is not null && publicApiRemoved is not null;
        PublicApiAdded = publicApiAdded ?? Array.Empty<string>();
        PublicApiRemoved = publicApiRemoved ?? Array.Empty<string>();
    }

    public string? BaselineId { get; }

    public string? BaselineVersion { get; }

    public DependencyChanges Dependencies { get; }

    public IReadOnlyList<MigrationFact> MigrationsAdded { get; }

    public IReadOnlyList<MigrationFact> MigrationsRemoved { get; }

    /// <summary>Both manifests have a <c>featureFlags</c> section; otherwise nothing is said about flags.</summary>
    public bool FlagsCompared { get; }

    public IReadOnlyList<string> FlagsAdded { get; }

    public IReadOnlyList<string> FlagsRemoved { get; }

    public IReadOnlyList<ReleaseFinding> FindingsNew { get; }

    /// <summary>In the old release and no longer in the new one.</summary>
    public IReadOnlyList<ReleaseFinding> FindingsFixed { get; }

    /// <summary>Both manifests record a <c>publicApi</c>; a baseline written before it was recorded compares nothing.</summary>
    public bool PublicApiCompared { get; }

    /// <summary>Members as <c>Assembly: M:Ns.Type.Method(System.String)</c>, sorted.</summary>
    public IReadOnlyList<string> PublicApiAdded { get; }

    public IReadOnlyList<string> PublicApiRemoved { get; }

    public static ReleaseChanges Between(ReleaseManifest before, ReleaseManifest after)
    {
        var flagsCompared = before.FeatureFlags is not null && after.FeatureFlags is not null;
        var apiCompared = before.PublicApi is not null && after.PublicApi is not null;
        var api = apiCompared ? ComparePublicApi(before.PublicApi!, after.PublicApi!) : default;
        // A baseline from before findings were repository-relative still compares finding by finding.
        var findingsBefore = FindingLocations.ComparableWith(before, after);
        var findingsAfter = FindingLocations.ComparableWith(after, before);
        return new ReleaseChanges(
            before.Package.Id,
            before.Package.Version,
            DependencyChanges.Compare(before.Dependencies, after.Dependencies),
            Except(after.Migrations.All, before.Migrations.All, Key),
            Except(before.Migrations.All, after.Migrations.All, Key),
            flagsCompared ? Except(after.FeatureFlags!, before.FeatureFlags!, FlagKey).Select(f => f.Name).ToList() : null,
            flagsCompared ? Except(before.FeatureFlags!, after.FeatureFlags!, FlagKey).Select(f => f.Name).ToList() : null,
            Except(findingsAfter, findingsBefore, Key),
            Except(findingsBefore, findingsAfter, Key),
            apiCompared ? api.Added : null,
            apiCompared ? api.Removed : null);
    }

    /// <summary>Configuration keys compare ignoring case, so flag names do.</summary>
    private static string FlagKey(FeatureFlag flag) => flag.Name.ToUpperInvariant();

    /// <summary>Members as <c>Assembly: documentation ID</c>, each side's target frameworks taken together.</summary>
    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) ComparePublicApi(IReadOnlyList<PublicApiAssembly> before, IReadOnlyList<PublicApiAssembly> after)
    {
        var old = Surface(before);
        var current = Surface(after);
        return (current.Where(m => !old.Contains(m)).ToList(), old.Where(m => !current.Contains(m)).ToList());
    }

    private static SortedSet<string> Surface(IReadOnlyList<PublicApiAssembly> assemblies) =>
        new(assemblies.SelectMany(a => a.Members.Select(m => a.Assembly + ": " + m)), StringComparer.Ordinal);

    private static IReadOnlyList<T> Except<T>(IEnumerable<T> items, IEnumerable<T> other, Func<T, string> key)
    {
        var known = new HashSet<string>(other.Select(key), StringComparer.Ordinal);
        return items.Where(i => !known.Contains(key(i))).ToList();
    }

    private static string Key(MigrationFact migration) => migration.Kind + "\n" + migration.Id;

    /// <summary>Line numbers move with every edit above a finding; the rule, file and message say whether it is the same one.</summary>
    private static string Key(ReleaseFinding finding) => finding.Rule + "\n" + finding.Location?.Path + "\n" + finding.Message;
}
