using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// Where the manifest's findings point: relative to the repository root when the project is in a git work tree, for
/// every source of findings alike (the analyzers' inventories, the SQL script check, the release-notes check, the
/// dependency check), and relative to the project when it is not. Each source records paths relative to the project;
/// the manifest rebases them once, and says where the project is in <c>package.repository.projectPath</c>.
/// </summary>
public sealed class FindingLocationTests : IDisposable
{
    private const string Header = """
        // ReleasePolicy inventory, format 2
        // Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.
        """;

    private readonly ManifestTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void In_a_repository_every_source_of_findings_is_relative_to_its_root_and_the_manifest_says_where_the_project_is()
    {
        GitTestRepository.Init(_context.Directory.FullPath).Commit("First release");
        var inputs = WriteEverySourceOfFindings();

        var manifest = _context.Generate(inputs);

        Assert.Equal("src/Orders.Api", manifest.GetProperty("package").GetProperty("repository").GetProperty("projectPath").GetString());
        Assert.Equal(
            [
                "RP1001 shared/Migrations/SalesMigration.cs:4",
                "RP1001 src/Orders.Api/Data/Migrations/20260305141500_AddOrderNotes.cs:8",
                "RP4001 src/Orders.Api/Orders.Api.csproj",
                "RP3010 src/Orders.Api/RELEASE-NOTES.md:3",
                "RP1010 src/Orders.Api/db/V2__drop_notes.sql:1",
            ],
            Locations(manifest));
        // The other sections keep their paths relative to the project, as the commands that read them expect (evidence --source).
        Assert.Equal("Data/Migrations/20260305141500_AddOrderNotes.cs", manifest.GetProperty("migrations")[0].GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public void A_project_at_the_repository_root_keeps_its_paths_and_records_the_root_as_a_dot()
    {
        GitTestRepository.Init(_context.ProjectDirectory).Commit("First release");

        var manifest = _context.Generate(task => task.InventoryFiles = [new TaskItem(WriteMigrationInventory())]);

        Assert.Equal(".", manifest.GetProperty("package").GetProperty("repository").GetProperty("projectPath").GetString());
        Assert.Equal(["RP1001 ../../shared/Migrations/SalesMigration.cs:4", "RP1001 Data/Migrations/20260305141500_AddOrderNotes.cs:8"], Locations(manifest));
    }

    [Fact]
    public void A_linked_worktree_is_its_own_root()
    {
        var main = GitTestRepository.Init(_context.Directory.CreateDirectory("main-checkout"));
        main.Commit("On main");
        var worktree = _context.Directory.Path("hotfix-checkout");
        main.Git("worktree", "add", "-q", "-b", "hotfix/sev1", worktree);
        var project = _context.Directory.CreateDirectory("hotfix-checkout/services/orders");
        var findings = _context.Directory.WriteFile("hotfix-checkout/services/orders/obj/releasepolicy/migration-findings.json", "");
        File.WriteAllBytes(findings, ScriptFindingsReport.Serialize([ScriptFinding(Path.Combine(project, "db", "V2__drop_notes.sql"))], enforce: false, project));

        var manifest = _context.Generate(task => (task.ProjectDirectory, task.ScriptFindingsFile) = (project, findings));

        Assert.Equal("services/orders", manifest.GetProperty("package").GetProperty("repository").GetProperty("projectPath").GetString());
        Assert.Equal(["RP1010 services/orders/db/V2__drop_notes.sql:1"], Locations(manifest));
    }

    [Fact]
    public void Outside_a_repository_findings_stay_relative_to_the_project_and_no_project_path_is_recorded()
    {
        var manifest = _context.Generate(WriteEverySourceOfFindings());

        Assert.False(manifest.GetProperty("package").TryGetProperty("repository", out _));
        Assert.Equal(
            [
                "RP1001 ../../shared/Migrations/SalesMigration.cs:4",
                "RP1001 Data/Migrations/20260305141500_AddOrderNotes.cs:8",
                "RP4001 Orders.Api.csproj",
                "RP3010 RELEASE-NOTES.md:3",
                "RP1010 db/V2__drop_notes.sql:1",
            ],
            Locations(manifest));
    }

    [Fact]
    public void A_baseline_written_before_findings_were_repository_relative_compares_finding_by_finding()
    {
        GitTestRepository.Init(_context.Directory.FullPath).Commit("First release");
        // The previous release's manifest, as an older ReleasePolicy wrote it: no projectPath, paths relative to the project.
        var baseline = _context.Directory.WriteFile("baseline/release-manifest.json", """
            {
              "schemaVersion": 1,
              "package": { "id": "Contoso.Orders.Api", "version": "2.3.0", "repository": { "commit": "0123456789abcdef0123456789abcdef01234567", "branch": "main" } },
              "build": { "targetFrameworks": [] },
              "release": { "type": "Standard", "userImpact": "CustomerFacing", "dataSensitivity": "Internal" },
              "migrations": [],
              "dependencies": [],
              "findings": [
                { "rule": "RP1001", "severity": "error", "message": "Migration 'AddOrderNotes' has no rollback: Down is not overridden", "location": { "path": "Data/Migrations/20260305141500_AddOrderNotes.cs", "line": 7 } },
                { "rule": "RP1011", "severity": "warning", "message": "The rollback script 'db/U1__create_orders.sql' is empty.", "location": { "path": "db/U1__create_orders.sql", "line": 1 } }
              ]
            }
            """);
        var inventory = _context.Directory.WriteFile("src/Orders.Api/obj/Release/net8.0/releasepolicy/migration-inventory.txt", $$$"""
            {{{Header}}}
            //{"finding":{"rule":"RP1001","severity":"error","message":"Migration 'AddOrderNotes' has no rollback: Down is not overridden","path":"{{{Json(_context.ProjectDirectory + Path.DirectorySeparatorChar)}}}Data/Migrations/20260305141500_AddOrderNotes.cs","line":8}}
            //{"end":{"migrations":0,"flags":0,"findings":1}}

            """.ReplaceLineEndings("\n"));

        var manifest = _context.Generate(task => (task.InventoryFiles, task.BaselineManifestFile) = ([new TaskItem(inventory)], baseline));

        var findings = manifest.GetProperty("changes").GetProperty("findings");
        Assert.Equal(0, findings.GetProperty("new").GetArrayLength());
        Assert.Equal("src/Orders.Api/db/U1__create_orders.sql", Assert.Single(findings.GetProperty("fixed").EnumerateArray()).GetProperty("location").GetProperty("path").GetString());
    }

    /// <summary>One finding from each source, written as each writes it: absolute paths in the inventories, project-relative ones in the reports.</summary>
    private Action<GenerateReleaseManifest> WriteEverySourceOfFindings()
    {
        var project = _context.ProjectDirectory;
        var inventory = WriteMigrationInventory();
        var scripts = WriteReport("migration-findings.json", ScriptFinding(Path.Combine(project, "db", "V2__drop_notes.sql")));
        var leaks = WriteReport("leak-findings.json", new PolicyFinding("RP3010", FindingKind.Policy, "RELEASE-NOTES.md names the internal host 'db-primary.corp'.", Path.Combine(project, "RELEASE-NOTES.md"), 3));
        var dependencies = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/dependency-verification.json", $$"""
            { "version": 1, "packages": [], "vulnerabilities": [], "findings": {{ReportText(new PolicyFinding("RP4001", FindingKind.Policy, "Package 'Contoso.Internal' 1.0.0 is unsigned.", _context.ProjectFile))}} }
            """);
        return task =>
        {
            task.InventoryFiles = [new TaskItem(inventory)];
            task.ScriptFindingsFile = scripts;
            task.LeakFindingsFile = leaks;
            task.DependencyVerificationFile = dependencies;
            task.RiskThreshold = "critical";
        };
    }

    private string WriteMigrationInventory()
    {
        var project = Json(_context.ProjectDirectory + Path.DirectorySeparatorChar);
        var shared = Json(_context.Directory.Path("shared/Migrations/SalesMigration.cs"));
        return _context.Directory.WriteFile("src/Orders.Api/obj/Release/net8.0/releasepolicy/migration-inventory.txt", $$$"""
            {{{Header}}}
            //{"migration":{"id":"20260305141500_AddOrderNotes","kind":"efcore","className":"Contoso.Orders.Data.Migrations.AddOrderNotes","status":"missing-rollback","reason":"Down is not overridden","destructive":false,"path":"{{{project}}}Data/Migrations/20260305141500_AddOrderNotes.cs","line":8}}
            //{"finding":{"rule":"RP1001","severity":"warning","message":"Migration 'AddOrderNotes' has no rollback: Down is not overridden","path":"{{{project}}}Data/Migrations/20260305141500_AddOrderNotes.cs","line":8}}
            //{"finding":{"rule":"RP1001","severity":"warning","message":"Migration 'SalesMigration' has no rollback: Down is not overridden","path":"{{{shared}}}","line":4}}
            //{"end":{"migrations":1,"flags":0,"findings":2}}

            """.ReplaceLineEndings("\n"));
    }

    private static PolicyFinding ScriptFinding(string script) =>
        new("RP1010", FindingKind.Policy, $"The forward script '{Path.GetFileName(script)}' has no rollback script.", script, 1);

    private string WriteReport(string name, PolicyFinding finding)
    {
        var path = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/" + name, "");
        File.WriteAllBytes(path, ScriptFindingsReport.Serialize([finding], enforce: false, _context.ProjectDirectory));
        return path;
    }

    private string ReportText(PolicyFinding finding) =>
        System.Text.Encoding.UTF8.GetString(ScriptFindingsReport.Serialize([finding], enforce: false, _context.ProjectDirectory));

    private static List<string> Locations(JsonElement manifest) =>
        manifest.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("location") is var at && at.TryGetProperty("line", out var line)
                ? $"{f.GetProperty("rule").GetString()} {at.GetProperty("path").GetString()}:{line.GetInt32()}"
                : $"{f.GetProperty("rule").GetString()} {at.GetProperty("path").GetString()}")
            .ToList();

    /// <summary>A string as the inventory writer puts it inside JSON quotes.</summary>
    private static string Json(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
