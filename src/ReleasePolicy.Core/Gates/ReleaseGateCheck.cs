using System;
using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Gates;

/// <summary>What the gates are checked against: the release's settings and items, as plain values.</summary>
public sealed class GateInputs
{
    public string ProjectDirectory { get; set; } = string.Empty;

    public string? ProjectFile { get; set; }

    /// <summary>$(ReleasePolicyNow); empty means the machine's clock.</summary>
    public string? Now { get; set; }

    public string? ReleaseType { get; set; }

    public string? ReleaseHotfixSeverity { get; set; }

    public string? ReleaseFreezeBypassSeverity { get; set; }

    public IReadOnlyList<FreezeWindowItem> FreezeWindows { get; set; } = new FreezeWindowItem[0];

    /// <summary>@(RollbackPlaybook), full paths in declaration order.</summary>
    public IReadOnlyList<string> RollbackPlaybooks { get; set; } = new string[0];

    /// <summary>@(ReleasePlaybookSection); empty means <see cref="RollbackPlaybookGate.DefaultSections"/>.</summary>
    public IReadOnlyList<string> PlaybookSections { get; set; } = new string[0];

    public IReadOnlyList<KnownDefect> KnownDefects { get; set; } = new KnownDefect[0];

    /// <summary>@(ReleaseTestResults): TRX files, globs expanded.</summary>
    public IReadOnlyList<string> TestResults { get; set; } = new string[0];

    /// <summary>@(ReleaseCoverageReport): Cobertura files, globs expanded.</summary>
    public IReadOnlyList<string> CoverageReports { get; set; } = new string[0];

    /// <summary>$(ReleaseMinTestPassRate): percent, default 100 when results are given.</summary>
    public string? MinTestPassRate { get; set; }

    /// <summary>$(ReleaseMinLineCoverage): percent, off when empty.</summary>
    public string? MinLineCoverage { get; set; }

    /// <summary>@(ReleaseConfigDriftIgnore): key path patterns, <c>*</c> for any characters.</summary>
    public IReadOnlyList<string> ConfigDriftIgnore { get; set; } = new string[0];

    /// <summary>$(ReleaseDataSensitivity), for RP5008.</summary>
    public string? ReleaseDataSensitivity { get; set; }

    public IReadOnlyList<DeploymentRegionItem> DeploymentRegions { get; set; } = new DeploymentRegionItem[0];

    /// <summary>@(ReleaseDeploymentManifest): deployment files RP5008 reads more regions from.</summary>
    public IReadOnlyList<DeploymentManifestItem> DeploymentManifests { get; set; } = new DeploymentManifestItem[0];

    public IReadOnlyList<ResidencyPolicyItem> ResidencyPolicies { get; set; } = new ResidencyPolicyItem[0];

    public IReadOnlyList<ComplianceControlItem> ComplianceControls { get; set; } = new ComplianceControlItem[0];

    /// <summary>The built assemblies (<c>path|targetFramework</c>) whose public API RP5009 compares with the baseline's.</summary>
    public IReadOnlyList<string> PublicApiAssemblies { get; set; } = Array.Empty<string>();

    /// <summary>$(ReleaseBaselineManifest), full path; empty means no comparison (RP5009 records, never fails).</summary>
    public string? BaselineManifest { get; set; }

    /// <summary>$(ProjectAssetsFile): the resolved packages, for RP5009's client SDK packages.</summary>
    public string? ProjectAssetsFile { get; set; }

    /// <summary>@(ReleaseClientSdkPackage): package id patterns of client SDKs for external services.</summary>
    public IReadOnlyList<string> ClientSdkPackages { get; set; } = new string[0];

    public IReadOnlyList<PenetrationTestReportItem> PenetrationTestReports { get; set; } = new PenetrationTestReportItem[0];
}

/// <summary>The outcome of every gate: what to report, and the report for the manifest.</summary>
public sealed class GateCheckResult
{
    public GateCheckResult(IReadOnlyList<PolicyFinding> findings, GateReport? report, IReadOnlyList<string> filesRead, bool dependsOnTime)
    {
        Findings = findings;
        Report = report;
        FilesRead = filesRead;
        DependsOnTime = dependsOnTime;
    }

