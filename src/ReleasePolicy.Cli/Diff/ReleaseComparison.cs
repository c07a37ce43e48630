using System;
using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Diff;

/// <summary>What changed from one release's manifest to the next: dependencies, migrations, findings and risk.</summary>
internal sealed class ReleaseComparison
{
    private ReleaseComparison(ReleaseManifest before, ReleaseManifest after)
    {
        Before = before;
        After = after;
        Dependencies = DependencyChanges.Compare(before.Dependencies, after.Dependencies);
        var oldMigrations = new HashSet<string>(before.Migrations.All.Select(Key), StringComparer.Ordinal);
        var newMigrations = new HashSet<string>(after.Migrations.All.Select(Key), StringComparer.Ordinal);
        MigrationsAdded = after.Migrations.All.Where(m => !oldMigrations.Contains(Key(m))).ToList();
        MigrationsRemoved = before.Migrations.All.Where(m => !newMigrations.Contains(Key(m))).ToList();
        var oldFindings = new HashSet<string>((before.Findings ?? Array.Empty<ReleaseFinding>()).Select(Key), StringComparer.Ordinal);
        var newFindings = new HashSet<string>((after.Findings ?? Array.Empty<ReleaseFinding>()).Select(Key), StringComparer.Ordinal);
        FindingsNew = (after.Findings ?? Array.Empty<ReleaseFinding>()).Where(f => !oldFindings.Contains(Key(f))).ToList();
        FindingsFixed = (before.Findings ?? Array.Empty<ReleaseFinding>()).Where(f => !newFindings.Contains(Key(f))).ToList();
    }

    public ReleaseManifest Before { get; }

    public ReleaseManifest After { get; }

    public DependencyChanges Dependencies { get; }

    public IReadOnlyList<MigrationFact> MigrationsAdded { get; }

    public IReadOnlyList<MigrationFact> MigrationsRemoved { get; }

    public IReadOnlyList<ReleaseFinding> FindingsNew { get; }

    /// <summary>In the old release and no longer in the new one.</summary>
    public IReadOnlyList<ReleaseFinding> FindingsFixed { get; }

    public static ReleaseComparison Of(ReleaseManifest before, ReleaseManifest after) => new(before, after);

    private static string Key(MigrationFact migration) => migration.Kind + "\n" + migration.Id;

    /// <summary>Line numbers move with every edit above a finding; the rule, file and message say whether it is the same one.</summary>
    private static string Key(ReleaseFinding finding) => finding.Rule + "\n" + finding.Location?.Path + "\n" + finding.Message;
}
