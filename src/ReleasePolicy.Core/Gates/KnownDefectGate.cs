using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>A <c>KnownDefect</c> item (the defect's id as Include) and the manifest's <c>knownDefects[]</c> entry.</summary>
public sealed class KnownDefect
{
    public KnownDefect(string id, string? mitigation, string? monitoringTrigger, string? owner)
    {
        Id = id.Trim();
        Mitigation = Value(mitigation);
        MonitoringTrigger = Value(monitoringTrigger);
        Owner = Value(owner);
    }

    public string Id { get; }

    public string? Mitigation { get; }

    public string? MonitoringTrigger { get; }

    public string? Owner { get; }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}

/// <summary>
/// RP5004: a defect shipped knowingly needs a <c>Mitigation</c>, a <c>MonitoringTrigger</c> (what tells on-call it
/// bites) and an <c>Owner</c>. One finding per defect names what it lacks.
/// </summary>
public static class KnownDefectGate
{
    /// <returns>The gate's result, or null when no defect is declared.</returns>
    public static GateResult? Check(IReadOnlyList<KnownDefect> defects, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (defects.Count == 0)
        {
            return null;
        }

        var incomplete = new List<string>();
        foreach (var defect in defects)
        {
            var missing = new List<string>();
            if (defect.Mitigation is null)
            {
                missing.Add("Mitigation");
            }

            if (defect.MonitoringTrigger is null)
            {
                missing.Add("MonitoringTrigger");
            }

            if (defect.Owner is null)
            {
                missing.Add("Owner");
            }

            if (missing.Count > 0)
            {
                incomplete.Add(defect.Id);
                findings.Add(new PolicyFinding(
                    RuleIds.KnownDefectIncomplete,
                    FindingKind.Policy,
                    $"Known defect '{defect.Id}' is carried into this release without {Join(missing)}. Add them as metadata: " +
                    $"<KnownDefect Include=\"{defect.Id}\" Mitigation=\"...\" MonitoringTrigger=\"...\" Owner=\"...\" />.",
                    projectFile));
            }
        }

        var ids = defects.Select(d => d.Id).ToList();
        return incomplete.Count == 0
            ? new GateResult(RuleIds.KnownDefectIncomplete, GateStatus.Pass, $"{defects.Count} known defect{(defects.Count == 1 ? " has" : "s have")} a mitigation, a monitoring trigger and an owner.", ids)
            : new GateResult(RuleIds.KnownDefectIncomplete, GateStatus.Fail, $"Known defects without mitigation, monitoring trigger or owner: {string.Join(", ", incomplete)}.", ids);
    }

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[parts.Count - 1];
}
