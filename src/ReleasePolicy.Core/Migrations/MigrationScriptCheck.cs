using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReleasePolicy.Diagnostics;

using ReleasePolicy.IO;

namespace ReleasePolicy.Migrations;

/// <summary>Everything the migration-script check found: the report entries, the findings and the conventions used.</summary>
public sealed class MigrationCheckResult
{
    internal MigrationCheckResult(List<MigrationEntry> entries, List<PolicyFinding> findings, IReadOnlyList<ConventionChoice> conventions)
    {
        Entries = entries;
        Findings = findings;
        Conventions = conventions;
    }

    /// <summary>Sorted by path (ordinal), ready for <see cref="MigrationsReport.Write"/>.</summary>
    public IReadOnlyList<MigrationEntry> Entries { get; }

    public IReadOnlyList<PolicyFinding> Findings { get; }

    public IReadOnlyList<ConventionChoice> Conventions { get; }
}

/// <summary>
/// The whole check: <see cref="ScriptPairing"/> pairs scripts by name, then each script is read once to hash it,
/// to find an empty or comment-only rollback (RP1011), to flag a destructive forward script, and to find a forward
/// script without rollback that is declared forward-only (no RP1010 when it gives a reason).
/// </summary>
public static class MigrationScriptCheck
{
    /// <param name="baseline">
    /// <c>ReleaseMigrationBaseline</c>: migrations accepted as they are (by ID, forward script file name or
    /// project-relative path); their rollback findings (RP1010, RP1011) are not reported and the report marks them
    /// baselined, with the status they really have.
    /// </param>
    public static MigrationCheckResult Run(IReadOnlyList<MigrationScriptSet> sets, string projectDirectory, IReadOnlyCollection<string>? baseline = null)
    {
        var pairing = new ScriptPairing(projectDirectory).Pair(sets);
        var paths = new ProjectPath(projectDirectory);
        var accepted = new HashSet<string>(baseline ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var findings = new List<PolicyFinding>(pairing.Findings);
        var entries = new List<MigrationEntry>(pairing.Migrations.Count);
        var forwardOnlyFolders = new Dictionary<string, string>(PathComparer.Instance);
        foreach (var set in sets)
        {
            if (set.ForwardOnlyReason is { } folderReason)
            {
                foreach (var file in set.Files)
                {
                    forwardOnlyFolders[Path.GetFullPath(file)] = folderReason;
                }
            }
        }

        using (var reader = new SqlScriptScan.Reader())
        {
            foreach (var migration in pairing.Migrations)
            {
                entries.Add(Inspect(migration, reader, paths, findings, accepted, forwardOnlyFolders));
            }
        }

        entries.Sort((a, b) =>
        {
            var byPath = string.CompareOrdinal(a.SortPath, b.SortPath);
            return byPath != 0 ? byPath : string.CompareOrdinal(a.Id, b.Id);
        });
        // Findings in file order (setting-level ones, without a file, first) read top-down in the build output.
        var ordered = findings
            .Select((finding, index) => (finding, index))
            .OrderBy(f => f.finding.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.finding.Line)
            .ThenBy(f => f.index)
            .Select(f => f.finding)
            .ToList();
        return new MigrationCheckResult(entries, ordered, pairing.Conventions);
    }

    private static MigrationEntry Inspect(PairedMigration migration, SqlScriptScan.Reader reader, ProjectPath paths, List<PolicyFinding> allFindings, HashSet<string> accepted, Dictionary<string, string> forwardOnlyFolders)
    {
        string? folderReason = null;
        if (forwardOnlyFolders.Count > 0 && migration.Forward is { } forwardPath)
        {
            forwardOnlyFolders.TryGetValue(Path.GetFullPath(forwardPath), out folderReason);
        }

        var forward = Read(migration.Forward, reader, paths, allFindings);
        var rollback = Read(migration.Rollback, reader, paths, allFindings);
        var verify = Read(migration.Verify, reader, paths, allFindings);
        var baselined = accepted.Count > 0
            && (accepted.Contains(migration.Id)
                || (forward.File is { } file && (accepted.Contains(file.Path) || accepted.Contains(Path.GetFileName(file.Path)))));

        // A baselined migration's rollback findings are accepted; unreadable files (RP9002) are still reported.
        var findings = baselined ? new List<PolicyFinding>() : allFindings;
        string status;
        var reason = migration.Reason;
        switch (migration.Outcome)
        {
            case PairingOutcome.Paired when rollback.Scan is not null && !rollback.Scan.HasStatements:
                findings.Add(MigrationFindings.EmptyRollback(migration.Rollback!, rollback.File!.Path, forward.File!.Path));
                status = MigrationStatus.EmptyRollback;
                break;
            case PairingOutcome.Paired:
                status = MigrationStatus.Reversible;
                break;
            case PairingOutcome.MissingRollback when migration.RollbackToAdd is null:
                status = MigrationStatus.MissingRollback;
                break;
            case PairingOutcome.MissingRollback when forward.Scan is { ForwardOnly: true, ForwardOnlyReason: { } declared }:
                status = MigrationStatus.ForwardOnly;
                reason = declared;
                break;
            case PairingOutcome.MissingRollback when folderReason is not null:
                status = MigrationStatus.ForwardOnly;
                reason = folderReason;
                break;
            case PairingOutcome.MissingRollback when forward.Scan is { ForwardOnly: true }:
                findings.Add(MigrationFindings.ForwardOnlyWithoutReason(migration.Forward!, forward.File!.Path, migration.RollbackToAdd));
                status = MigrationStatus.MissingRollback;
                reason = "declared forward-only without a reason";
                break;
            case PairingOutcome.MissingRollback when migration.RollbackNotIncluded is { } notIncluded:
                findings.Add(MigrationFindings.RollbackNotIncluded(migration.Forward!, forward.File!.Path, paths.Relative(notIncluded)));
                status = MigrationStatus.MissingRollback;
                break;
            case PairingOutcome.MissingRollback:
                findings.Add(MigrationFindings.MissingRollback(migration.Forward!, forward.File!.Path, migration.RollbackToAdd));
                status = MigrationStatus.MissingRollback;
                break;
            case PairingOutcome.OrphanRollback:
                status = MigrationStatus.OrphanRollback;
                break;
            default:
                status = MigrationStatus.ForwardOnly;
                break;
        }

        return new MigrationEntry(
            migration.Id,
            MigrationConventionNames.ReportName(migration.Convention),
            forward.File,
            rollback.File,
            verify.File,
            status,
            reason,
            forward.Scan?.Destructive ?? false)
        {
            Baselined = baselined,
        };
    }

    private static (MigrationScriptFile? File, SqlScriptScan? Scan) Read(string? path, SqlScriptScan.Reader reader, ProjectPath paths, List<PolicyFinding> findings)
    {
        if (path is null)
        {
            return (null, null);
        }

        var relative = paths.Relative(path);
        try
        {
            var scan = reader.Read(path);
            return (new MigrationScriptFile(relative, scan.Sha256), scan);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            findings.Add(MigrationFindings.Unreadable(path, relative, IO.RegularFile.Explain(ex)));
            return (new MigrationScriptFile(relative, null), null);
        }
    }
}
