using System;
using System.Collections.Generic;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Manifest;

/// <summary>
/// The facts <c>release-manifest.json</c> (schema version 1) records about one release, section by section as the file
/// has them. <see cref="ReleaseManifestWriter"/> writes it and <see cref="ReleaseManifestReader"/> reads it back into the
/// same types, so the build, the baseline comparison and the CLI share one model. Unknown values are <c>null</c> and left
/// out of the file; see docs/manifest.md and schema/release-manifest.schema.json.
/// </summary>
public sealed class ReleaseManifest
{
    public const int SchemaVersion = 1;

    /// <summary>The file name inside the package (<c>releasepolicy/release-manifest.json</c>) and publish folder.</summary>
    public const string FileName = "release-manifest.json";

    public ReleaseManifest(
        ManifestPackage package,
        ManifestBuild build,
        ReleaseClassification release,
        ManifestMigrations migrations,
        IReadOnlyList<ResolvedPackage> dependencies,
        IReadOnlyList<ReleaseFinding>? findings,
        RiskAssessment? risk = null,
        IReadOnlyList<ReleaseArtifact>? artifacts = null,
        IReadOnlyList<FeatureFlag>? featureFlags = null,
        Gates.GateReport? gates = null,
        DependencyVerificationSummary? dependencyVerification = null,
        IReadOnlyList<PublicApiAssembly>? publicApi = null,
        ReleaseChanges? changes = null)
    {
        DependencyVerification = dependencyVerification;
        PublicApi = publicApi;
        Changes = changes;
        Package = package;
        Build = build;
        Release = release;
        Migrations = migrations;
        Dependencies = dependencies;
        Findings = findings;
        Risk = risk;
        Artifacts = artifacts;
        FeatureFlags = featureFlags;
        Gates = gates;
    }

    /// <summary><c>package</c>: identity and where the source came from.</summary>
    public ManifestPackage Package { get; }

    /// <summary><c>build</c>: how it was built.</summary>
    public ManifestBuild Build { get; }

    /// <summary><c>release</c>: what kind of release it is.</summary>
    public ReleaseClassification Release { get; }

    /// <summary><c>risk</c>: score, level and factors (docs/risk.md); null in manifests written before it was assessed.</summary>
    public RiskAssessment? Risk { get; }

    /// <summary><c>migrations</c>: SQL scripts first, then EF Core / FluentMigrator classes.</summary>
    public ManifestMigrations Migrations { get; }

    /// <summary><c>dependencies</c>: sorted by id (ignoring case) then version.</summary>
    public IReadOnlyList<ResolvedPackage> Dependencies { get; }

    /// <summary><c>featureFlags</c>: sorted by name; null (and no field) when no feature-flag inventory was read.</summary>
    public IReadOnlyList<FeatureFlag>? FeatureFlags { get; }

    /// <summary><c>findings</c>: analyzer and script-check findings; <c>null</c> (and no field) when neither was read.</summary>
    public IReadOnlyList<ReleaseFinding>? Findings { get; }

    /// <summary><c>artifacts</c>: only in the sidecar beside the .nupkg (<see cref="ReleaseArtifactsWriter"/>); null in the manifest itself.</summary>
    public IReadOnlyList<ReleaseArtifact>? Artifacts { get; }

    /// <summary><c>gates</c>, <c>knownDefects</c> and <c>rollback</c>: what the release gates decided; null when they did not run.</summary>
    public Gates.GateReport? Gates { get; }

    /// <summary>
    /// What the dependency check proved: each dependency's <c>signature</c>, <c>trusted</c>, <c>trust</c> and
    /// <c>vulnerabilities</c>, and the top-level <c>vulnerabilities</c>; null when the check did not run.
    /// </summary>
    public DependencyVerificationSummary? DependencyVerification { get; }

    /// <summary><c>publicApi</c>: each built assembly's public surface; null when the build did not record it.</summary>
    public IReadOnlyList<PublicApiAssembly>? PublicApi { get; }

    /// <summary><c>changes</c>: what changed since <c>ReleaseBaselineManifest</c>; null without a baseline.</summary>
    public ReleaseChanges? Changes { get; }

    /// <summary>The same manifest without the sidecar's <c>artifacts</c>: what the package itself holds.</summary>
    public ReleaseManifest WithoutArtifacts() =>
        new(Package, Build, Release, Migrations, Dependencies, Findings, Risk, artifacts: null, FeatureFlags, Gates, DependencyVerification, PublicApi, Changes);

