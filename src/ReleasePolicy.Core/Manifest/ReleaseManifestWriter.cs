using System.Collections.Generic;
using System.Text.Json;
using ReleasePolicy.Json;
using ReleasePolicy.Migrations;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Manifest;

/// <summary>
/// Serializes a <see cref="ReleaseManifest"/> with a fixed property order, so equal manifests are equal bytes on
/// every OS and culture. <see cref="ReleaseManifestReader"/> reads the same fields back.
/// </summary>
public static class ReleaseManifestWriter
{
    public static byte[] ToBytes(ReleaseManifest manifest) =>
        ManifestJsonFormat.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", ReleaseManifest.SchemaVersion);
            WritePackage(writer, manifest);
            WriteBuild(writer, manifest);
            WriteRelease(writer, manifest.Release);
            if (manifest.Risk is { } risk)
            {
                WriteRisk(writer, risk);
            }

            WriteMigrations(writer, manifest);
            WriteDependencies(writer, manifest);
            if (manifest.DependencyVerification is { } verification)
            {
                DependencyVerificationSummary.WriteVulnerabilities(writer, verification.Vulnerabilities);
            }

            if (manifest.FeatureFlags is { } flags)
            {
                WriteFeatureFlags(writer, flags);
            }

            if (manifest.Findings is { } findings)
            {
                WriteFindings(writer, findings);
            }

            manifest.Gates?.WriteSections(writer);
            if (manifest.PublicApi is { } api)
            {
                WritePublicApi(writer, api);
            }

            if (manifest.Changes is { } changes)
            {
                WriteChanges(writer, changes);
            }

