using System.Text;
using System.Text.Json;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>schema/release-manifest.schema.json describes what the tasks actually write, and all of PRODUCT.md §4.</summary>
public sealed class ManifestSchemaTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void The_schema_declares_every_top_level_field_of_schema_version_1()
    {
        var schema = LoadSchema();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal(
            new[]
            {
                "schemaVersion", "package", "build", "release", "risk", "migrations", "dependencies", "vulnerabilities",
                "featureFlags", "findings", "gates", "knownDefects", "rollback", "compliance", "publicApi", "changes", "artifacts", "provenance",
            },
            schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_fully_populated_manifest_and_its_sidecar_satisfy_the_schema()
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);
        var migrations = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", """
            [
              {
                "id": "1",
                "kind": "sql",
                "convention": "flyway",
                "forward": { "path": "db/migrations/V1__create_audit_log.sql", "sha256": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0" },
                "rollback": { "path": "db/migrations/U1__create_audit_log.sql", "sha256": null },
                "status": "reversible",
                "destructive": false
              },
              {
                "id": "2",
                "kind": "sql",
                "convention": "flyway",
                "forward": { "path": "db/migrations/V2__index_audit_log_by_order.sql", "sha256": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0" },
                "rollback": null,
                "status": "missing-rollback",
                "reason": "no U2__ script",
                "destructive": false
              }
            ]
            """);
        _context.Environment["CI_PIPELINE_URL"] = "https://gitlab.example.com/contoso/orders/-/pipelines/42";
        var manifest = _context.Generate(task =>
        {
            task.PackageId = "Contoso.Orders";
            task.PackageVersion = "2.4.0";
            task.RepositoryUrl = "https://github.com/contoso/orders";
            task.RepositoryCommit = "0123456789abcdef0123456789abcdef01234567";
            task.RepositoryBranch = "main";
            task.Configuration = "Release";
            task.TargetFrameworks = "net8.0;net10.0";
            task.SdkVersion = "10.0.100";
            task.ProjectAssetsFile = assets;
            task.ReleaseType = "Hotfix";
            task.ReleaseHotfixSeverity = "Sev3";
            task.SourceDateEpoch = "0";
            task.MigrationsReportFile = migrations;
        });
        var package = _context.Directory.WriteFile("artifacts/Contoso.Orders.2.4.0.nupkg", Encoding.ASCII.GetBytes("abc"));
        var sidecar = _context.Directory.Path("artifacts/Contoso.Orders.2.4.0.release.json");
        Assert.True(_context.CreateArtifactsTask(sidecar, package).Execute(), _context.Engine.ToString());
        using var sidecarDocument = JsonDocument.Parse(File.ReadAllBytes(sidecar));

        Assert.Empty(ManifestSchemaValidator.Validate(LoadSchema(), manifest));
        Assert.Empty(ManifestSchemaValidator.Validate(LoadSchema(), sidecarDocument.RootElement));
    }

    [Fact]
    public void The_schema_check_rejects_a_manifest_the_schema_does_not_describe()
    {
        using var document = JsonDocument.Parse("""
            { "schemaVersion": 2, "package": {}, "build": { "targetFrameworks": [] },
              "release": { "type": "Emergency", "userImpact": "Internal", "dataSensitivity": "None" },
              "migrations": [], "dependencies": [ { "id": "A", "version": "1.0.0", "direct": "yes" } ], "extra": 1 }
            """);

        var errors = ManifestSchemaValidator.Validate(LoadSchema(), document.RootElement);

        Assert.Equal(
            new[] { "$.schemaVersion", "$.release.type", "$.dependencies[0].direct", "$.extra" },
            errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.Equal("$.extra: the schema allows no such field", errors[^1]);
    }

    internal static JsonElement LoadSchema()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "schema", "release-manifest.schema.json")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "schema/release-manifest.schema.json not found above " + AppContext.BaseDirectory);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory!.FullName, "schema", "release-manifest.schema.json")));
        return document.RootElement.Clone();
    }

    public void Dispose() => _context.Dispose();
}