    /// <summary>The same manifest with its risk assessed.</summary>
    public ReleaseManifest WithRisk(RiskAssessment? risk) =>
        new(Package, Build, Release, Migrations, Dependencies, Findings, risk, Artifacts, FeatureFlags, Gates, DependencyVerification, PublicApi, Changes);

    /// <summary>The same manifest with what changed since the baseline (<see cref="ReleaseChanges.Between"/>); null for none.</summary>
    public ReleaseManifest WithChanges(ReleaseChanges? changes) =>
        new(Package, Build, Release, Migrations, Dependencies, Findings, Risk, Artifacts, FeatureFlags, Gates, DependencyVerification, PublicApi, changes);
}

/// <summary>The manifest's <c>package</c> section.</summary>
public sealed class ManifestPackage
{
    public ManifestPackage(string? id, string? version, Git.GitRepositoryInfo repository)
    {
        Id = id;
        Version = version;
        Repository = repository;
    }

    public string? Id { get; }

    public string? Version { get; }

    /// <summary><c>package.repository</c>: url, commit and branch, each optional.</summary>
    public Git.GitRepositoryInfo Repository { get; }
}

/// <summary>The manifest's <c>build</c> section.</summary>
public sealed class ManifestBuild
{
    public ManifestBuild(string? configuration, IReadOnlyList<string> targetFrameworks, string? sdkVersion, DateTimeOffset? timestamp, string? ciRun)
    {
        Configuration = configuration;
        TargetFrameworks = targetFrameworks;
        SdkVersion = sdkVersion;
        Timestamp = timestamp;
        CiRun = ciRun;
    }

    public string? Configuration { get; }

    /// <summary>In the order the project declares them (<see cref="TargetFrameworkList"/>).</summary>
    public IReadOnlyList<string> TargetFrameworks { get; }

    public string? SdkVersion { get; }

    /// <summary>From SOURCE_DATE_EPOCH only; never the clock.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>A link to the CI run that built this release.</summary>
    public string? CiRun { get; }
}

/// <summary>The manifest's <c>migrations</c> section: the SQL migrations report's entries, then the code migrations.</summary>
public sealed class ManifestMigrations
{
    public static readonly ManifestMigrations None = new(Array.Empty<Migrations.MigrationEntry>(), Array.Empty<CodeMigration>());

    public ManifestMigrations(IReadOnlyList<Migrations.MigrationEntry> sql, IReadOnlyList<CodeMigration> code)
    {
        Sql = sql;
        Code = code;
    }

    /// <summary>From the migrations report, in its order.</summary>
    public IReadOnlyList<Migrations.MigrationEntry> Sql { get; }

    /// <summary>EF Core and FluentMigrator migrations from the migration inventory.</summary>
    public IReadOnlyList<CodeMigration> Code { get; }

    public int Count => Sql.Count + Code.Count;

    /// <summary>Every migration as one list of (id, status, destructive, where), SQL first, for summaries, risk and diffs.</summary>
    public IReadOnlyList<MigrationFact> All
    {
        get
        {
            var all = new List<MigrationFact>(Count);
            foreach (var entry in Sql)
            {
                all.Add(new MigrationFact(entry.Id, entry.Kind, entry.Status, entry.Reason, entry.Destructive, entry.Forward?.Path ?? entry.Rollback?.Path));
            }

            foreach (var code in Code)
            {
                all.Add(new MigrationFact(code.Id, code.Kind, code.Status, code.Reason, code.Destructive, code.Source?.Path));
            }

            return all;
        }
    }

    /// <summary>Reversible and forward-only migrations have a working answer to "how do we go back"; every other status does not.</summary>
    public static bool IsWithoutRollback(string? status) =>
        status is not null and not "reversible" and not "forward-only";
}

/// <summary>What every migration, SQL or code, tells a release reader.</summary>
public sealed class MigrationFact
{
    public MigrationFact(string id, string kind, string status, string? reason, bool destructive, string? path)
    {
        Id = id;
        Kind = kind;
        Status = status;
        Reason = reason;
        Destructive = destructive;
        Path = path;
    }

    public string Id { get; }

    /// <summary><c>sql</c>, <c>efcore</c> or <c>fluentmigrator</c>.</summary>
    public string Kind { get; }

    public string Status { get; }

    public string? Reason { get; }

    public bool Destructive { get; }

    /// <summary>The script or class file, relative to the project.</summary>
    public string? Path { get; }

    public bool WithoutRollback => ManifestMigrations.IsWithoutRollback(Status);
}