    public IReadOnlyList<PolicyFinding> Findings { get; }

    /// <summary>Null when a setting was invalid (the findings say which), so no half-checked report reaches the manifest.</summary>
    public GateReport? Report { get; }

    /// <summary>The files the gates read, and the ones whose appearance would change a result: the next build's Inputs.</summary>
    public IReadOnlyList<string> FilesRead { get; }

    /// <summary>True when a result depends on the clock (freeze windows), so the check may not be skipped as up to date.</summary>
    public bool DependsOnTime { get; }

    /// <summary>The playbook's full path when one was found, for the package and the publish folder.</summary>
    public string? RollbackPlaybook { get; internal set; }
}

/// <summary>Runs the release gates (RP5002-RP5010) in rule order and gathers their results for the manifest.</summary>
public static class ReleaseGateCheck
{
    private static GateResult? IntegrationExpansion(GateInputs inputs, string? projectFile, List<PolicyFinding> findings, List<string> filesRead)
    {
        ReleaseManifest? baseline = null;
        DateTimeOffset? baselineTime = null;
        if (!string.IsNullOrWhiteSpace(inputs.BaselineManifest))
        {
            if (!PackageManifestEntry.TryReadManifest(inputs.BaselineManifest!, out baseline, out var error))
            {
                findings.Add(error!);
                return null;
            }

            filesRead.Add(inputs.BaselineManifest!);
            baselineTime = baseline!.Build.Timestamp ?? new DateTimeOffset(System.IO.File.GetLastWriteTimeUtc(inputs.BaselineManifest!), TimeSpan.Zero);
        }

        IReadOnlyList<NuGet.ResolvedPackage> dependencies = new NuGet.ResolvedPackage[0];
        if (inputs.ClientSdkPackages.Count > 0 && !string.IsNullOrWhiteSpace(inputs.ProjectAssetsFile) && System.IO.File.Exists(inputs.ProjectAssetsFile))
        {
            dependencies = NuGet.ProjectAssetsReader.TryRead(inputs.ProjectAssetsFile!, out _) ?? dependencies;
        }

        filesRead.AddRange(inputs.PenetrationTestReports.Select(r => r.Path));
        IReadOnlyList<PublicApiAssembly>? publicApi = null;
        if (baseline?.PublicApi is not null && inputs.PublicApiAssemblies.Count > 0)
        {
            publicApi = PublicApiAssembly.TryRead(inputs.PublicApiAssemblies, findings);
            filesRead.AddRange(inputs.PublicApiAssemblies.Select(a => a.Split('|')[0]));
        }

        return IntegrationExpansionGate.Check(inputs.ProjectDirectory, baseline, baselineTime, dependencies, inputs.ClientSdkPackages, inputs.PenetrationTestReports, projectFile, findings, publicApi);
    }

