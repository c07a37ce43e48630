using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Git;
using ReleasePolicy.Json;
using ReleasePolicy.Migrations;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Manifest;

/// <summary>
/// Reads <c>release-manifest.json</c> (or the sidecar <c>.release.json</c>, which adds <c>artifacts</c>) into the types
/// <see cref="ReleaseManifestWriter"/> writes. Fields it does not know are ignored, so a manifest from a newer writer of
/// the same schema version, or with sections added by later capabilities, still reads; a known field of the wrong
/// shape, a newer schema version or broken JSON is one RP9002 finding that names the file and the field.
/// </summary>
public static class ReleaseManifestReader
{
    private const string Description = "The release manifest";

    public static bool TryRead(string path, out ReleaseManifest? manifest, out PolicyFinding? error)
    {
        manifest = null;
        if (!File.Exists(path))
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{path}' was not found. Pack or publish the project to write it, or check the path.",
                path);
            return false;
        }

        using var document = JsonInputFile.TryParse(path, Description, out error);
        return document is not null && TryRead(document.RootElement, path, out manifest, out error);
    }

    /// <param name="source">How errors name the manifest, e.g. <c>Orders.Api.1.2.0.nupkg!releasepolicy/release-manifest.json</c>.</param>
    public static bool TryRead(byte[] bytes, string source, out ReleaseManifest? manifest, out PolicyFinding? error)
    {
        manifest = null;
        using var document = JsonInputFile.TryParse(bytes, source, Description, out error);
        return document is not null && TryRead(document.RootElement, source, out manifest, out error);
    }

    private static bool TryRead(JsonElement root, string source, out ReleaseManifest? manifest, out PolicyFinding? error)
    {
        manifest = null;
        error = null;
        try
        {
            manifest = Read(root);
            return true;
        }
        catch (InvalidManifestDataException ex)
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{source}' cannot be read: {ex.Message}",
                source,
                line: 1,
                column: 1);
            return false;
        }
    }

    private static ReleaseManifest Read(JsonElement root)
    {
        JsonFields.RequireObject(root, "$");
        var version = JsonFields.OptionalInt(root, "schemaVersion", "$")
            ?? throw new InvalidManifestDataException("it has no 'schemaVersion', so it is not a release manifest.");
        if (version != ReleaseManifest.SchemaVersion)
        {
            throw new InvalidManifestDataException(
                $"its schema version is {version}, and this version of ReleasePolicy reads schema version {ReleaseManifest.SchemaVersion}. " +
                "Use the ReleasePolicy version that wrote it, or a newer one.");
        }

        return new ReleaseManifest(
            ReadPackage(root),
            ReadBuild(root),
            ReadRelease(root),
            ReadMigrations(root),
            ReadDependencies(root),
            ReadFindings(root),
            ReadRisk(root),
            ReadArtifacts(root),
            ReadFeatureFlags(root),
            ReadGates(root),
            ReadDependencyVerification(root),
            ReadPublicApi(root),
            ReadChanges(root));
    }

    /// <summary><c>gates</c>, <c>knownDefects</c>, <c>rollback</c>, <c>compliance</c>: null when the manifest has none of them.</summary>
    private static Gates.GateReport? ReadGates(JsonElement root)
    {
        if (!root.TryGetProperty("gates", out _) && !root.TryGetProperty("knownDefects", out _) && !root.TryGetProperty("rollback", out _) && !root.TryGetProperty("compliance", out _))
        {
            return null;
        }

        try
        {
            return Gates.GateReport.Read(root);
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex is KeyNotFoundException)
        {
            throw new InvalidManifestDataException($"its 'gates', 'knownDefects', 'rollback' or 'compliance' section is not what the schema says ({ex.Message}).");
        }
    }

    private static ManifestPackage ReadPackage(JsonElement root)
    {
        if (JsonFields.Object(root, "package", "$") is not { } package)
        {
            return new ManifestPackage(null, null, GitRepositoryInfo.None);
        }

        const string path = "$.package";
        var repository = GitRepositoryInfo.None;
        if (JsonFields.Object(package, "repository", path) is { } repo)
        {
            const string repoPath = path + ".repository";
            repository = new GitRepositoryInfo(
                JsonFields.OptionalString(repo, "url", repoPath),
                JsonFields.OptionalString(repo, "commit", repoPath),
                JsonFields.OptionalString(repo, "branch", repoPath),
                JsonFields.OptionalString(repo, "commitSignature", repoPath),
                JsonFields.OptionalString(repo, "projectPath", repoPath));
        }

        return new ManifestPackage(JsonFields.OptionalString(package, "id", path), JsonFields.OptionalString(package, "version", path), repository);
    }

    private static ManifestBuild ReadBuild(JsonElement root)
    {
        if (JsonFields.Object(root, "build", "$") is not { } build)
        {
            return new ManifestBuild(null, Array.Empty<string>(), null, null, null);
        }

        const string path = "$.build";
        var frameworks = new List<string>();
        foreach (var (item, itemPath) in JsonFields.Array(build, "targetFrameworks", path, out _))
        {
            frameworks.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new InvalidManifestDataException($"'{itemPath}' is not a string; target frameworks are strings such as \"net8.0\"."));
        }

        DateTimeOffset? timestamp = null;
        if (JsonFields.OptionalString(build, "timestamp", path) is { } text)
        {
            timestamp = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw new InvalidManifestDataException($"'{path}.timestamp' is '{text}', which is not an ISO 8601 time such as 2026-05-01T12:00:00Z.");
        }

        return new ManifestBuild(
            JsonFields.OptionalString(build, "configuration", path),
            frameworks,
            JsonFields.OptionalString(build, "sdkVersion", path),
            timestamp,
            JsonFields.OptionalString(build, "ciRun", path));
    }

    private static ReleaseClassification ReadRelease(JsonElement root)
    {
        // The writer always records all four; defaults stand in for a section a hand-made manifest leaves out.
        var release = JsonFields.Object(root, "release", "$");
        const string path = "$.release";
        return ReleaseClassification.FromManifest(
            (release is { } r ? JsonFields.OptionalString(r, "type", path) : null) ?? "Standard",
            release is { } h ? JsonFields.OptionalString(h, "hotfixSeverity", path) : null,
            (release is { } u ? JsonFields.OptionalString(u, "userImpact", path) : null) ?? "CustomerFacing",
            (release is { } d ? JsonFields.OptionalString(d, "dataSensitivity", path) : null) ?? "Internal");
    }

    /// <summary>SQL entries (<c>kind</c> <c>sql</c>) are migrations-report entries; every other kind is a code migration.</summary>
    private static ManifestMigrations ReadMigrations(JsonElement root)
    {
        var sql = new List<MigrationEntry>();
        var code = new List<CodeMigration>();
        foreach (var (item, path) in JsonFields.Array(root, "migrations", "$", out _))
        {
            JsonFields.RequireObject(item, path);
            if (JsonFields.OptionalString(item, "kind", path) is null or "sql")
            {
                sql.Add(MigrationsReport.ReadEntry(item, path));
                continue;
            }

            code.Add(new CodeMigration(
                JsonFields.String(item, "id", path),
                JsonFields.String(item, "kind", path),
                JsonFields.OptionalString(item, "className", path) ?? string.Empty,
                ReadLocation(item, "source", path),
                JsonFields.String(item, "status", path),
                JsonFields.OptionalString(item, "reason", path),
                JsonFields.Boolean(item, "destructive", path))
            {
                Baselined = JsonFields.Boolean(item, "baselined", path, absent: false),
            });
        }

        return new ManifestMigrations(sql, code);
    }

    private static IReadOnlyList<ResolvedPackage> ReadDependencies(JsonElement root)
    {
        var dependencies = new List<ResolvedPackage>();
        foreach (var (item, path) in JsonFields.Array(root, "dependencies", "$", out _))
        {
            JsonFields.RequireObject(item, path);
            var hash = JsonFields.OptionalString(item, "hash", path);
            dependencies.Add(new ResolvedPackage(
                JsonFields.String(item, "id", path),
                JsonFields.String(item, "version", path),
                JsonFields.Boolean(item, "direct", path),
                hash is not null && hash.StartsWith("sha512-", StringComparison.Ordinal) ? hash.Substring("sha512-".Length) : null));
        }

        return dependencies;
    }

    /// <summary>The dependency check's additions, when the manifest has them (a top-level vulnerabilities list or trust on a dependency).</summary>
    private static DependencyVerificationSummary? ReadDependencyVerification(JsonElement root)
    {
        var packages = new Dictionary<string, ManifestDependencyTrust>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, path) in JsonFields.Array(root, "dependencies", "$", out _))
        {
            if (DependencyVerificationSummary.ReadDependency(item, path) is { } trust)
            {
                packages[JsonFields.String(item, "id", path) + "/" + JsonFields.String(item, "version", path)] = trust;
            }
        }

        JsonFields.Array(root, "vulnerabilities", "$", out var absent);
        return absent && packages.Count == 0
            ? null
            : new DependencyVerificationSummary(packages, DependencyVerificationSummary.ReadVulnerabilities(root), Array.Empty<ReleaseFinding>());
    }

    private static IReadOnlyList<FeatureFlag>? ReadFeatureFlags(JsonElement root)
    {
        var items = JsonFields.Array(root, "featureFlags", "$", out var absent);
        if (absent)
        {
            return null;
        }

        var flags = new List<FeatureFlag>(items.Count);
        foreach (var (item, path) in items)
        {
            JsonFields.RequireObject(item, path);
            flags.Add(new FeatureFlag(
                JsonFields.String(item, "name", path),
                ReadLocation(item, "declared", path),
                JsonFields.OptionalInt(item, "references", path) ?? 0,
                JsonFields.OptionalString(item, "expires", path),
                JsonFields.Boolean(item, "expired", path, absent: false),
                JsonFields.Boolean(item, "undeclared", path, absent: false)));
        }

        return flags;
    }

    private static IReadOnlyList<PublicApiAssembly>? ReadPublicApi(JsonElement root)
    {
        var items = JsonFields.Array(root, "publicApi", "$", out var absent);
        if (absent)
        {
            return null;
        }

        var assemblies = new List<PublicApiAssembly>(items.Count);
        foreach (var (item, path) in items)
        {
            JsonFields.RequireObject(item, path);
            assemblies.Add(new PublicApiAssembly(
                JsonFields.String(item, "assembly", path),
                JsonFields.OptionalString(item, "targetFramework", path),
                ReadStrings(item, "members", path) ?? Array.Empty<string>()));
        }

        return assemblies;
    }

    private static ReleaseChanges? ReadChanges(JsonElement root)
    {
        if (JsonFields.Object(root, "changes", "$") is not { } changes)
        {
            return null;
        }

        const string at = "$.changes";
        var baseline = JsonFields.Object(changes, "baseline", at);
        var dependencies = JsonFields.Object(changes, "dependencies", at);
        var migrations = JsonFields.Object(changes, "migrations", at);
        var flags = JsonFields.Object(changes, "featureFlags", at);
        var findings = JsonFields.Object(changes, "findings", at);
        var api = JsonFields.Object(changes, "publicApi", at);
        var updated = new List<DependencyUpdate>();
        if (dependencies is { } d)
        {
            foreach (var (item, path) in JsonFields.Array(d, "updated", at + ".dependencies", out _))
            {
                JsonFields.RequireObject(item, path);
                updated.Add(new DependencyUpdate(JsonFields.String(item, "id", path), JsonFields.String(item, "from", path), JsonFields.String(item, "to", path)));
            }
        }

        return new ReleaseChanges(
            baseline is { } b ? JsonFields.OptionalString(b, "id", at + ".baseline") : null,
            baseline is { } v ? JsonFields.OptionalString(v, "version", at + ".baseline") : null,
            new DependencyChanges(Packages(dependencies, "added"), Packages(dependencies, "removed"), updated),
            MigrationFacts(migrations, "added"),
            MigrationFacts(migrations, "removed"),
            flags is { } fa ? ReadStrings(fa, "added", at + ".featureFlags") ?? Array.Empty<string>() : null,
            flags is { } fr ? ReadStrings(fr, "removed", at + ".featureFlags") ?? Array.Empty<string>() : null,
            findings is { } fn ? ReadFindings(fn, "new") ?? Array.Empty<ReleaseFinding>() : Array.Empty<ReleaseFinding>(),
            findings is { } ff ? ReadFindings(ff, "fixed") ?? Array.Empty<ReleaseFinding>() : Array.Empty<ReleaseFinding>(),
            api is { } aa ? ReadStrings(aa, "added", at + ".publicApi") ?? Array.Empty<string>() : null,
            api is { } ar ? ReadStrings(ar, "removed", at + ".publicApi") ?? Array.Empty<string>() : null);

        IReadOnlyList<ResolvedPackage> Packages(JsonElement? parent, string name)
        {
            var packages = new List<ResolvedPackage>();
            if (parent is { } p)
            {
                foreach (var (item, path) in JsonFields.Array(p, name, at + ".dependencies", out _))
                {
                    JsonFields.RequireObject(item, path);
                    packages.Add(new ResolvedPackage(JsonFields.String(item, "id", path), JsonFields.String(item, "version", path), direct: false, sha512: null));
                }
            }

            return packages;
        }

        IReadOnlyList<MigrationFact> MigrationFacts(JsonElement? parent, string name)
        {
            var facts = new List<MigrationFact>();
            if (parent is { } p)
            {
                foreach (var (item, path) in JsonFields.Array(p, name, at + ".migrations", out _))
                {
                    JsonFields.RequireObject(item, path);
                    facts.Add(new MigrationFact(
                        JsonFields.String(item, "id", path),
                        JsonFields.String(item, "kind", path),
                        JsonFields.String(item, "status", path),
                        reason: null,
                        JsonFields.Boolean(item, "destructive", path),
                        path: null));
                }
            }

            return facts;
        }
    }

    private static IReadOnlyList<string>? ReadStrings(JsonElement parent, string name, string at)
    {
        var items = JsonFields.Array(parent, name, at, out var absent);
        if (absent)
        {
            return null;
        }

        var values = new List<string>(items.Count);
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new InvalidManifestDataException($"'{path}' must be a string.");
            }

            values.Add(item.GetString()!);
        }

        return values;
    }

    private static IReadOnlyList<ReleaseFinding>? ReadFindings(JsonElement root, string name = "findings")
    {
        var items = JsonFields.Array(root, name, "$", out var absent);
        if (absent)
        {
            return null;
        }

        var findings = new List<ReleaseFinding>(items.Count);
        foreach (var (item, path) in items)
        {
            JsonFields.RequireObject(item, path);
            findings.Add(new ReleaseFinding(
                JsonFields.String(item, "rule", path),
                JsonFields.String(item, "severity", path),
                JsonFields.OptionalString(item, "message", path) ?? string.Empty,
                ReadLocation(item, "location", path)));
        }

        return findings;
    }

    private static RiskAssessment? ReadRisk(JsonElement root)
    {
        if (JsonFields.Object(root, "risk", "$") is not { } risk)
        {
            return null;
        }

        const string path = "$.risk";
        var factors = new List<RiskFactor>();
        foreach (var (item, itemPath) in JsonFields.Array(risk, "factors", path, out _))
        {
            JsonFields.RequireObject(item, itemPath);
            var evidence = new List<string>();
            if (item.TryGetProperty("evidence", out var given))
            {
                // The schema lets other writers give evidence as text, a list or an object; shown as text either way.
                if (given.ValueKind == JsonValueKind.Array)
                {
                    evidence.AddRange(given.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()));
                }
                else if (given.ValueKind == JsonValueKind.String)
                {
                    evidence.Add(given.GetString()!);
                }
                else if (given.ValueKind != JsonValueKind.Null)
                {
                    evidence.Add(given.GetRawText());
                }
            }

            factors.Add(new RiskFactor(JsonFields.String(item, "id", itemPath), JsonFields.OptionalInt(item, "weight", itemPath) ?? 0, evidence));
        }

        return new RiskAssessment(
            JsonFields.OptionalInt(risk, "score", path) ?? throw new InvalidManifestDataException($"'{path}.score' is missing; it is required."),
            JsonFields.String(risk, "level", path),
            factors);
    }

    private static IReadOnlyList<ReleaseArtifact>? ReadArtifacts(JsonElement root)
    {
        var items = JsonFields.Array(root, "artifacts", "$", out var absent);
        if (absent)
        {
            return null;
        }

        var artifacts = new List<ReleaseArtifact>(items.Count);
        foreach (var (item, path) in items)
        {
            JsonFields.RequireObject(item, path);
            artifacts.Add(new ReleaseArtifact(JsonFields.String(item, "path", path), JsonFields.String(item, "sha256", path)));
        }

        return artifacts;
    }

    private static SourceLocation? ReadLocation(JsonElement parent, string name, string path)
    {
        if (JsonFields.Object(parent, name, path) is not { } location)
        {
            return null;
        }

        var locationPath = path + "." + name;
        return new SourceLocation(JsonFields.String(location, "path", locationPath), JsonFields.OptionalInt(location, "line", locationPath) ?? 0);
    }
}
