using System;
using System.Collections.Generic;
using System.Text.Json;
using ReleasePolicy.Git;
using ReleasePolicy.NuGet;

namespace ReleasePolicy.Manifest;

/// <summary>
/// The facts <c>release-manifest.json</c> (schema version 1) records about one release. Unknown values are
/// <c>null</c> and left out of the file; see docs/manifest.md and schema/release-manifest.schema.json.
/// </summary>
public sealed class ReleaseManifest
{
    public const int SchemaVersion = 1;

    /// <summary>The file name inside the package (<c>releasepolicy/release-manifest.json</c>) and publish folder.</summary>
    public const string FileName = "release-manifest.json";

    public ReleaseManifest(
        string? packageId,
        string? packageVersion,
        GitRepositoryInfo repository,
        string? configuration,
        IReadOnlyList<string> targetFrameworks,
        string? sdkVersion,
        DateTimeOffset? timestamp,
        string? ciRun,
        ReleaseClassification release,
        JsonElement? migrations,
        IReadOnlyList<ResolvedPackage> dependencies,
        IReadOnlyList<CodeMigration>? codeMigrations = null,
        IReadOnlyList<ReleaseFinding>? findings = null)
    {
        PackageId = packageId;
        PackageVersion = packageVersion;
        Repository = repository;
        Configuration = configuration;
        TargetFrameworks = targetFrameworks;
        SdkVersion = sdkVersion;
        Timestamp = timestamp;
        CiRun = ciRun;
        Release = release;
        Migrations = migrations;
        Dependencies = dependencies;
        CodeMigrations = codeMigrations ?? Array.Empty<CodeMigration>();
        Findings = findings;
    }

    public string? PackageId { get; }

    public string? PackageVersion { get; }

    public GitRepositoryInfo Repository { get; }

    public string? Configuration { get; }

    /// <summary>In the order the project declares them.</summary>
    public IReadOnlyList<string> TargetFrameworks { get; }

    public string? SdkVersion { get; }

    /// <summary>From SOURCE_DATE_EPOCH only; never the clock.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>A link to the CI run that built this release.</summary>
    public string? CiRun { get; }

    public ReleaseClassification Release { get; }

    /// <summary>The JSON array of migration entries from the migrations report, or <c>null</c> for none.</summary>
    public JsonElement? Migrations { get; }

    /// <summary>Sorted by id (ignoring case) then version.</summary>
    public IReadOnlyList<ResolvedPackage> Dependencies { get; }

    /// <summary>EF Core and FluentMigrator migrations from the migration inventory, listed after the SQL ones.</summary>
    public IReadOnlyList<CodeMigration> CodeMigrations { get; }

    /// <summary>Analyzer findings from the migration inventory; <c>null</c> (and no <c>findings</c> field) when there was no log.</summary>
    public IReadOnlyList<ReleaseFinding>? Findings { get; }
}
