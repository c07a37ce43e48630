using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>The reader beside the writer: what the build writes reads back into the same types, and bad files say why.</summary>
public sealed class ManifestReaderTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void A_manifest_the_build_wrote_reads_back_and_writes_the_same_bytes()
    {
        GitTestRepository.Init(_context.Directory.FullPath, branch: "release/2.4").Commit("Release 2.4", "README.md");
        _context.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        _context.Environment["GITHUB_REPOSITORY"] = "contoso/orders";
        _context.Environment["GITHUB_RUN_ID"] = "9876543210";
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);
        var report = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", "");
        File.WriteAllBytes(report, MigrationsReport.Write(
        [
            new MigrationEntry("V1__create_orders", "flyway", new("db/V1__create_orders.sql", new string('a', 64)), new("db/U1__create_orders.sql", new string('c', 64)), null, MigrationStatus.Reversible, null, destructive: false),
            new MigrationEntry("V2__drop_legacy", "flyway", new("db/V2__drop_legacy.sql", null), null, null, MigrationStatus.MissingRollback, null, destructive: true),
        ]));
        var findings = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migration-findings.json", """
            [ { "rule": "RP1010", "severity": "warning", "message": "The forward script 'db/V2__drop_legacy.sql' has no rollback script.", "location": { "path": "db/V2__drop_legacy.sql", "line": 1 } } ]
            """);

        _context.Generate(task =>
        {
            task.PackageId = "Contoso.Orders.Api";
            task.PackageVersion = "2.4.0";
            task.Configuration = "Release";
            task.TargetFrameworks = "net8.0;net10.0";
            task.SdkVersion = "10.0.100";
            task.SourceDateEpoch = "1735732800";
            task.ReleaseType = "Hotfix";
            task.ReleaseHotfixSeverity = "Sev2";
            task.ProjectAssetsFile = assets;
            task.MigrationsReportFile = report;
            task.ScriptFindingsFile = findings;
            task.RollbackPlaybooks = [new Microsoft.Build.Utilities.TaskItem(_context.Directory.WriteFile("src/Orders.Api/docs/rollback.md", "# Rollback\n"))];
        });
        var written = File.ReadAllBytes(_context.OutputFile);

        Assert.True(ReleaseManifestReader.TryRead(_context.OutputFile, out var manifest, out var error), error?.Message);

        Assert.Equal(written, ReleaseManifestWriter.ToBytes(manifest!));
        Assert.Equal("Contoso.Orders.Api", manifest!.Package.Id);
        Assert.Equal("release/2.4", manifest.Package.Repository.Branch);
        Assert.Equal("src/Orders.Api", manifest.Package.Repository.ProjectPath);
        Assert.Equal(["net8.0", "net10.0"], manifest.Build.TargetFrameworks);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), manifest.Build.Timestamp);
        Assert.Equal("https://github.com/contoso/orders/actions/runs/9876543210", manifest.Build.CiRun);
        Assert.Equal(("Hotfix", "Sev2"), (manifest.Release.Type, manifest.Release.HotfixSeverity));
        Assert.Equal(["V1__create_orders", "V2__drop_legacy"], manifest.Migrations.Sql.Select(m => m.Id));
        Assert.Equal(new string('c', 64), manifest.Migrations.Sql[0].Rollback!.Sha256);
        Assert.Null(manifest.Migrations.Sql[1].Forward!.Sha256);
        Assert.Equal(6, manifest.Dependencies.Count);
        Assert.Equal("RP1010", Assert.Single(manifest.Findings!).Rule);
        Assert.Null(manifest.Artifacts);
        Assert.Equal((70, "high"), (manifest.Risk!.Score, manifest.Risk.Level));
        Assert.Equal("destructive-migrations", manifest.Risk.Factors[0].Id);
        Assert.Equal(["V2__drop_legacy (db/V2__drop_legacy.sql)"], manifest.Risk.Factors[0].Evidence);
    }

    [Fact]
    public void A_manifest_from_another_writer_with_unknown_fields_still_reads()
    {
        var path = _context.Directory.WriteFile("other/release-manifest.json", """
            {
              "schemaVersion": 1,
              "generator": { "name": "release-bot", "version": "7" },
              "package": { "id": "Contoso.Billing", "version": "3.0.0", "signed": true },
              "build": { "targetFrameworks": ["net9.0"], "agent": "linux-x64" },
              "release": { "type": "Standard", "userImpact": "Internal", "dataSensitivity": "PCI", "approver": "ops" },
              "featureFlags": [ { "name": "billing.new-invoices", "owner": "billing" } ],
              "migrations": [
                { "id": "20260401_AddInvoices", "kind": "efcore", "className": "Billing.AddInvoices", "status": "reversible", "destructive": false, "durationEstimate": "2m" },
                { "id": "V7__partition", "kind": "sql", "convention": "flyway", "forward": { "path": "db/V7__partition.sql", "sha256": "ff" }, "rollback": null, "status": "forward-only", "reason": "partitioning", "destructive": false }
              ],
              "dependencies": [ { "id": "Newtonsoft.Json", "version": "13.0.3", "direct": true, "hash": "sha512-abc=", "license": "MIT" } ],
              "artifacts": [ { "path": "Contoso.Billing.3.0.0.nupkg", "sha256": "0123" } ]
            }
            """);

        Assert.True(ReleaseManifestReader.TryRead(path, out var manifest, out var error), error?.Message);

        Assert.Equal("3.0.0", manifest!.Package.Version);
        Assert.Null(manifest.Build.Configuration);
        Assert.Equal("PCI", manifest.Release.DataSensitivity);
        Assert.Equal("Billing.AddInvoices", Assert.Single(manifest.Migrations.Code).ClassName);
        Assert.Equal("partitioning", Assert.Single(manifest.Migrations.Sql).Reason);
        Assert.Equal("abc=", Assert.Single(manifest.Dependencies).Sha512);
        Assert.Null(manifest.Findings);
        Assert.Equal("0123", Assert.Single(manifest.Artifacts!).Sha256);
    }

    [Fact]
    public void A_manifest_with_only_a_schema_version_reads_as_an_empty_release()
    {
        var path = _context.Directory.WriteFile("minimal.json", """{ "schemaVersion": 1 }""");

        Assert.True(ReleaseManifestReader.TryRead(path, out var manifest, out _));

        Assert.Equal((0, 0), (manifest!.Migrations.Count, manifest.Dependencies.Count));
        Assert.Equal("CustomerFacing", manifest.Release.UserImpact);
    }

    [Fact]
    public void A_corrupt_manifest_is_RP9002_naming_the_file_line_and_position()
    {
        var path = _context.Directory.WriteFile("release-manifest.json", "{\n  \"schemaVersion\": 1,\n  \"package\": { \"id\": Contoso }\n}\n");

        Assert.False(ReleaseManifestReader.TryRead(path, out var manifest, out var error));

        Assert.Null(manifest);
        Assert.Equal(("RP9002", path, 3), (error!.RuleId, error.File, error.Line));
        Assert.StartsWith($"The release manifest '{path}' is not valid JSON at line 3, byte position ", error.Message);
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "dependencies": [ { "id": "Serilog", "version": 3 } ] }""", "'$.dependencies[0].version' is a number where a string is expected.")]
    [InlineData("""{ "schemaVersion": 1, "migrations": { "id": "V1" } }""", "'$.migrations' is a JSON object where a JSON array is expected.")]
    [InlineData("""{ "schemaVersion": 1, "findings": [ { "severity": "warning" } ] }""", "'$.findings[0].rule' is missing; it is required.")]
    [InlineData("""{ "schemaVersion": 1, "build": { "timestamp": "yesterday" } }""", "'$.build.timestamp' is 'yesterday', which is not an ISO 8601 time such as 2026-05-01T12:00:00Z.")]
    [InlineData("""{ "package": { "id": "Contoso" } }""", "it has no 'schemaVersion', so it is not a release manifest.")]
    [InlineData("""[ 1, 2 ]""", "'$' is a JSON array where a JSON object is expected.")]
    public void A_manifest_of_the_wrong_shape_is_RP9002_naming_the_file_and_the_field(string json, string reason)
    {
        var path = _context.Directory.WriteFile("release-manifest.json", json);

        Assert.False(ReleaseManifestReader.TryRead(path, out _, out var error));

        Assert.Equal("RP9002", error!.RuleId);
        Assert.Equal($"The release manifest '{path}' cannot be read: {reason}", error.Message);
    }

    [Fact]
    public void A_newer_schema_version_is_refused_with_what_to_do()
    {
        var path = _context.Directory.WriteFile("release-manifest.json", """{ "schemaVersion": 2, "package": {} }""");

        Assert.False(ReleaseManifestReader.TryRead(path, out _, out var error));

        Assert.Contains("its schema version is 2, and this version of ReleasePolicy reads schema version 1. Use the ReleasePolicy version that wrote it, or a newer one.", error!.Message);
    }

    [Fact]
    public void A_missing_manifest_names_the_path()
    {
        var path = _context.Directory.Path("bin/release-manifest.json");

        Assert.False(ReleaseManifestReader.TryRead(path, out _, out var error));

        Assert.Equal($"The release manifest '{path}' was not found. Pack or publish the project to write it, or check the path.", error!.Message);
    }

    public void Dispose() => _context.Dispose();
}