            writer.WriteEndObject();
        });

    private static void WritePackage(Utf8JsonWriter writer, ReleaseManifest manifest)
    {
        writer.WriteStartObject("package");
        WriteOptional(writer, "id", manifest.Package.Id);
        WriteOptional(writer, "version", manifest.Package.Version);
        var repository = manifest.Package.Repository;
        if (repository.Url is not null || repository.Commit is not null || repository.Branch is not null || repository.ProjectPath is not null)
        {
            writer.WriteStartObject("repository");
            WriteOptional(writer, "url", repository.Url);
            WriteOptional(writer, "commit", repository.Commit);
            WriteOptional(writer, "branch", repository.Branch);
            WriteOptional(writer, "commitSignature", repository.CommitSignature);
            WriteOptional(writer, "projectPath", repository.ProjectPath);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteBuild(Utf8JsonWriter writer, ReleaseManifest manifest)
    {
        var build = manifest.Build;
        writer.WriteStartObject("build");
        WriteOptional(writer, "configuration", build.Configuration);
        writer.WriteStartArray("targetFrameworks");
        foreach (var framework in build.TargetFrameworks)
        {
            writer.WriteStringValue(framework);
        }

        writer.WriteEndArray();
        WriteOptional(writer, "sdkVersion", build.SdkVersion);
        WriteOptional(writer, "timestamp", build.Timestamp is { } timestamp ? SourceDateEpoch.Format(timestamp) : null);
        WriteOptional(writer, "ciRun", build.CiRun);
        writer.WriteEndObject();
    }

    private static void WriteRelease(Utf8JsonWriter writer, ReleaseClassification release)
    {
        writer.WriteStartObject("release");
        writer.WriteString("type", release.Type);
        WriteOptional(writer, "hotfixSeverity", release.HotfixSeverity);
        writer.WriteString("userImpact", release.UserImpact);
        writer.WriteString("dataSensitivity", release.DataSensitivity);
        writer.WriteEndObject();
    }

    private static void WriteRisk(Utf8JsonWriter writer, RiskAssessment risk)
    {
        writer.WriteStartObject("risk");
        writer.WriteNumber("score", risk.Score);
        writer.WriteString("level", risk.Level);
        writer.WriteStartArray("factors");
        foreach (var factor in risk.Factors)
        {
            writer.WriteStartObject();
            writer.WriteString("id", factor.Id);
            writer.WriteNumber("weight", factor.Weight);
            writer.WriteStartArray("evidence");
            foreach (var evidence in factor.Evidence)
            {
                writer.WriteStringValue(evidence);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The SQL report's entries, as the report has them, then the code migrations.</summary>
    private static void WriteMigrations(Utf8JsonWriter writer, ReleaseManifest manifest)
    {
        writer.WriteStartArray("migrations");
        foreach (var entry in manifest.Migrations.Sql)
        {
            MigrationsReport.WriteEntry(writer, entry);
        }

        foreach (var migration in manifest.Migrations.Code)
        {
            writer.WriteStartObject();
            writer.WriteString("id", migration.Id);
            writer.WriteString("kind", migration.Kind);
            writer.WriteString("className", migration.ClassName);
            WriteLocation(writer, "source", migration.Source);
            writer.WriteString("status", migration.Status);
            WriteOptional(writer, "reason", migration.Reason);
            writer.WriteBoolean("destructive", migration.Destructive);
            if (migration.Baselined)
            {
                writer.WriteBoolean("baselined", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteFeatureFlags(Utf8JsonWriter writer, IReadOnlyList<FeatureFlag> flags)
    {
        writer.WriteStartArray("featureFlags");
        foreach (var flag in flags)
        {
            writer.WriteStartObject();
            writer.WriteString("name", flag.Name);
            WriteLocation(writer, "declared", flag.Declared);
            writer.WriteNumber("references", flag.References);
            WriteOptional(writer, "expires", flag.Expires);
            writer.WriteBoolean("expired", flag.Expired);
            writer.WriteBoolean("undeclared", flag.Undeclared);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WritePublicApi(Utf8JsonWriter writer, IReadOnlyList<PublicApiAssembly> assemblies)
    {
        writer.WriteStartArray("publicApi");
        foreach (var assembly in assemblies)
        {
            writer.WriteStartObject();
            writer.WriteString("assembly", assembly.Assembly);
            WriteOptional(writer, "targetFramework", assembly.TargetFramework);
            writer.WriteString("sha256", assembly.Sha256);
            WriteStrings(writer, "members", assembly.Members);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The <c>changes</c> object, as the manifest records it and <c>release-policy diff --format json</c> prints it.</summary>
    public static void WriteChanges(Utf8JsonWriter writer, ReleaseChanges changes, string name = "changes")
    {
        writer.WriteStartObject(name);
        writer.WriteStartObject("baseline");
        WriteOptional(writer, "id", changes.BaselineId);
        WriteOptional(writer, "version", changes.BaselineVersion);
        writer.WriteEndObject();

        writer.WriteStartObject("dependencies");
        WritePackages(writer, "added", changes.Dependencies.Added);
        WritePackages(writer, "removed", changes.Dependencies.Removed);
        writer.WriteStartArray("updated");
        foreach (var update in changes.Dependencies.Updated)
        {
            writer.WriteStartObject();
            writer.WriteString("id", update.Id);
            writer.WriteString("from", update.From);
            writer.WriteString("to", update.To);
            writer.WriteBoolean("major", update.MajorUpgrade);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("migrations");
        WriteMigrationFacts(writer, "added", changes.MigrationsAdded);
        WriteMigrationFacts(writer, "removed", changes.MigrationsRemoved);
        writer.WriteEndObject();

        if (changes.FlagsCompared)
        {
            writer.WriteStartObject("featureFlags");
            WriteStrings(writer, "added", changes.FlagsAdded);
            WriteStrings(writer, "removed", changes.FlagsRemoved);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("findings");
        WriteFindings(writer, changes.FindingsNew, "new");
        WriteFindings(writer, changes.FindingsFixed, "fixed");
        writer.WriteEndObject();

        if (changes.PublicApiCompared)
        {
            writer.WriteStartObject("publicApi");
            WriteStrings(writer, "added", changes.PublicApiAdded);
            WriteStrings(writer, "removed", changes.PublicApiRemoved);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WritePackages(Utf8JsonWriter writer, string name, IReadOnlyList<NuGet.ResolvedPackage> packages)
    {
        writer.WriteStartArray(name);
        foreach (var package in packages)
        {
            writer.WriteStartObject();
            writer.WriteString("id", package.Id);
            writer.WriteString("version", package.Version);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteMigrationFacts(Utf8JsonWriter writer, string name, IReadOnlyList<MigrationFact> migrations)
    {
        writer.WriteStartArray(name);
        foreach (var migration in migrations)
        {
            writer.WriteStartObject();
            writer.WriteString("id", migration.Id);
            writer.WriteString("kind", migration.Kind);
            writer.WriteString("status", migration.Status);
            writer.WriteBoolean("destructive", migration.Destructive);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteFindings(Utf8JsonWriter writer, IReadOnlyList<ReleaseFinding> findings, string name = "findings")
    {
        writer.WriteStartArray(name);
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.Rule);
            writer.WriteString("severity", finding.Severity);
            writer.WriteString("message", finding.Message);
            WriteLocation(writer, "location", finding.Location);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter writer, string name, SourceLocation? location)
    {
        if (location is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("path", location.Path);
        if (location.Line > 0)
        {
            writer.WriteNumber("line", location.Line);
        }

        writer.WriteEndObject();
    }

    private static void WriteDependencies(Utf8JsonWriter writer, ReleaseManifest manifest)
    {
        writer.WriteStartArray("dependencies");
        foreach (ResolvedPackage package in manifest.Dependencies)
        {
            writer.WriteStartObject();
            writer.WriteString("id", package.Id);
            writer.WriteString("version", package.Version);
            writer.WriteBoolean("direct", package.Direct);
            WriteOptional(writer, "hash", package.Sha512 is null ? null : "sha512-" + package.Sha512);
            if (manifest.DependencyVerification?.For(package.Id, package.Version) is { } trust)
            {
                DependencyVerificationSummary.WriteDependency(writer, trust);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
