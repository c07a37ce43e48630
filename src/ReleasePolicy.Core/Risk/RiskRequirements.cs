using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Risk;

/// <summary>
/// RP5001: at or above <c>ReleaseRiskThreshold</c> a release needs a rollback playbook that exists, penetration-test
/// evidence (a <c>PenetrationTestReport</c> whose file exists, the item RP5009 reads) when the public API grew since the
/// baseline, and every <c>ReleaseRiskRequiredArtifact</c> file. One finding names everything that is missing.
/// </summary>
public static class RiskRequirements
{
    /// <param name="changes">The manifest's <c>changes</c>; its <c>publicApi.added</c> decides whether a penetration test is required. Null without a baseline.</param>
    /// <param name="penetrationTestReports">@(PenetrationTestReport); only whether a file exists counts here (RP5009 checks it is newer than the baseline).</param>
    /// <returns>The RP5001 finding, or null when the risk is below the threshold or nothing is missing.</returns>
    public static PolicyFinding? Check(
        RiskAssessment risk,
        string threshold,
        IReadOnlyList<string> rollbackPlaybooks,
        IReadOnlyList<string> requiredArtifacts,
        ReleaseChanges? changes = null,
        IReadOnlyList<PenetrationTestReportItem>? penetrationTestReports = null)
    {
        if (RiskLevels.Rank(risk.Level) < RiskLevels.Rank(threshold))
        {
            return null;
        }

        var missing = new List<string>();
        if (rollbackPlaybooks.Count == 0)
        {
            missing.Add("a rollback playbook (declare it: <RollbackPlaybook Include=\"docs/rollback.md\" />)");
        }
        else if (!rollbackPlaybooks.Any(File.Exists))
        {
            missing.Add("the rollback playbook " + string.Join(" or ", rollbackPlaybooks.Select(p => $"'{p}'")) + " (the file does not exist)");
        }

        if (PenetrationTestMissing(changes, penetrationTestReports ?? Array.Empty<PenetrationTestReportItem>()) is { } penetrationTest)
        {
            missing.Add(penetrationTest);
        }

        missing.AddRange(requiredArtifacts.Where(path => !File.Exists(path)).Select(path => $"the required artifact '{path}' (ReleaseRiskRequiredArtifact; the file does not exist)"));
        if (missing.Count == 0)
        {
            return null;
        }

        return new PolicyFinding(
            RuleIds.RiskArtifactsMissing,
            FindingKind.Policy,
            $"Release risk is {risk.Level} ({risk.Score}/100), at or above ReleaseRiskThreshold '{threshold}', and it requires " +
            string.Join("; ", missing) + ". Add them, or lower the risk (docs/risk.md lists the factors).");
    }

    /// <summary>What to say when the public API grew and no penetration test report exists; null when none is required or one exists.</summary>
    private static string? PenetrationTestMissing(ReleaseChanges? changes, IReadOnlyList<PenetrationTestReportItem> reports)
    {
        var added = changes?.PublicApiAdded ?? Array.Empty<string>();
        if (added.Count == 0 || reports.Any(r => File.Exists(r.Path)))
        {
            return null;
        }

        var grown = $"the public API grew by {added.Count} member(s) since the baseline, e.g. {string.Join(", ", added.Take(3).Select(m => "'" + m + "'"))}";
        return reports.Count == 0
            ? $"penetration-test evidence, as {grown} (declare it: <PenetrationTestReport Include=\"docs/security/pentest.pdf\" Date=\"2026-12-01\" />)"
            : "the penetration test report " + string.Join(" or ", reports.Select(r => $"'{r.Path}'")) + $" (PenetrationTestReport; the file does not exist), required as {grown}";
    }
}
