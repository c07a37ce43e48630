using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;

namespace ReleasePolicy.Gates;

/// <summary>A <c>ComplianceControl</c> item: the control id (Include), its <c>Framework</c> and its <c>Evidence</c> list.</summary>
public sealed class ComplianceControlItem
{
    public ComplianceControlItem(string control, string? framework, string? evidence)
    {
        Control = control.Trim();
        Framework = string.IsNullOrWhiteSpace(framework) ? null : framework!.Trim();
        // Not SettingList: evidence file names may contain spaces.
        Evidence = (evidence ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
    }

    public string Control { get; }

    public string? Framework { get; }

    /// <summary>Files (relative to the project) or manifest sections: <c>rollback</c>, <c>gates:RP5002</c>, <c>dependencies</c>, ...</summary>
    public IReadOnlyList<string> Evidence { get; }
}

/// <summary>One piece of evidence in the manifest's <c>compliance[].evidence</c>: a file with its hash, or a manifest section.</summary>
public sealed class ComplianceEvidence
{
    public ComplianceEvidence(string reference, string? path, string? sha256)
    {
        Reference = reference;
        Path = path;
        Sha256 = sha256;
    }

    /// <summary>As the item wrote it.</summary>
    public string Reference { get; }

    /// <summary>For a file: relative to the project, '/'-separated.</summary>
    public string? Path { get; }

    public string? Sha256 { get; }
}

/// <summary>The manifest's <c>compliance[]</c> entry.</summary>
public sealed class ComplianceRecord
{
    public ComplianceRecord(string control, string? framework, IReadOnlyList<ComplianceEvidence> evidence)
    {
        Control = control;
        Framework = framework;
        Evidence = evidence;
    }

    public string Control { get; }

    public string? Framework { get; }

    public IReadOnlyList<ComplianceEvidence> Evidence { get; }
}

/// <summary>
/// RP5010: each <c>ComplianceControl</c> needs its evidence. A file must exist (it is recorded with its SHA-256); a
/// manifest section must be in this release's manifest: <c>rollback</c> (a playbook was found), <c>gates:RPnnnn</c>
/// (that gate ran and passed or was bypassed), <c>knownDefects</c>, or one the manifest always has
/// (<c>migrations</c>, <c>dependencies</c>, <c>risk</c>, <c>findings</c>).
/// </summary>
public static class ComplianceGate
{
    private static readonly HashSet<string> AlwaysPresent = new(StringComparer.OrdinalIgnoreCase) { "migrations", "dependencies", "risk", "findings", "release", "package", "build" };

    /// <returns>The gate, or null when no control is declared.</returns>
    public static GateResult? Check(
        IReadOnlyList<ComplianceControlItem> controls,
        IReadOnlyList<GateResult> gates,
        bool hasRollback,
        bool hasKnownDefects,
        string projectDirectory,
        string? projectFile,
        ICollection<PolicyFinding> findings,
        ICollection<string> filesRead,
        out IReadOnlyList<ComplianceRecord> records)
    {
        var list = new List<ComplianceRecord>();
        records = list;
        if (controls.Count == 0)
        {
            return null;
        }

        var failed = new List<string>();
        foreach (var control in controls)
        {
            var evidence = new List<ComplianceEvidence>();
            var missing = new List<string>();
            if (control.Evidence.Count == 0)
            {
                missing.Add("any Evidence (list files or manifest sections in the Evidence metadata)");
            }

            foreach (var reference in control.Evidence)
            {
                if (Section(reference, gates, hasRollback, hasKnownDefects) is { } present)
                {
                    if (present)
                    {
                        evidence.Add(new ComplianceEvidence(reference, null, null));
                    }
                    else
                    {
                        var failedGate = reference.StartsWith("gates:", StringComparison.OrdinalIgnoreCase)
                            && gates.Any(g => string.Equals(g.Id, reference.Substring("gates:".Length).Trim(), StringComparison.OrdinalIgnoreCase));
                        missing.Add(failedGate ? $"'{reference}' (that gate failed in this release)" : $"'{reference}' (that section is not in this release's manifest)");
                    }

                    continue;
                }

                var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(projectDirectory, reference));
                filesRead.Add(path);
                if (File.Exists(path))
                {
                    evidence.Add(new ComplianceEvidence(reference, RollbackPlaybookGate.ProjectRelative(path, projectDirectory), Sha256Digest.OfFile(path)));
                }
                else
                {
                    missing.Add($"'{reference}' (no such file: {path})");
                }
            }

            list.Add(new ComplianceRecord(control.Control, control.Framework, evidence));
            if (missing.Count > 0)
            {
                failed.Add(control.Control);
                var name = control.Framework is null ? $"'{control.Control}'" : $"{control.Framework} '{control.Control}'";
                findings.Add(new PolicyFinding(
                    RuleIds.ComplianceEvidenceMissing,
                    FindingKind.Policy,
                    $"Compliance control {name} has no evidence for {string.Join(", ", missing)}. Add the evidence, or correct the control's Evidence metadata " +
                    "(files relative to the project, or manifest sections: rollback, gates:RPnnnn, knownDefects, migrations, dependencies).",
                    projectFile));
            }
        }

        var ids = controls.Select(c => c.Control).ToList();
        return failed.Count == 0
            ? new GateResult(RuleIds.ComplianceEvidenceMissing, GateStatus.Pass, $"Every compliance control has its evidence ({string.Join(", ", ids)}).", ids)
            : new GateResult(RuleIds.ComplianceEvidenceMissing, GateStatus.Fail, $"Compliance controls without their evidence: {string.Join(", ", failed)}.", ids);
    }

    /// <returns>Whether a manifest section reference is present; null when the reference is not a section (so a file).</returns>
    private static bool? Section(string reference, IReadOnlyList<GateResult> gates, bool hasRollback, bool hasKnownDefects)
    {
        if (reference.StartsWith("gates:", StringComparison.OrdinalIgnoreCase))
        {
            var id = reference.Substring("gates:".Length).Trim();
            return gates.Any(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase) && g.Status != GateStatus.Fail);
        }

        if (string.Equals(reference, "rollback", StringComparison.OrdinalIgnoreCase))
        {
            return hasRollback;
        }

        if (string.Equals(reference, "knownDefects", StringComparison.OrdinalIgnoreCase))
        {
            return hasKnownDefects;
        }

        return AlwaysPresent.Contains(reference) ? true : null;
    }
}
