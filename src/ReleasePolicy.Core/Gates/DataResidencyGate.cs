using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Gates;

/// <summary>A <c>DeploymentRegion</c> item: the region (Include) and, optionally, the <c>DataClassification</c> stored there.</summary>
public sealed class DeploymentRegionItem
{
    public DeploymentRegionItem(string region, string? dataClassification, string? file = null, int line = 0)
    {
        Region = region.Trim();
        DataClassification = string.IsNullOrWhiteSpace(dataClassification) ? null : dataClassification!.Trim();
        File = file;
        Line = line;
    }

    public string Region { get; }

    public string? DataClassification { get; }

    /// <summary>The deployment manifest the region was read from (<c>ReleaseDeploymentManifest</c>); null for a <c>DeploymentRegion</c> item.</summary>
    public string? File { get; }

    public int Line { get; }
}

/// <summary>A <c>ReleaseResidencyPolicy</c> item: a data classification (<c>DataClassification</c>, else Include) and its allowed <c>Regions</c>.</summary>
public sealed class ResidencyPolicyItem
{
    public ResidencyPolicyItem(string name, string? dataClassification, string? regions)
    {
        Name = name.Trim();
        DataClassification = string.IsNullOrWhiteSpace(dataClassification) ? Name : dataClassification!.Trim();
        Regions = SettingList.Split(regions);
    }

    public string Name { get; }

    public string DataClassification { get; }

    /// <summary>Region names; <c>*</c> matches any characters (<c>eu-*</c>).</summary>
    public IReadOnlyList<string> Regions { get; }
}

/// <summary>
/// RP5008: every <c>DeploymentRegion</c> must be allowed for the release's data (<c>ReleaseDataSensitivity</c>, or the
/// region's own <c>DataClassification</c>) by the <c>ReleaseResidencyPolicy</c> of that classification. A
/// classification without a policy is not restricted.
/// </summary>
public static class DataResidencyGate
{
    private static readonly Regex RegionName = new("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);

    /// <returns>The gate, or null when no region or no policy is declared; an invalid name is RP9001 and no gate.</returns>
    public static GateResult? Check(
        IReadOnlyList<DeploymentRegionItem> regions,
        IReadOnlyList<ResidencyPolicyItem> policies,
        string? releaseDataSensitivity,
        string? projectFile,
        ICollection<PolicyFinding> findings)
    {
        if (regions.Count == 0 || policies.Count == 0)
        {
            return null;
        }

        var before = findings.Count;
        foreach (var region in regions.Select(r => (Name: r.Region, r.File, r.Line)).Concat(policies.SelectMany(p => p.Regions.Where(r => r.IndexOf('*') < 0)).Select(r => (Name: r, File: (string?)null, Line: 0))))
        {
            if (!RegionName.IsMatch(region.Name))
            {
                findings.Add(new PolicyFinding(
                    RuleIds.InvalidPolicyValue,
                    FindingKind.InputError,
                    $"The region '{region.Name}' ({(region.File is null ? "DeploymentRegion or ReleaseResidencyPolicy Regions" : $"ReleaseDeploymentManifest '{region.File}' line {region.Line}")}) is not a region name. Allowed: letters, digits, '-', '_' and '.', no spaces (e.g. eu-west-1, westeurope).",
                    region.File ?? projectFile,
                    line: region.Line));
            }
        }

        foreach (var classification in policies.Select(p => p.DataClassification).Concat(regions.Select(r => r.DataClassification).Where(c => c is not null)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!ReleaseClassification.DataSensitivities.Contains(classification!, StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(new PolicyFinding(
                    RuleIds.InvalidPolicyValue,
                    FindingKind.InputError,
                    $"The data classification '{classification}' (ReleaseResidencyPolicy or DeploymentRegion DataClassification) is not known. Allowed values: {string.Join(", ", ReleaseClassification.DataSensitivities)}.",
                    projectFile));
            }
        }

        if (findings.Count != before)
        {
            return null;
        }

        var sensitivity = string.IsNullOrWhiteSpace(releaseDataSensitivity) ? "Internal" : releaseDataSensitivity!.Trim();
        var violations = new List<string>();
        foreach (var region in regions)
        {
            var classification = region.DataClassification ?? sensitivity;
            var policy = policies.Where(p => string.Equals(p.DataClassification, classification, StringComparison.OrdinalIgnoreCase)).ToList();
            if (policy.Count == 0 || policy.SelectMany(p => p.Regions).Any(allowed => Matches(allowed, region.Region)))
            {
                continue;
            }

            var allowedList = string.Join(", ", policy.SelectMany(p => p.Regions));
            violations.Add(region.Region);
            findings.Add(new PolicyFinding(
                RuleIds.DataResidencyViolation,
                FindingKind.Policy,
                $"The release deploys {classification} data to region '{region.Region}'{(region.File is null ? string.Empty : $" ({Path.GetFileName(region.File)} line {region.Line})")}, and ReleaseResidencyPolicy allows {classification} data only in {(allowedList.Length == 0 ? "no region" : allowedList)}. " +
                (region.File is null ? "Remove the region from DeploymentRegion" : "Deploy to an allowed region") + ", or, if the policy changed, update ReleaseResidencyPolicy.",
                region.File ?? projectFile,
                line: region.Line));
        }

        var names = regions.Select(r => r.Region).ToList();
        return violations.Count == 0
            ? new GateResult(RuleIds.DataResidencyViolation, GateStatus.Pass, $"Every deployment region is allowed for its data ({string.Join(", ", names)}).", names)
            : new GateResult(RuleIds.DataResidencyViolation, GateStatus.Fail, $"Regions not allowed for their data: {string.Join(", ", violations)}.", names);
    }

    private static bool Matches(string pattern, string region) =>
        Regex.IsMatch(region, "^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
