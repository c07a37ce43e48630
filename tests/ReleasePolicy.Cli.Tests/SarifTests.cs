using System.Text.Json;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Tests;

public sealed class SarifTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    [Fact]
    public void Findings_become_one_SARIF_2_1_0_run_with_catalogue_rules_and_repository_relative_locations()
    {
        // As pack writes it in a git work tree: the findings relative to the repository root, and where the project is.
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0", projectPath: "src/Orders.Api", findings:
        [
            new ReleaseFinding("RP1001", "error", "Migration 'AddOrders' has no rollback: Down is not overridden", new SourceLocation("src/Orders.Api/Migrations/20240101_AddOrders.cs", 12)),
            new ReleaseFinding("RP1010", "warning", "V3__drop_notes.sql has no rollback script", new SourceLocation("src/Orders.Api/db/migrations/V3__drop notes.sql", 0)),
            new ReleaseFinding("RP1005", "info", "Destructive operation in Up: DropColumn 'Notes'", new SourceLocation("src/Orders.Api/Migrations/20240101_AddOrders.cs", 20)),
            new ReleaseFinding("RP1001", "error", "Migration 'DropNotes' has no rollback: Down is not overridden", new SourceLocation("src/Orders.Api/Migrations/20240301_DropNotes.cs", 9)),
        ]));

        var run = CliRun.Of("summary", manifest, "--format", "sarif");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        using var sarif = JsonDocument.Parse(run.Output);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var sarifRun = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("ReleasePolicy", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["RP1001", "RP1005", "RP1010"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("Migration has no rollback", rules[0].GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP1001.md", rules[0].GetProperty("helpUri").GetString());
        Assert.Equal("Migrations", rules[0].GetProperty("properties").GetProperty("category").GetString());
        Assert.Equal("note", rules[1].GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal(
            [("RP1001", 0, "error"), ("RP1010", 2, "warning"), ("RP1005", 1, "note"), ("RP1001", 0, "error")],
            results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("ruleIndex").GetInt32(), r.GetProperty("level").GetString())));
        var first = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/Orders.Api/Migrations/20240101_AddOrders.cs", first.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", first.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(12, first.GetProperty("region").GetProperty("startLine").GetInt32());
        var script = results[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/Orders.Api/db/migrations/V3__drop%20notes.sql", script.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(script.TryGetProperty("region", out _));
        Assert.Equal("Migration 'AddOrders' has no rollback: Down is not overridden", results[0].GetProperty("message").GetProperty("text").GetString());

        var provenance = Assert.Single(sarifRun.GetProperty("versionControlProvenance").EnumerateArray());
        Assert.Equal("https://github.com/contoso/orders", provenance.GetProperty("repositoryUri").GetString());
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", provenance.GetProperty("revisionId").GetString());
    }

    [Fact]
    public void Findings_relative_to_the_project_take_the_repository_folder_from_project_path()
    {
        // Built outside a repository, or by a ReleasePolicy from before findings were repository-relative.
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0", findings:
        [
            new ReleaseFinding("RP1001", "error", "Migration 'AddOrders' has no rollback: Down is not overridden", new SourceLocation("Migrations/20240101_AddOrders.cs", 12)),
            new ReleaseFinding("RP1001", "error", "Migration 'Sales' has no rollback: Down is not overridden", new SourceLocation("../Shared/Sales Migration.cs", 4)),
        ]));

        var run = CliRun.Of("summary", manifest, "--format", "sarif", "--project-path", "src/Orders.Api/");

        Assert.Equal(0, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Output);
        Assert.Equal(
            ["src/Orders.Api/Migrations/20240101_AddOrders.cs", "src/Shared/Sales%20Migration.cs"],
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public void Project_path_is_ignored_with_a_note_when_the_manifest_records_where_the_project_is()
    {
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0", projectPath: "src/Orders.Api", findings:
        [
            new ReleaseFinding("RP1001", "error", "Migration 'AddOrders' has no rollback: Down is not overridden", new SourceLocation("src/Orders.Api/Migrations/20240101_AddOrders.cs", 12)),
        ]));

        var run = CliRun.Of("summary", manifest, "--format", "sarif", "--project-path", "src/Orders.Api");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("note: --project-path was ignored: the manifest's findings are already relative to the repository root (it records the project at 'src/Orders.Api').\n", run.Error);
        using var sarif = JsonDocument.Parse(run.Output);
        Assert.Equal(
            "src/Orders.Api/Migrations/20240101_AddOrders.cs",
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void A_release_without_findings_is_a_run_with_no_results()
    {
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0"));

        var run = CliRun.Of("summary", manifest, "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Output);
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, sarifRun.GetProperty("results").GetArrayLength());
        Assert.Equal(0, sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public void Diff_does_not_offer_sarif()
    {
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0"));

        Assert.Equal(2, CliRun.Of("diff", manifest, manifest, "--format", "sarif").ExitCode);
    }

    public void Dispose() => _files.Dispose();
}
