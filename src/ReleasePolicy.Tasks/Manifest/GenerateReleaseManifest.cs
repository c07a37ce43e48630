using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Git;
using ReleasePolicy.IO;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Writes <c>release-manifest.json</c> for <c>dotnet pack</c> / <c>dotnet publish</c>: package identity, where the
/// source came from, how it was built, the release classification, migrations and resolved dependencies. The file
/// is rewritten only when its bytes change, so incremental builds stay incremental.
/// </summary>
public sealed class GenerateReleaseManifest : ReleasePolicyTask
{
    /// <summary>Where to write the manifest.</summary>
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>Where git discovery starts; defaults to the folder of <see cref="ReleasePolicyTask.ProjectFile"/>.</summary>
    public string? ProjectDirectory { get; set; }

    public string? PackageId { get; set; }

    public string? PackageVersion { get; set; }

    /// <summary>From SourceLink / $(RepositoryUrl) when known; otherwise read from the git config. Credentials are stripped.</summary>
    public string? RepositoryUrl { get; set; }

    public string? RepositoryCommit { get; set; }

    public string? RepositoryBranch { get; set; }

    public string? Configuration { get; set; }

    /// <summary>';'-separated, e.g. <c>net8.0;net10.0</c>; kept in the declared order.</summary>
    public string? TargetFrameworks { get; set; }

    public string? SdkVersion { get; set; }

    /// <summary>Path to <c>obj/project.assets.json</c>; empty means the project has no NuGet restore output.</summary>
    public string? ProjectAssetsFile { get; set; }

    public string? ReleaseType { get; set; }

    public string? ReleaseHotfixSeverity { get; set; }

    public string? ReleaseUserImpact { get; set; }

    public string? ReleaseDataSensitivity { get; set; }

    /// <summary>Seconds since the Unix epoch; the only source of <c>build.timestamp</c>.</summary>
    public string? SourceDateEpoch { get; set; }

    /// <summary>A JSON array of migration entries; embedded as <c>migrations</c> when the file exists.</summary>
    public string? MigrationsReportFile { get; set; }

    /// <summary>
    /// The inventory files the analyzers wrote, one of each kind per compilation (per target framework of a
    /// multi-targeted project; read as one, each migration, flag and finding listed once): <c>migration-inventory.txt</c>,
    /// whose EF Core / FluentMigrator migrations join <c>migrations</c> after the SQL ones, and <c>flag-inventory.txt</c>,
    /// which becomes <c>featureFlags</c>; their findings (RP1001-RP1007, RP2002-RP2003) join <c>findings</c>. Empty when the
    /// project references neither a migration framework nor a flag library; a listed file that is missing is RP9002,
    /// never a shorter list.
    /// </summary>
    public ITaskItem[] InventoryFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The SQL script check's findings (RP1010-RP1013); they join <c>findings</c> with the analyzers'.</summary>
    public string? ScriptFindingsFile { get; set; }

    /// <summary>The release-notes check's findings (RP3010), in the same format; absent when the check did not run.</summary>
    public string? LeakFindingsFile { get; set; }

    /// <summary>The dependency check's report (RP4001-RP4006): trust and advisories per dependency; its findings join <c>findings</c>.</summary>
    public string? DependencyVerificationFile { get; set; }

    /// <summary>$(ReleaseBaselineManifest): the previous release's manifest, sidecar or .nupkg, for dependency changes.</summary>
    public string? BaselineManifestFile { get; set; }

    /// <summary>$(ReleaseRiskWeights): <c>factor=weight;…</c> overriding docs/risk.md's defaults.</summary>
    public string? RiskWeights { get; set; }

    /// <summary>$(ReleaseRiskLevels): <c>medium=25;high=50;critical=75</c>.</summary>
    public string? RiskLevels { get; set; }

    /// <summary>$(ReleaseRiskThreshold): the level at which RP5001 requires artifacts (default <c>high</c>).</summary>
    public string? RiskThreshold { get; set; }

