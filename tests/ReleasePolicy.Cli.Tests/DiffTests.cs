using System.Text.Json;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Cli.Tests;

public sealed class DiffTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    private (string Old, string New) TwoReleases()
    {
        var old = _files.WriteManifest(
            ReleaseFiles.Release(
                "2.3.0",
                dependencies: [ReleaseFiles.Package("Serilog", "3.1.1"), ReleaseFiles.Package("Polly", "7.2.4"), ReleaseFiles.Package("Old.Client", "1.0.0")],
                migrations: [ReleaseFiles.Script("V1__create_orders")],
                findings: [new ReleaseFinding("RP1011", "warning", "Rollback script 'db/U1__create_orders.sql' is empty.", new SourceLocation("db/U1__create_orders.sql", 1))]),
            "old.json");
        var current = _files.WriteManifest(
            ReleaseFiles.Release(
                "2.4.0",
                dependencies: [ReleaseFiles.Package("Serilog", "4.0.0"), ReleaseFiles.Package("Polly", "7.2.5"), ReleaseFiles.Package("Azure.Core", "1.44.1")],
                migrations: [ReleaseFiles.Script("V1__create_orders"), ReleaseFiles.Script("V2__drop_notes", MigrationStatus.MissingRollback, destructive: true)],
                findings: [new ReleaseFinding("RP1010", "warning", "Migration script 'db/V2__drop_notes.sql' has no rollback script.", new SourceLocation("db/V2__drop_notes.sql", 1))]),
            "new.json");
        return (old, current);
    }

    [Fact]
    public void The_text_diff_lists_dependency_migration_finding_and_risk_changes()
    {
        var (old, current) = TwoReleases();

        var run = CliRun.Of("diff", old, current);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Contoso.Orders.Api 2.3.0 -> Contoso.Orders.Api 2.4.0

            Risk: low (20/100) -> high (60/100)

            Dependencies added: 1
              Azure.Core 1.44.1 (direct)

            Dependencies removed: 1
              Old.Client 1.0.0

            Dependencies updated: 2
              Polly 7.2.4 -> 7.2.5
              Serilog 3.1.1 -> 4.0.0 (major)

            Migrations added: 1
              V2__drop_notes (sql, missing-rollback, destructive)

            Migrations removed: none

            Public API: not compared (a manifest without publicApi, written before it was recorded).

            Findings new: 1
              RP1010 warning: Migration script 'db/V2__drop_notes.sql' has no rollback script. (db/V2__drop_notes.sql)

            Findings fixed: 1
              RP1011 warning: Rollback script 'db/U1__create_orders.sql' is empty. (db/U1__create_orders.sql)

            """.ReplaceLineEndings("\n"),
            run.Output);
    }

    [Fact]
    public void The_json_diff_marks_major_upgrades()
    {
        var (old, current) = TwoReleases();

        var run = CliRun.Of("diff", old, current, "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var updated = json.RootElement.GetProperty("changes").GetProperty("dependencies").GetProperty("updated").EnumerateArray().ToList();
        Assert.Equal([("Polly", false), ("Serilog", true)], updated.Select(u => (u.GetProperty("id").GetString(), u.GetProperty("major").GetBoolean())));
        Assert.Equal(["V2__drop_notes"], json.RootElement.GetProperty("changes").GetProperty("migrations").GetProperty("added").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("high", json.RootElement.GetProperty("risk").GetProperty("to").GetProperty("level").GetString());
    }

    [Fact]
    public void A_missing_old_manifest_is_exit_2()
    {
        var (_, current) = TwoReleases();

        var run = CliRun.Of("diff", Path.Combine(_files.Folder, "missing.json"), current);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("was not found.", run.Error);
    }

    [Fact]
    public void A_release_before_findings_were_repository_relative_compares_finding_by_finding_with_one_after()
    {
        const string NoRollback = "Migration 'AddOrders' has no rollback: Down is not overridden";
        var old = _files.WriteManifest(
            ReleaseFiles.Release(
                "2.3.0",
                findings:
                [
                    new ReleaseFinding("RP1001", "error", NoRollback, new SourceLocation("Migrations/20240101_AddOrders.cs", 12)),
                    new ReleaseFinding("RP1011", "warning", "Rollback script 'db/U1__create_orders.sql' is empty.", new SourceLocation("db/U1__create_orders.sql", 1)),
                ]),
            "old.json");
        var current = _files.WriteManifest(
            ReleaseFiles.Release(
                "2.4.0",
                projectPath: "src/Orders.Api",
                findings: [new ReleaseFinding("RP1001", "error", NoRollback, new SourceLocation("src/Orders.Api/Migrations/20240101_AddOrders.cs", 14))]),
            "new.json");

        var run = CliRun.Of("diff", old, current);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            """
            Findings new: none

            Findings fixed: 1
              RP1011 warning: Rollback script 'db/U1__create_orders.sql' is empty. (src/Orders.Api/db/U1__create_orders.sql)

            """.ReplaceLineEndings("\n"),
            run.Output);
    }

    public void Dispose() => _files.Dispose();
}
