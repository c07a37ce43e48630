using System;
using System.Collections.Generic;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Manifest;

/// <summary>
/// What kind of release this is, from ReleaseType, ReleaseHotfixSeverity, ReleaseUserImpact and
/// ReleaseDataSensitivity. Input is matched ignoring case; the manifest always carries the canonical spelling.
/// </summary>
public sealed class ReleaseClassification
{
    public static readonly IReadOnlyList<string> Types = new[] { "Standard", "Hotfix" };
    public static readonly IReadOnlyList<string> HotfixSeverities = new[] { "Sev1", "Sev2", "Sev3", "Sev4" };
    public static readonly IReadOnlyList<string> UserImpacts = new[] { "Internal", "CustomerFacing" };
    public static readonly IReadOnlyList<string> DataSensitivities = new[] { "None", "Internal", "Confidential", "PII", "PHI", "PCI" };

    private ReleaseClassification(string type, string? hotfixSeverity, string userImpact, string dataSensitivity)
    {
        Type = type;
        HotfixSeverity = hotfixSeverity;
        UserImpact = userImpact;
        DataSensitivity = dataSensitivity;
    }

    /// <summary><c>Standard</c> or <c>Hotfix</c>.</summary>
    public string Type { get; }

    /// <summary><c>Sev1</c>..<c>Sev4</c>, or <c>null</c> when not given.</summary>
    public string? HotfixSeverity { get; }

    /// <summary><c>Internal</c> or <c>CustomerFacing</c>.</summary>
    public string UserImpact { get; }

    /// <summary><c>None</c>, <c>Internal</c>, <c>Confidential</c>, <c>PII</c>, <c>PHI</c> or <c>PCI</c>.</summary>
    public string DataSensitivity { get; }

    /// <summary>
    /// The classification a manifest recorded, taken as written (a manifest from another writer may use values this
    /// version does not know; readers show them rather than refuse the file).
    /// </summary>
    internal static ReleaseClassification FromManifest(string type, string? hotfixSeverity, string userImpact, string dataSensitivity) =>
        new(type, hotfixSeverity, userImpact, dataSensitivity);

    /// <summary>
    /// Validates the four properties (empty means "use the default"). Every invalid value gets its own RP9001 finding
    /// located at <paramref name="projectFile"/>; the result is <c>null</c> when there is any.
    /// </summary>
    public static ReleaseClassification? TryCreate(
        string? type,
        string? hotfixSeverity,
        string? userImpact,
        string? dataSensitivity,
        string? projectFile,
        ICollection<PolicyFinding> findings)
    {
        var before = findings.Count;
        var canonicalType = Canonical("ReleaseType", type, Types, "Standard", projectFile, findings);
        var canonicalSeverity = Canonical("ReleaseHotfixSeverity", hotfixSeverity, HotfixSeverities, null, projectFile, findings);
        var canonicalImpact = Canonical("ReleaseUserImpact", userImpact, UserImpacts, "CustomerFacing", projectFile, findings);
        var canonicalSensitivity = Canonical("ReleaseDataSensitivity", dataSensitivity, DataSensitivities, "Internal", projectFile, findings);
        return findings.Count != before
            ? null
            : new ReleaseClassification(canonicalType!, canonicalSeverity, canonicalImpact!, canonicalSensitivity!);
    }

    private static string? Canonical(
        string property,
        string? value,
        IReadOnlyList<string> allowed,
        string? defaultValue,
        string? projectFile,
        ICollection<PolicyFinding> findings)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return defaultValue;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        findings.Add(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"{property} is '{value}'. Allowed values: {string.Join(", ", allowed)}.",
            projectFile));
        return null;
    }
}