    /// <summary>@(RollbackPlaybook): required (one that exists) at or above the threshold.</summary>
    public ITaskItem[] RollbackPlaybooks { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(ReleaseRiskRequiredArtifact): more files required at or above the threshold.</summary>
    public ITaskItem[] RiskRequiredArtifacts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// @(PenetrationTestReport), the evidence RP5009 reads: at or above the threshold one must exist when the public API
    /// grew since the baseline.
    /// </summary>
    public ITaskItem[] PenetrationTestReports { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The release gates' report (gates.json): the manifest's <c>gates</c>, <c>knownDefects</c> and <c>rollback</c>.</summary>
    public string? GatesFile { get; set; }

    /// <summary>
    /// The built assemblies whose public API the manifest records (<c>publicApi</c>), one per target framework, with
    /// <c>TargetFramework</c> metadata; empty leaves <c>publicApi</c> out.
    /// </summary>
    public ITaskItem[] PublicApiAssemblies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>True when RP5001 was reported, so the targets run the task again on the next pack until it is fixed.</summary>
    [Output]
    public bool RunAgain { get; set; }

    /// <summary>
    /// Every file this manifest was made from (assets file, scripts report, inventories, the git files that decide the
    /// commit and branch), so the targets can skip the task until one of them changes.
    /// </summary>
    [Output]
    public ITaskItem[] InputFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The full path of the manifest written (or found up to date).</summary>
    [Output]
    public string? ManifestFile { get; set; }

    /// <summary>Reads CI environment variables; replaced in tests so the machine running them does not leak in.</summary>
    internal Func<string, string?> EnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    protected override string Activity => $"writing the release manifest '{OutputFile}'";

    protected override void ExecuteCore()
    {
        // Which JSON library the host let us load: ours, from the task folder, unless something is wrong with the package.
        var json = typeof(System.Text.Json.JsonDocument).Assembly;
        Log.LogMessage(MessageImportance.Low, "ReleasePolicy tasks use System.Text.Json {0} from '{1}'.", json.GetName().Version, json.Location);

        var findings = new List<PolicyFinding>();
        var release = ReleaseClassification.TryCreate(
            ReleaseType, ReleaseHotfixSeverity, ReleaseUserImpact, ReleaseDataSensitivity, ProjectFile, findings);
        if (!ReleasePolicy.Manifest.SourceDateEpoch.TryParse(SourceDateEpoch, ProjectFile, out var timestamp, out var epochError))
        {
            findings.Add(epochError!);
        }

        if (!MigrationsReport.TryRead(MigrationsReportFile, out var sqlMigrations, out var migrationsError))
        {
            findings.Add(migrationsError!);
        }

        var projectDirectory = Value(ProjectDirectory) ?? (Value(ProjectFile) is { } projectFile ? Path.GetDirectoryName(Path.GetFullPath(projectFile)) : null);
        var inventoryFiles = new List<string>();
        foreach (var item in InventoryFiles)
        {
            inventoryFiles.Add(item.ItemSpec);
        }

        if (!CompilationInventory.TryRead(inventoryFiles, projectDirectory, out var inventory, out var inventoryError))
        {
            findings.Add(inventoryError!);
        }

        if (!inventoryFiles.Exists(file => string.Equals(Path.GetFileName(file), CompilationInventory.LeakInventoryFileName, StringComparison.OrdinalIgnoreCase)))
        {
            Log.LogMessage(
                MessageImportance.Normal,
                "ReleasePolicy: the release manifest lists no RP3001-RP3006 findings, because the compile that built this project did not collect them " +
                "(only the compile of a pack or publish does). Pack without --no-build, or set ReleaseLeakInventory=true.");
        }

        if (!ScriptFindingsReport.TryRead(ScriptFindingsFile, out var scriptFindings, out var scriptFindingsError))
        {
            findings.Add(scriptFindingsError!);
        }

        if (!ScriptFindingsReport.TryRead(LeakFindingsFile, out var leakFindings, out var leakFindingsError))
        {
            findings.Add(leakFindingsError!);
        }

        if (!DependencyVerificationSummary.TryRead(DependencyVerificationFile, out var dependencyVerification, out var dependencyVerificationError))
        {
            findings.Add(dependencyVerificationError!);
        }

        var taskFindings = scriptFindings is null && leakFindings is null && dependencyVerification is null
            ? null
            : (scriptFindings ?? Array.Empty<ReleaseFinding>()).Concat(leakFindings ?? Array.Empty<ReleaseFinding>()).Concat(dependencyVerification?.Findings ?? Array.Empty<ReleaseFinding>()).ToList();

        if (!ReleasePolicy.Gates.GateReport.TryRead(Value(GatesFile), out var gateReport, out var gatesError))
        {
            findings.Add(gatesError!);
        }

        var riskPolicy = RiskPolicy.TryCreate(RiskWeights, RiskLevels, ProjectFile, findings);
        var riskThreshold = RiskPolicy.TryParseThreshold(RiskThreshold, ProjectFile, findings);
        ReleaseManifest? baseline = null;
        if (Value(BaselineManifestFile) is { } baselineFile && !PackageManifestEntry.TryReadManifest(baselineFile, out baseline, out var baselineError))
        {
            findings.Add(baselineError!);
        }

        IReadOnlyList<ResolvedPackage>? dependencies = Array.Empty<ResolvedPackage>();
        if (!string.IsNullOrWhiteSpace(ProjectAssetsFile))
        {
            dependencies = ProjectAssetsReader.TryRead(ProjectAssetsFile!, out var assetsError);
            if (assetsError is not null)
            {
                findings.Add(assetsError);
            }
        }

        var publicApi = PublicApiAssemblies.Length == 0
            ? null
            : PublicApiAssembly.TryRead(PublicApiAssemblies.Select(a => a.GetMetadata("FullPath") + "|" + a.GetMetadata("TargetFramework")), findings);

        if (findings.Count > 0 || release is null || dependencies is null || riskPolicy is null || riskThreshold is null)
        {
            Report(findings);
            return;
        }

        var ci = CiEnvironment.Read(EnvironmentVariable);
        var repository = ReleaseRepository.Resolve(RepositoryUrl, RepositoryCommit, RepositoryBranch, projectDirectory, ci.Branch);
        if (repository.IgnoredCommit is { } ignored)
        {
            Log.LogMessage(MessageImportance.Low, "RepositoryCommit '{0}' is not a full commit ID; reading the commit from git instead.", ignored);
        }

        if (repository.SkippedGitFiles.Count > 0)
        {
            Report(repository.SkippedGitFiles.Select(file => new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"The git file '{file}' is not a regular file (it is a named pipe, device or socket), so it was skipped rather than read, " +
                "and the release manifest would have no commit or branch from it. Restore the file git writes there, or set RepositoryCommit and RepositoryBranch.",
                file)));
            return;
        }

        var manifest = new ReleaseManifest(
            new ManifestPackage(Value(PackageId), Value(PackageVersion), repository.Repository),
            new ManifestBuild(Value(Configuration), TargetFrameworkList.Parse(TargetFrameworks), Value(SdkVersion), timestamp, ci.RunUrl),
            release,
            new ManifestMigrations(sqlMigrations, inventory?.Migrations ?? Array.Empty<CodeMigration>()),
            dependencies,
            FindingLocations.FromRepositoryRoot(ReleaseFinding.Merge(inventory?.Findings, taskFindings), repository.Repository.ProjectPath),
            featureFlags: inventory is { HasFlagInventory: true } ? inventory.Flags : null,
            gates: gateReport,
            dependencyVerification: dependencyVerification,
            publicApi: publicApi);
        // One comparison with the baseline, for the risk and the manifest's changes section alike.
        var changes = baseline is null ? null : ReleaseChanges.Between(baseline, manifest);
        var risk = RiskModel.Assess(manifest, riskPolicy, changes);
        manifest = manifest.WithRisk(risk).WithChanges(changes);

        var inputs = new List<string>(inventoryFiles);
        inputs.AddRange(PublicApiAssemblies.Select(a => a.GetMetadata("FullPath")));
        foreach (var file in new[] { ProjectAssetsFile, MigrationsReportFile, ScriptFindingsFile, LeakFindingsFile, DependencyVerificationFile, BaselineManifestFile, GatesFile })
        {
            if (Value(file) is { } existing)
            {
                inputs.Add(existing);
            }
        }

        inputs.AddRange(GitRepositoryInfo.StateFiles(projectDirectory));
        InputFiles = inputs.ConvertAll(file => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(Path.GetFullPath(file))).ToArray();

        var path = Path.GetFullPath(OutputFile);
        var written = AtomicFile.WriteIfChanged(path, ReleaseManifestWriter.ToBytes(manifest));
        Log.LogMessage(MessageImportance.Low, written ? "Release manifest written to '{0}'." : "Release manifest '{0}' is up to date.", path);
        Log.LogMessage(MessageImportance.High, ReleaseSummary.Line(manifest, path));
        var playbook = ReleasePolicy.Gates.RollbackPlaybookLookup.Find(Paths(RollbackPlaybooks, projectDirectory), projectDirectory);
        var playbooks = playbook is null ? Paths(RollbackPlaybooks, projectDirectory) : new[] { playbook };
        var penetrationTests = PenetrationTestReports.Zip(Paths(PenetrationTestReports, projectDirectory), (item, full) => new ReleasePolicy.Gates.PenetrationTestReportItem(full, item.GetMetadata("Date"))).ToList();
        if (RiskRequirements.Check(risk, riskThreshold, playbooks, Paths(RiskRequiredArtifacts, projectDirectory), changes, penetrationTests) is { } missing)
        {
            Report(new PolicyFinding(missing.RuleId, missing.Kind, missing.Message, ProjectFile));
            RunAgain = true;
        }

        ManifestFile = path;
    }

    private static IReadOnlyList<string> Paths(ITaskItem[] items, string? projectDirectory) =>
        items.Select(item => item.GetMetadata("FullPath") is { Length: > 0 } full ? full : Path.Combine(projectDirectory ?? string.Empty, item.ItemSpec)).ToList();

    private static string? Value(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
