using System;
using System.Collections.Generic;
using System.IO;
using ReleasePolicy.Diagnostics;

using ReleasePolicy.IO;

namespace ReleasePolicy.Migrations;

/// <summary>
/// Sqitch: every change in a <c>sqitch.plan</c> needs <c>deploy/&lt;change&gt;.sql</c> and
/// <c>revert/&lt;change&gt;.sql</c> beside the plan; <c>verify/&lt;change&gt;.sql</c> is optional and recorded when
/// present. Scripts the plan does not list are orphans (revert/) or RP1013 (anything else). The default top
/// directory is assumed: a <c>sqitch.conf</c> that moves deploy/revert/verify is not read.
/// </summary>
internal sealed class SqitchPairing
{
    private readonly ProjectPath _paths;
    private readonly Func<string, TextReader> _openPlan;
    private readonly string _setName;
    private readonly List<PairedMigration> _migrations;
    private readonly List<PolicyFinding> _findings;

    public SqitchPairing(
        ProjectPath paths, Func<string, TextReader> openPlan, string setName, List<PairedMigration> migrations, List<PolicyFinding> findings)
    {
        _paths = paths;
        _openPlan = openPlan;
        _setName = setName;
        _migrations = migrations;
        _findings = findings;
    }

    public void Pair(string[] files)
    {
        var present = new HashSet<string>(files, StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<string>();
        var complete = true;
        foreach (var file in files)
        {
            if (ConventionDetection.IsSqitchPlan(Path.GetFileName(file)))
            {
                plans.Add(file);
                complete &= PairPlan(file, present, claimed);
            }
        }

        if (plans.Count == 0)
        {
            _findings.Add(MigrationFindings.NoSqitchPlan(_setName));
            return;
        }

        // A plan that could not be read whole may list any script: its RP9002 is the finding, not "belongs to no change".
        foreach (var file in complete ? files : Array.Empty<string>())
        {
            if (ConventionDetection.IsSql(Path.GetFileName(file)) && !claimed.Contains(file))
            {
                Unclaimed(file, plans);
            }
        }
    }

    /// <returns>False when the plan, or a line of it, could not be read.</returns>
    private bool PairPlan(string plan, HashSet<string> present, HashSet<string> claimed)
    {
        var planRelative = _paths.Relative(plan);
        IReadOnlyList<SqitchChange> changes;
        IReadOnlyList<SqitchChange> repeats;
        IReadOnlyList<SqitchPlanLineError> unreadable;
        try
        {
            using var reader = _openPlan(plan);
            changes = SqitchPlan.Parse(reader, out repeats, out unreadable);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            _findings.Add(MigrationFindings.Unreadable(plan, planRelative, RegularFile.Explain(ex)));
            return false;
        }

        // One finding for a damaged plan, at its first bad line: a binary file would otherwise give one per line.
        if (unreadable.Count > 0)
        {
            var first = unreadable[0];
            var more = unreadable.Count - 1;
            _findings.Add(MigrationFindings.UnreadableSqitchLine(
                plan, first.Line, planRelative, first.Problem + (more == 0 ? string.Empty : $" (and {more} more line{(more == 1 ? string.Empty : "s")} after it cannot be read either)")));
        }

        foreach (var repeat in repeats)
        {
            _findings.Add(MigrationFindings.RepeatedSqitchChange(plan, repeat.Line, planRelative, repeat.Name));
        }

        var top = Path.GetDirectoryName(plan)!;
        foreach (var change in changes)
        {
            var deploy = Claim(ScriptPath(top, "deploy", change), present, claimed);
            var revert = Claim(ScriptPath(top, "revert", change), present, claimed);
            var verify = Claim(ScriptPath(top, "verify", change), present, claimed);
            if (deploy.Exists && revert.Exists)
            {
                _migrations.Add(new PairedMigration(
                    change.Id, MigrationConvention.Sqitch, PairingOutcome.Paired, deploy.Path, revert.Path, verify.Exists ? verify.Path : null));
            }
            else if (deploy.Exists)
            {
                _migrations.Add(new PairedMigration(
                    change.Id, MigrationConvention.Sqitch, PairingOutcome.MissingRollback, deploy.Path, null,
                    verify.Exists ? verify.Path : null, rollbackToAdd: Quote(revert.Path),
                    rollbackNotIncluded: File.Exists(revert.Path) ? revert.Path : null));
            }
            else if (revert.Exists && !File.Exists(deploy.Path) && !Directory.Exists(deploy.Path))
            {
                _findings.Add(MigrationFindings.OrphanRollback(revert.Path, Relative(revert.Path), Quote(deploy.Path)));
                _migrations.Add(new PairedMigration(change.Id, MigrationConvention.Sqitch, PairingOutcome.OrphanRollback, null, revert.Path));
            }
            else
            {
                // Something is at the deploy path but not in the set: say what, rather than "does not exist" or RP1012.
                _findings.Add(NoDeployScript(plan, planRelative, change, deploy.Path));
                if (revert.Exists)
                {
                    _migrations.Add(new PairedMigration(change.Id, MigrationConvention.Sqitch, PairingOutcome.OrphanRollback, null, revert.Path));
                }
            }
        }

        return unreadable.Count == 0;
    }

    // What is really wrong with a deploy script that is not in the set: absent, outside the items, or not a file.
    private PolicyFinding NoDeployScript(string plan, string planRelative, SqitchChange change, string deploy)
    {
        var relative = Relative(deploy);
        if (Directory.Exists(deploy))
        {
            return MigrationFindings.SqitchScriptNotAFile(plan, change.Line, planRelative, change.Name, relative, "a folder");
        }

        if (File.Exists(deploy))
        {
            return RegularFile.Is(deploy)
                ? MigrationFindings.SqitchScriptNotIncluded(plan, change.Line, planRelative, change.Name, relative, _setName)
                : MigrationFindings.SqitchScriptNotAFile(plan, change.Line, planRelative, change.Name, relative, "a named pipe, device or socket");
        }

        return MigrationFindings.MissingSqitchScript(plan, change.Line, planRelative, change.Name, relative);
    }

    private void Unclaimed(string file, List<string> plans)
    {
        var relative = _paths.Relative(file);
        foreach (var plan in plans)
        {
            var top = Path.GetDirectoryName(plan)! + Path.DirectorySeparatorChar;
            if (!file.StartsWith(top, StringComparison.Ordinal))
            {
                continue;
            }

            var inside = file.Substring(top.Length).Replace('\\', '/');
            var slash = inside.IndexOf('/');
            var folder = slash < 0 ? string.Empty : inside.Substring(0, slash);
            var change = slash < 0 ? inside : inside.Substring(slash + 1, inside.Length - slash - 1 - ".sql".Length);
            if (folder == "revert")
            {
                _findings.Add(MigrationFindings.OrphanRollback(file, relative, Quote(Path.Combine(top, "deploy", change + ".sql"))));
                _migrations.Add(new PairedMigration(change, MigrationConvention.Sqitch, PairingOutcome.OrphanRollback, null, file));
                return;
            }

            if (folder == "deploy" || folder == "verify")
            {
                _findings.Add(MigrationFindings.UnplannedSqitchScript(file, relative, _paths.Relative(plan), change));
                return;
            }
        }

        _findings.Add(MigrationFindings.UnrecognizedName(
            file, relative, _setName, MigrationConvention.Sqitch,
            "deploy/<change>.sql, revert/<change>.sql or verify/<change>.sql beside sqitch.plan"));
    }

    private static (string Path, bool Exists) Claim(string path, HashSet<string> present, HashSet<string> claimed)
    {
        var exists = present.Contains(path);
        if (exists)
        {
            claimed.Add(path);
        }

        return (path, exists);
    }

    private static string ScriptPath(string top, string folder, SqitchChange change) =>
        Path.GetFullPath(Path.Combine(Path.Combine(top, folder), change.ScriptName));

    private string Relative(string path) => _paths.Relative(path);

    private string Quote(string path) => "'" + _paths.Relative(path) + "'";
}
