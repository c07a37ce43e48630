using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using ReleasePolicy.Dependencies;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;

namespace ReleasePolicy.Tasks;

/// <summary>
/// RP4001–RP4006 on pack, publish and Release builds: every package in <c>project.assets.json</c> checked against
/// the packages folder, the trust policy and the vulnerability data (<see cref="DependencyVerification"/>), offline.
/// Writes <c>dependency-verification.json</c> for the release manifest, only when its bytes change.
/// </summary>
public sealed class VerifyReleaseDependencies : ReleasePolicyTask
{
    [Required]
    public string ProjectAssetsFile { get; set; } = string.Empty;

    /// <summary>Where nuget.config discovery starts (the project folder).</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>The report for the manifest; the target's Outputs.</summary>
    public string? ReportFile { get; set; }

    /// <summary>Verdicts of earlier builds (under obj/).</summary>
    public string? CacheFile { get; set; }

    /// <summary>@(TrustedSigner): <c>Type</c> author / repository / unsigned, <c>Fingerprint</c>, <c>Owners</c>, <c>Justification</c>.</summary>
    public ITaskItem[] TrustedSigners { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(VulnerabilityDatabase): OSV files, folders or the export's zip.</summary>
    public ITaskItem[] VulnerabilityDatabases { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(VulnerabilitySuppression): advisory ids with <c>Justification</c> and <c>Expires</c>.</summary>
    public ITaskItem[] VulnerabilitySuppressions { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>$(ReleaseVulnerabilityBlockingSeverity): low / moderate / high / critical.</summary>
    public string? BlockingSeverity { get; set; }

    /// <summary>$(ReleaseRequireVulnerabilityData).</summary>
    public string? RequireVulnerabilityData { get; set; }

    /// <summary>$(ReleaseVulnerabilityDataMaxAge): days.</summary>
    public string? VulnerabilityDataMaxAge { get; set; }

    /// <summary>$(ReleasePolicyNow): the clock for expiry and data age.</summary>
    public string? Now { get; set; }

    /// <summary>Touched after a run that reported nothing; the target's Outputs.</summary>
    public string? StampFile { get; set; }

    /// <summary>The files the verdicts depend on, for the target's Inputs on the next build.</summary>
    [Output]
    public ITaskItem[] CheckedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The user-level nuget.config; empty means NuGet's usual place. Tests point it elsewhere.</summary>
    public string? NuGetUserConfig { get; set; }

    protected override string Activity => "verifying the resolved NuGet packages";

    protected override void ExecuteCore()
    {
        if (!string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Delete(StampFile!);
        }

        // Which CMS library the host let us load: ours, from the task folder, unless something is wrong with the package.
        var cms = typeof(System.Security.Cryptography.Pkcs.SignedCms).Assembly;
        Log.LogMessage(MessageImportance.Low, "ReleasePolicy tasks use System.Security.Cryptography.Pkcs {0} from '{1}'.", cms.GetName().Version, cms.Location);

        var errors = new List<PolicyFinding>();
        var options = new DependencyVerificationOptions
        {
            AssetsFile = ProjectAssetsFile,
            CacheFile = string.IsNullOrEmpty(CacheFile) ? null : CacheFile,
            ProjectFile = ProjectFile,
            VulnerabilityDatabases = VulnerabilityDatabases.Select(i => i.GetMetadata("FullPath") is { Length: > 0 } full ? full : i.ItemSpec).ToList(),
            MaxDataAgeDays = 7,
        };

        options.BlockingSeverity = ParseSeverity(errors);
        options.RequireVulnerabilityData = ParseSwitch(RequireVulnerabilityData, "ReleaseRequireVulnerabilityData", errors);
        if (!string.IsNullOrWhiteSpace(VulnerabilityDataMaxAge))
        {
            if (int.TryParse(VulnerabilityDataMaxAge!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
            {
                options.MaxDataAgeDays = days;
            }
            else
            {
                errors.Add(Invalid($"ReleaseVulnerabilityDataMaxAge is '{VulnerabilityDataMaxAge}'. Allowed values: a whole number of days, 1 or more (default 7)."));
            }
        }

        if (!string.IsNullOrWhiteSpace(Now))
        {
            if (Gates.ReleaseClock.TryParseNow(Now, out var now))
            {
                options.Now = now.UtcDateTime;
            }
            else
            {
                errors.Add(Invalid($"ReleasePolicyNow is '{Now}'. Allowed: {Gates.ReleaseClock.AllowedNowForm}."));
            }
        }

        var signers = ReadTrustedSigners(errors);
        var configDirectory = Path.GetFullPath(string.IsNullOrEmpty(ProjectDirectory) ? "." : ProjectDirectory!);
        var userConfig = string.IsNullOrEmpty(NuGetUserConfig) ? NuGetConfigTrustedSigners.UserConfigPath() : NuGetUserConfig;
        signers.AddRange(NuGetConfigTrustedSigners.Read(configDirectory, userConfig, errors));
        options.TrustedSigners = signers;
        options.Suppressions = ReadSuppressions(errors);
        if (errors.Count > 0)
        {
            Report(errors);
            return;
        }

        var result = DependencyVerification.Run(options);
        Report(result.Findings);
        if (!string.IsNullOrEmpty(ReportFile) && !result.Verified)
        {
            // Nothing was verified: an old report must not stand in for this build's, and an empty one would claim no packages.
            IO.StampFile.Delete(ReportFile!);
        }
        else if (!string.IsNullOrEmpty(ReportFile))
        {
            var directory = string.IsNullOrEmpty(ProjectDirectory) ? Path.GetDirectoryName(Path.GetFullPath(ProjectAssetsFile))! : Path.GetFullPath(ProjectDirectory!);
            AtomicFile.WriteIfChanged(ReportFile!, DependencyReport.Serialize(result, Enforce, directory));
        }

        // The nuget.config files are inputs too: a trustedSigners edit must make the next build check again.
        CheckedFiles = result.InputFiles.Concat(NuGetConfigTrustedSigners.ConfigFiles(configDirectory, userConfig))
            .Distinct(StringComparer.Ordinal)
            .Select(file => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(file)).ToArray();
        if (ReportedFindingCount == 0 && !Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Touch(StampFile!);
        }

        var cached = result.Dependencies.Count(d => d.Verdict.FromCache);
        Log.LogMessage(
            MessageImportance.Normal,
            $"ReleasePolicy: verified {Count(result.Dependencies.Count, "package")} ({cached} unchanged since the last build); {Count(result.Vulnerabilities.Count, "advisory", "advisories")} apply.");
    }

    private static string Count(int count, string one, string? many = null) => $"{count} {(count == 1 ? one : many ?? one + "s")}";

    private VulnerabilitySeverity ParseSeverity(List<PolicyFinding> errors)
    {
        if (string.IsNullOrWhiteSpace(BlockingSeverity))
        {
            return VulnerabilitySeverity.Critical;
        }

        if (VulnerabilitySeverities.TryParse(BlockingSeverity, out var severity))
        {
            return severity;
        }

        errors.Add(Invalid($"ReleaseVulnerabilityBlockingSeverity is '{BlockingSeverity}'. Allowed values: low, moderate, high, critical."));
        return VulnerabilitySeverity.Critical;
    }

    private bool ParseSwitch(string? value, string name, List<PolicyFinding> errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null:
            case "":
            case "false":
            case "no":
            case "off":
                return false;
            case "true":
            case "yes":
            case "on":
                return true;
            default:
                errors.Add(Invalid($"{name} is '{value}'. Allowed values: true, false."));
                return false;
        }
    }

    private List<TrustedSigner> ReadTrustedSigners(List<PolicyFinding> errors)
    {
        var signers = new List<TrustedSigner>();
        foreach (var item in TrustedSigners)
        {
            var type = item.GetMetadata("Type").Trim().ToLowerInvariant();
            var fingerprints = SettingList.Split(item.GetMetadata("Fingerprint")).Select(f => f.Replace(":", string.Empty)).ToList();
            var justification = item.GetMetadata("Justification");
            if (type != PackageSignature.AuthorType && type != PackageSignature.RepositoryType && type != TrustedSigner.UnsignedType)
            {
                errors.Add(Invalid($"TrustedSigner '{item.ItemSpec}' has Type '{item.GetMetadata("Type")}'. Allowed values: author, repository, unsigned."));
                continue;
            }

            if (type == TrustedSigner.UnsignedType)
            {
                if (string.IsNullOrWhiteSpace(justification))
                {
                    errors.Add(Invalid($"TrustedSigner '{item.ItemSpec}' allows an unsigned package without a Justification. Say why it may ship unsigned: Justification=\"...\"."));
                    continue;
                }
            }
            else if (fingerprints.Count == 0 || fingerprints.Any(f => f.Length != 64 || !f.All(Uri.IsHexDigit)))
            {
                errors.Add(Invalid($"TrustedSigner '{item.ItemSpec}' has Fingerprint '{item.GetMetadata("Fingerprint")}'. Allowed values: SHA-256 certificate fingerprints (64 hex digits), ';'-separated."));
                continue;
            }

            signers.Add(new TrustedSigner(item.ItemSpec, type, fingerprints, SettingList.Split(item.GetMetadata("Owners")), justification, "TrustedSigner"));
        }

        return signers;
    }

    private List<VulnerabilitySuppression> ReadSuppressions(List<PolicyFinding> errors)
    {
        var suppressions = new List<VulnerabilitySuppression>();
        foreach (var item in VulnerabilitySuppressions)
        {
            var expiresText = item.GetMetadata("Expires").Trim();
            DateTime? expires = null;
            if (expiresText.Length > 0)
            {
                expires = Rules.FlagExpiry.ParseDate(expiresText);
                if (expires is null)
                {
                    errors.Add(Invalid($"VulnerabilitySuppression '{item.ItemSpec}' has Expires '{expiresText}'. Allowed values: an ISO 8601 date (yyyy-MM-dd)."));
                    continue;
                }
            }

            suppressions.Add(new VulnerabilitySuppression(item.ItemSpec.Trim(), item.GetMetadata("Justification"), expires, expiresText.Length > 0 ? expiresText : null));
        }

        return suppressions;
    }

    private PolicyFinding Invalid(string message) => new(RuleIds.InvalidPolicyValue, FindingKind.InputError, message, ProjectFile);
}
