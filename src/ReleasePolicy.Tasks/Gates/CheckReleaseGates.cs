using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using ReleasePolicy.Gates;
using ReleasePolicy.IO;

namespace ReleasePolicy.Tasks;

/// <summary>
/// The release gates (RP5002 freeze windows, RP5003 rollback playbook, RP5004 known defects, RP5005/RP5006 test results and coverage, RP5007 configuration drift, RP5008 data residency, RP5009 new integrations without a penetration test, RP5010 compliance evidence) at pack and publish, over
/// <see cref="ReleaseGateCheck"/>. Writes <c>gates.json</c> for the manifest (only when its bytes change) and touches
/// the stamp only after a run that reported nothing and does not depend on the clock.
/// </summary>
public sealed class CheckReleaseGates : ReleasePolicyTask
{
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>$(ReleasePolicyNow): ISO 8601 with an offset; empty means the machine's clock.</summary>
    public string? Now { get; set; }

    public string? ReleaseType { get; set; }

    public string? ReleaseHotfixSeverity { get; set; }

    /// <summary>$(ReleaseFreezeBypassSeverity), default Sev2.</summary>
    public string? FreezeBypassSeverity { get; set; }

    /// <summary>@(ReleaseFreezeWindow): Start, End, Reason, Recurrence, Offset.</summary>
    public ITaskItem[] FreezeWindows { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] RollbackPlaybooks { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(ReleasePlaybookSection): the headings a playbook must have.</summary>
    public ITaskItem[] PlaybookSections { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(KnownDefect): Mitigation, MonitoringTrigger, Owner.</summary>
    public ITaskItem[] KnownDefects { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(ReleaseTestResults): TRX files.</summary>
    public ITaskItem[] TestResults { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(ReleaseCoverageReport): Cobertura files.</summary>
    public ITaskItem[] CoverageReports { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>$(ReleaseMinTestPassRate): percent, default 100 when results are given.</summary>
    public string? MinTestPassRate { get; set; }

    /// <summary>$(ReleaseMinLineCoverage): percent, off when empty.</summary>
    public string? MinLineCoverage { get; set; }

    /// <summary>@(ReleaseConfigDriftIgnore): key path patterns.</summary>
    public ITaskItem[] ConfigDriftIgnore { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>$(ReleaseDataSensitivity).</summary>
    public string? ReleaseDataSensitivity { get; set; }

    /// <summary>@(DeploymentRegion): DataClassification.</summary>
    public ITaskItem[] DeploymentRegions { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(ReleaseDeploymentManifest): deployment files (YAML/JSON) with <c>RegionPath</c> and optional <c>DataClassification</c>.</summary>
    public ITaskItem[] DeploymentManifests { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(ReleaseResidencyPolicy): DataClassification, Regions.</summary>
    public ITaskItem[] ResidencyPolicies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(ComplianceControl): Framework, Evidence.</summary>
    public ITaskItem[] ComplianceControls { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>$(ReleaseBaselineManifest), for RP5009.</summary>
    public string? BaselineManifestFile { get; set; }

    /// <summary>$(ProjectAssetsFile), for RP5009's client SDK packages.</summary>
    public string? ProjectAssetsFile { get; set; }

    /// <summary>@(ReleaseClientSdkPackage): package id patterns.</summary>
    public ITaskItem[] ClientSdkPackages { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(PenetrationTestReport): Date.</summary>
    public ITaskItem[] PenetrationTestReports { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Each framework's built assembly (<c>TargetFramework</c> metadata), for RP5009's public API comparison.</summary>
    public ITaskItem[] PublicApiAssemblies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Where the manifest's gate sections go; one of the target's Outputs.</summary>
    public string? GatesFile { get; set; }

    /// <summary>Holds the playbook's full path (or nothing) for the package and publish targets; one of the Outputs.</summary>
    public string? PlaybookPathFile { get; set; }

    public string? StampFile { get; set; }

    [Output]
    public ITaskItem[] ReadFiles { get; set; } = Array.Empty<ITaskItem>();

    protected override string Activity => "checking the release gates";

    protected override void ExecuteCore()
    {
        if (!string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Delete(StampFile!);
        }

        var projectDirectory = Path.GetFullPath(ProjectDirectory);
        var result = ReleaseGateCheck.Run(new GateInputs
        {
            ProjectDirectory = projectDirectory,
            ProjectFile = ProjectFile,
            Now = Now,
            ReleaseType = ReleaseType,
            ReleaseHotfixSeverity = ReleaseHotfixSeverity,
            ReleaseFreezeBypassSeverity = FreezeBypassSeverity,
            FreezeWindows = FreezeWindows.Select(item => new FreezeWindowItem(
                item.ItemSpec, item.GetMetadata("Start"), item.GetMetadata("End"), item.GetMetadata("Reason"), item.GetMetadata("Recurrence"), item.GetMetadata("Offset"))).ToList(),
            RollbackPlaybooks = RollbackPlaybooks.Select(item => FullPath(item, projectDirectory)).ToList(),
            PlaybookSections = PlaybookSections.Select(item => item.ItemSpec.Trim()).Where(s => s.Length > 0).ToList(),
            KnownDefects = KnownDefects.Select(item => new KnownDefect(
                item.ItemSpec, item.GetMetadata("Mitigation"), item.GetMetadata("MonitoringTrigger"), item.GetMetadata("Owner"))).ToList(),
            TestResults = TestResults.Select(item => FullPath(item, projectDirectory)).ToList(),
            CoverageReports = CoverageReports.Select(item => FullPath(item, projectDirectory)).ToList(),
            MinTestPassRate = MinTestPassRate,
            MinLineCoverage = MinLineCoverage,
            ConfigDriftIgnore = ConfigDriftIgnore.Select(item => item.ItemSpec).ToList(),
            ReleaseDataSensitivity = ReleaseDataSensitivity,
            DeploymentRegions = DeploymentRegions.Select(item => new DeploymentRegionItem(item.ItemSpec, item.GetMetadata("DataClassification"))).ToList(),
            DeploymentManifests = DeploymentManifests.Select(item => new DeploymentManifestItem(FullPath(item, projectDirectory), item.GetMetadata("RegionPath"), item.GetMetadata("DataClassification"))).ToList(),
            ResidencyPolicies = ResidencyPolicies.Select(item => new ResidencyPolicyItem(item.ItemSpec, item.GetMetadata("DataClassification"), item.GetMetadata("Regions"))).ToList(),
            BaselineManifest = string.IsNullOrWhiteSpace(BaselineManifestFile) ? null : Path.GetFullPath(Path.Combine(projectDirectory, BaselineManifestFile!.Trim())),
            ProjectAssetsFile = ProjectAssetsFile,
            ClientSdkPackages = ClientSdkPackages.Select(item => item.ItemSpec).ToList(),
            PublicApiAssemblies = PublicApiAssemblies.Select(item => FullPath(item, projectDirectory) + "|" + item.GetMetadata("TargetFramework")).ToList(),
            PenetrationTestReports = PenetrationTestReports.Select(item => new PenetrationTestReportItem(FullPath(item, projectDirectory), item.GetMetadata("Date"))).ToList(),
            ComplianceControls = ComplianceControls.Select(item => new ComplianceControlItem(item.ItemSpec, item.GetMetadata("Framework"), item.GetMetadata("Evidence"))).ToList(),
        });

        Report(result.Findings);
        ReadFiles = result.FilesRead.Select(file => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(file)).ToArray();
        if (result.Report is null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(GatesFile))
        {
            AtomicFile.WriteIfChanged(GatesFile!, result.Report.ToBytes());
        }

        if (!string.IsNullOrEmpty(PlaybookPathFile))
        {
            AtomicFile.WriteIfChanged(PlaybookPathFile!, System.Text.Encoding.UTF8.GetBytes((result.RollbackPlaybook ?? string.Empty) + "\n"));
        }

        if (ReportedFindingCount == 0 && !result.DependsOnTime && !Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Touch(StampFile!);
        }
    }

    private static string FullPath(ITaskItem item, string projectDirectory) =>
        item.GetMetadata("FullPath") is { Length: > 0 } full ? full : Path.GetFullPath(Path.Combine(projectDirectory, item.ItemSpec));
}