    private static PolicyFinding NoReports(string threshold, string value, string item, string what, string command, string pattern, string? projectFile) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"{threshold} is {value.Trim()}, but no {item} item names an existing file, so there are no {what} to check (a pattern that matches no file gives MSBuild no item). " +
        $"Run the tests before packing ({command}) and list the files, for example <{item} Include=\"{pattern}\" />; or remove {threshold}.",
        projectFile);

    public static GateCheckResult Run(GateInputs inputs)
    {
        var findings = new List<PolicyFinding>();
        var projectFile = inputs.ProjectFile;
        var now = ReleaseClock.Now(inputs.Now, projectFile, findings);
        var bypass = FreezeWindowGate.TryParseBypassSeverity(inputs.ReleaseFreezeBypassSeverity, projectFile, findings);
        var minPassRate = TestResultsGate.TryParsePercent("ReleaseMinTestPassRate", inputs.MinTestPassRate, 100m, projectFile, findings);
        var minCoverage = TestResultsGate.TryParsePercent("ReleaseMinLineCoverage", inputs.MinLineCoverage, null, projectFile, findings);
        var windows = inputs.FreezeWindows.Select(item => FreezeWindow.TryCreate(item, projectFile, findings)).ToList();

        // A glob that matches nothing gives MSBuild no item at all: with a threshold set, that is a gate that would
        // silently not run, so it is an error rather than a pass.
        if (inputs.TestResults.Count == 0 && !string.IsNullOrWhiteSpace(inputs.MinTestPassRate))
        {
            findings.Add(NoReports("ReleaseMinTestPassRate", inputs.MinTestPassRate!, "ReleaseTestResults", "TRX test results", "dotnet test --logger trx --results-directory TestResults", "TestResults/**/*.trx", projectFile));
        }

        if (inputs.CoverageReports.Count == 0 && minCoverage is not null)
        {
            findings.Add(NoReports("ReleaseMinLineCoverage", inputs.MinLineCoverage!, "ReleaseCoverageReport", "Cobertura coverage reports", "dotnet test --collect:\"XPlat Code Coverage\" --results-directory TestResults", "TestResults/**/coverage.cobertura.xml", projectFile));
        }

        // An unknown ReleaseType or severity is reported by the settings check and the manifest; here it means "no bypass".
        var release = ReleaseClassification.TryCreate(inputs.ReleaseType, inputs.ReleaseHotfixSeverity, null, null, projectFile, new List<PolicyFinding>())
            ?? ReleaseClassification.TryCreate(null, null, null, null, projectFile, new List<PolicyFinding>())!;
        var filesRead = new List<string>(RollbackPlaybookLookup.Candidates(inputs.ProjectDirectory));
        filesRead.AddRange(inputs.RollbackPlaybooks);
        filesRead.AddRange(inputs.TestResults);
        filesRead.AddRange(inputs.CoverageReports);
        if (findings.Count > 0)
        {
            return new GateCheckResult(findings, null, filesRead, dependsOnTime: false);
        }

        var gates = new List<GateResult>();
        if (FreezeWindowGate.Check(windows.Select(w => w!).ToList(), now!.Value, release, bypass!, projectFile, findings) is { } freeze)
        {
            gates.Add(freeze);
        }

        gates.Add(RollbackPlaybookGate.Check(inputs.RollbackPlaybooks, inputs.ProjectDirectory, inputs.PlaybookSections, projectFile, findings, out var rollback));
        if (KnownDefectGate.Check(inputs.KnownDefects, projectFile, findings) is { } defects)
        {
            gates.Add(defects);
        }

        if (TestResultsGate.Check(inputs.TestResults, minPassRate!.Value, inputs.ProjectDirectory, projectFile, findings) is { } tests)
        {
            gates.Add(tests);
        }

        if (CoverageGate.Check(inputs.CoverageReports, minCoverage, inputs.ProjectDirectory, projectFile, findings) is { } coverage)
        {
            gates.Add(coverage);
        }

        if (ConfigDriftGate.Check(inputs.ProjectDirectory, inputs.ConfigDriftIgnore, findings, filesRead, out var drift) is { } driftGate)
        {
            gates.Add(driftGate);
        }

        var regions = inputs.DeploymentRegions.Concat(DeploymentManifestRegions.Read(inputs.DeploymentManifests, projectFile, findings, filesRead)).ToList();
        if (DataResidencyGate.Check(regions, inputs.ResidencyPolicies, inputs.ReleaseDataSensitivity, projectFile, findings) is { } residency)
        {
            gates.Add(residency);
        }

        if (IntegrationExpansion(inputs, projectFile, findings, filesRead) is { } expansion)
        {
            gates.Add(expansion);
        }

        // Last: a control may cite the other gates' results as its evidence.
        if (ComplianceGate.Check(inputs.ComplianceControls, gates, rollback is not null, inputs.KnownDefects.Count > 0, inputs.ProjectDirectory, projectFile, findings, filesRead, out var compliance) is { } complianceGate)
        {
            gates.Add(complianceGate);
        }

        var playbook = RollbackPlaybookLookup.Find(inputs.RollbackPlaybooks, inputs.ProjectDirectory);
        return new GateCheckResult(findings, new GateReport(gates, inputs.KnownDefects, rollback, drift, compliance), filesRead.Distinct().ToList(), dependsOnTime: windows.Count > 0)
        {
            RollbackPlaybook = rollback is null ? null : playbook,
        };
    }
}
