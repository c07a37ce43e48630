using System;
using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Gates;

/// <summary>
/// RP5002: no release while a <c>ReleaseFreezeWindow</c> is active, unless it is a hotfix at or above
/// <c>ReleaseFreezeBypassSeverity</c> (default <c>Sev2</c>; Sev1 is the most severe), which passes as <c>bypassed</c>.
/// </summary>
public static class FreezeWindowGate
{
    public const string DefaultBypassSeverity = "Sev2";

    /// <returns>The gate's result, or null when no window is declared.</returns>
    public static GateResult? Check(
        IReadOnlyList<FreezeWindow> windows,
        DateTimeOffset now,
        ReleaseClassification release,
        string bypassSeverity,
        string? projectFile,
        ICollection<PolicyFinding> findings)
    {
        if (windows.Count == 0)
        {
            return null;
        }

        var active = windows
            .Select(w => (Window: w, Until: w.ActiveUntil(now)))
            .Where(a => a.Until is not null)
            .ToList();
        if (active.Count == 0)
        {
            return new GateResult(
                RuleIds.ReleaseFreezeActive,
                GateStatus.Pass,
                $"No freeze window is active at {ReleaseClock.Format(now)}.",
                windows.Select(w => w.Describe()).ToList());
        }

        var described = active.Select(a => $"{a.Window.Describe()}, reason: {a.Window.Reason}, ends {ReleaseClock.Format(a.Until!.Value)}").ToList();
        var what = active.Count == 1 ? "Release freeze " + described[0] : "Release freezes " + string.Join("; ", described);
        if (release.Type == "Hotfix" && Rank(release.HotfixSeverity) is { } severity && severity <= Rank(bypassSeverity))
        {
            var reason = $"{what}: bypassed by a {release.HotfixSeverity} hotfix (ReleaseFreezeBypassSeverity is {bypassSeverity}).";
            findings.Add(new PolicyFinding(RuleIds.ReleaseFreezeActive, FindingKind.Information, reason, projectFile));
            return new GateResult(RuleIds.ReleaseFreezeActive, GateStatus.Bypassed, reason, described, release.HotfixSeverity);
        }

        var failure = $"{what}. Nothing ships during a freeze: wait until it ends, or, for an urgent fix, release a hotfix " +
            $"(ReleaseType=Hotfix, ReleaseHotfixSeverity={bypassSeverity} or more severe), which ReleaseFreezeBypassSeverity lets through.";
        findings.Add(new PolicyFinding(RuleIds.ReleaseFreezeActive, FindingKind.Policy, failure, projectFile));
        return new GateResult(RuleIds.ReleaseFreezeActive, GateStatus.Fail, failure, described);
    }

    /// <summary><c>ReleaseFreezeBypassSeverity</c>: Sev1..Sev4, default Sev2; null with RP9001 otherwise.</summary>
    public static string? TryParseBypassSeverity(string? value, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultBypassSeverity;
        }

        var canonical = ReleaseClassification.HotfixSeverities.FirstOrDefault(s => string.Equals(s, value!.Trim(), StringComparison.OrdinalIgnoreCase));
        if (canonical is null)
        {
            findings.Add(new PolicyFinding(
                RuleIds.InvalidPolicyValue,
                FindingKind.InputError,
                $"ReleaseFreezeBypassSeverity is '{value}'. Allowed values: {string.Join(", ", ReleaseClassification.HotfixSeverities)} (Sev1 is the most severe).",
                projectFile));
        }

        return canonical;
    }

    /// <summary>1 for Sev1 (most severe) to 4; null for none or an unknown value.</summary>
    private static int? Rank(string? severity)
    {
        for (var i = 0; i < ReleaseClassification.HotfixSeverities.Count; i++)
        {
            if (string.Equals(ReleaseClassification.HotfixSeverities[i], severity, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }
}
