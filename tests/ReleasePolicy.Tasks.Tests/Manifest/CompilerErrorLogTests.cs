using System.Text.Json;
using ReleasePolicy.IO;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// The compiler's SARIF error log in the manifest: EF Core / FluentMigrator migrations from the analyzers' RP1000
/// inventory join <c>migrations</c>, and RP1001-RP1007 findings become <c>findings</c>.
/// </summary>
public sealed class CompilerErrorLogTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void Code_migrations_follow_the_SQL_ones_sorted_by_kind_then_id_and_findings_follow_dependencies()
    {
        var sqlReport = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", """
            [{"id":"1","kind":"sql","convention":"flyway","forward":{"path":"db/V1__audit.sql","sha256":null},"rollback":null,"status":"missing-rollback","destructive":false}]
            """);
        var log = WriteLog(RealisticLog(ProjectUri()));

        _context.Generate(task =>
        {
            task.MigrationsReportFile = sqlReport;
            task.CompilerErrorLog = log;
        });

        var text = _context.ReadManifestText();
        var migrations = text.Substring(text.IndexOf("  \"migrations\": [", StringComparison.Ordinal));
        Assert.StartsWith(ManifestAssert.Lf("""
              "migrations": [
                {
                  "id": "1",
                  "kind": "sql",
                  "convention": "flyway",
                  "forward": {
                    "path": "db/V1__audit.sql",
                    "sha256": null
                  },
                  "rollback": null,
                  "status": "missing-rollback",
                  "destructive": false
                },
                {
                  "id": "20260305141500_AddOrderNotes",
                  "kind": "efcore",
                  "className": "Contoso.Orders.Data.Migrations.AddOrderNotes",
                  "source": {
                    "path": "Data/Migrations/20260305141500_AddOrderNotes.cs",
                    "line": 8
                  },
                  "status": "missing-rollback",
                  "reason": "Down is not overridden",
                  "destructive": false
                },
                {
                  "id": "20260401080000_DropFax",
                  "kind": "efcore",
                  "className": "Contoso.Orders.Data.Migrations.DropFax",
                  "source": {
                    "path": "Data/Migrations/20260401080000_DropFax.cs",
                    "line": 9
                  },
                  "status": "forward-only",
                  "reason": "fax numbers are exported to the archive first",
                  "destructive": true
                },
                {
                  "id": "9",
                  "kind": "fluentmigrator",
                  "className": "Contoso.Orders.Reporting.AddReportViews",
                  "source": {
                    "path": "Reporting/Migrations/AddReportViews.cs",
                    "line": 6
                  },
                  "status": "reversible",
                  "destructive": false
                },
                {
                  "id": "10",
                  "kind": "fluentmigrator",
                  "className": "Contoso.Orders.Reporting.Reshape",
                  "source": {
                    "path": "Reporting/Migrations/Reshape.cs",
                    "line": 6
                  },
                  "status": "missing-rollback",
                  "reason": "FluentMigrator cannot reverse Execute.Sql",
                  "destructive": false
                }
              ],
              "dependencies": [],
              "findings": [
                {
                  "rule": "RP1004",
                  "severity": "error",
                  "message": "Migration 'AddInvoices': Up creates table 'Invoices' but Down never drops it; add the inverse to Down, or declare the migration forward-only with a reason",
                  "location": {
                    "path": "Data/Migrations/20260212100000_AddInvoices.cs",
                    "line": 14
                  }
                },
                {
                  "rule": "RP1001",
                  "severity": "warning",
                  "message": "Migration 'AddOrderNotes' has no rollback: Down is not overridden; write Down to reverse Up, or declare the migration forward-only with a reason",
                  "location": {
                    "path": "Data/Migrations/20260305141500_AddOrderNotes.cs",
                    "line": 8
                  }
                },
                {
                  "rule": "RP1005",
                  "severity": "info",
                  "message": "Up in migration 'DropFax' drops column 'Fax' on 'Customers', which destroys data that Down cannot bring back; make sure the data is backed up or no longer needed",
                  "location": {
                    "path": "Data/Migrations/20260401080000_DropFax.cs",
                    "line": 13
                  }
                }
              ]
            }

            """), migrations);
    }

    [Fact]
    public void The_manifest_with_code_migrations_and_findings_satisfies_the_schema_and_is_byte_identical_on_a_second_run()
    {
        var log = WriteLog(RealisticLog(ProjectUri()));

        var manifest = _context.Generate(task => task.CompilerErrorLog = log);
        var first = File.ReadAllBytes(_context.OutputFile);
        File.Delete(_context.OutputFile);
        _context.Generate(task => task.CompilerErrorLog = log);

        Assert.Empty(SchemaSubsetValidator.Validate(LoadSchema(), manifest));
        Assert.Equal(first, File.ReadAllBytes(_context.OutputFile));
    }

    [Fact]
    public void Suppressed_findings_and_other_rules_are_left_out_but_a_suppressed_inventory_entry_stays()
    {
        var source = ProjectUri() + "Data/Migrations/Quiet.cs";
        var log = WriteLog(Log(
            Result("RP1002", "warning", "Down in migration 'Quiet' is empty or comment-only while Up changes the database; ...", source, 12, suppressed: true),
            Result("CS8618", "warning", "Non-nullable property 'Name' must contain a non-null value when exiting constructor.", source, 3),
            Result("CA1822", "note", "Member 'Seed' does not access instance data and can be marked as static", source, 20),
            Result("RP1000", "note", "Migration 'Quiet' (EF Core, 20260101000000_Quiet): empty rollback (...)", source, 5, suppressed: true, properties: """
                {"className": "Quiet", "destructive": "false", "kind": "efcore", "migrationId": "20260101000000_Quiet", "reason": "Down is empty or comment-only while Up changes the database", "status": "empty-rollback"}
                """)));

        var manifest = _context.Generate(task => task.CompilerErrorLog = log);

        Assert.Equal(0, manifest.GetProperty("findings").GetArrayLength());
        var migration = Assert.Single(manifest.GetProperty("migrations").EnumerateArray());
        Assert.Equal("20260101000000_Quiet", migration.GetProperty("id").GetString());
        Assert.Equal("empty-rollback", migration.GetProperty("status").GetString());
    }

    [Fact]
    public void Inventory_entries_the_manifest_cannot_describe_are_skipped()
    {
        var source = ProjectUri() + "Data/Migrations/Odd.cs";
        var log = WriteLog(Log(
            Result("RP1000", "note", "no properties", source, 5),
            Result("RP1000", "note", "unknown status", source, 6, properties: """
                {"className": "Odd", "destructive": "false", "kind": "efcore", "migrationId": "Odd", "status": "half-done"}
                """),
            Result("RP1000", "note", "unknown kind", source, 7, properties: """
                {"className": "Odd", "destructive": "false", "kind": "dbup", "migrationId": "Odd", "status": "reversible"}
                """)));

        var manifest = _context.Generate(task => task.CompilerErrorLog = log);

        Assert.Equal(0, manifest.GetProperty("migrations").GetArrayLength());
    }

    [Fact]
    public void Source_paths_are_percent_decoded_and_relative_to_the_project_with_forward_slashes()
    {
        using var context = new ManifestTestContext("Orders Ünïcode");
        var file = Path.Combine(context.ProjectDirectory, "Data", "Migrations #2", "Add Ünïcode.cs");
        var uri = new Uri(file).AbsoluteUri;
        Assert.Contains("%20", uri);
        var log = context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/compiler.sarif", Log(
            Result("RP1003", "warning", "Down in migration 'AddUnicode' only throws", uri, 21),
            Result("RP1001", "warning", "Outside the project", new Uri(context.Directory.Path("shared/Base.cs")).AbsoluteUri, 4)));

        var manifest = context.Generate(task => task.CompilerErrorLog = log);

        Assert.Equal(
            new[] { "../../shared/Base.cs:4", "Data/Migrations #2/Add Ünïcode.cs:21" },
            manifest.GetProperty("findings").EnumerateArray()
                .Select(f => f.GetProperty("location").GetProperty("path").GetString() + ":" + f.GetProperty("location").GetProperty("line").GetInt32()));
    }

    [Theory]
    [InlineData("file:///tmp/sarif%20probe/app/Add%C3%96rderNotes.cs", "/tmp/sarif probe/app/AddÖrderNotes.cs")]
    [InlineData("file:///C:/src/Orders%20Api/Data/AddOrderNotes.cs", "C:/src/Orders Api/Data/AddOrderNotes.cs")]
    [InlineData("file:///c%3A/src/AddOrderNotes.cs", "c:/src/AddOrderNotes.cs")]
    [InlineData("file://build-server/share/src/AddOrderNotes.cs", "//build-server/share/src/AddOrderNotes.cs")]
    [InlineData("file://localhost/tmp/a.cs", "/tmp/a.cs")]
    [InlineData("file:///tmp/100%25%23done.cs", "/tmp/100%#done.cs")]
    [InlineData("Data/Migrations/AddOrderNotes.cs", "Data/Migrations/AddOrderNotes.cs")]
    [InlineData("https://example.com/AddOrderNotes.cs", null)]
    public void File_URIs_become_paths_on_every_OS(string uri, string? expected)
    {
        Assert.Equal(expected, FileUri.ToPath(uri));
    }

    [Fact]
    public void Without_an_error_log_there_are_no_code_migrations_and_no_findings_field()
    {
        var manifest = _context.Generate(task => task.CompilerErrorLog = _context.Directory.Path("src/Orders.Api/obj/releasepolicy/compiler.sarif"));

        Assert.Equal(0, manifest.GetProperty("migrations").GetArrayLength());
        Assert.False(manifest.TryGetProperty("findings", out _));
    }

    [Fact]
    public void An_error_log_without_results_gives_an_empty_findings_array()
    {
        var log = WriteLog(Log());

        _context.Generate(task => task.CompilerErrorLog = log);

        Assert.EndsWith("\n  \"dependencies\": [],\n  \"findings\": []\n}\n", _context.ReadManifestText());
    }

    [Fact]
    public void The_format_suffix_of_the_ErrorLog_property_is_ignored()
    {
        var log = WriteLog(RealisticLog(ProjectUri()));

        var manifest = _context.Generate(task => task.CompilerErrorLog = log + ",version=2.1");

        Assert.Equal(4, manifest.GetProperty("migrations").GetArrayLength());
        Assert.Equal(3, manifest.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void The_logs_of_every_target_framework_are_read_as_one_with_each_migration_and_finding_listed_once()
    {
        var uri = ProjectUri() + "Data/Migrations/";
        const string inventory = """{ "migrationId": "{0}", "kind": "efcore", "className": "Contoso.Orders.{0}", "status": "reversible", "destructive": "false" }""";
        var shared = Result("RP1000", "note", "Migration 'CreateOrders'", uri + "CreateOrders.cs", 7, properties: inventory.Replace("{0}", "CreateOrders"));
        var sharedFinding = Result("RP1005", "note", "Up drops table 'Fax'", uri + "CreateOrders.cs", 12);
        var net8Only = Result("RP1000", "note", "Migration 'Net8Shim'", uri + "Net8Shim.cs", 5, properties: inventory.Replace("{0}", "Net8Shim"));
        var net8 = _context.Directory.WriteFile("src/Orders.Api/obj/Release/net8.0/releasepolicy/compiler.sarif", Log(shared, sharedFinding, net8Only));
        var net10 = _context.Directory.WriteFile("src/Orders.Api/obj/Release/net10.0/releasepolicy/compiler.sarif", Log(shared, sharedFinding));

        var manifest = _context.Generate(task => task.CompilerErrorLog = net8 + ";" + net10);

        Assert.Equal(["CreateOrders", "Net8Shim"], manifest.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("RP1005", Assert.Single(manifest.GetProperty("findings").EnumerateArray()).GetProperty("rule").GetString());
    }

    [Fact]
    public void A_SARIF_1_0_log_from_a_project_that_set_ErrorLog_without_a_version_is_read_too()
    {
        var uri = ProjectUri() + "Data/Migrations/AddOrderNotes.cs";
        var log = WriteLog($$"""
            {
              "$schema": "http://json.schemastore.org/sarif-1.0.0",
              "version": "1.0.0",
              "runs": [
                {
                  "tool": { "name": "Microsoft (R) Visual C# Compiler", "version": "5.0.0.0", "fileVersion": "5.0.0", "semanticVersion": "5.0.0", "language": "en-US" },
                  "results": [
                    {
                      "ruleId": "RP1001",
                      "level": "warning",
                      "message": "Migration 'AddOrderNotes' has no rollback: Down is not overridden",
                      "locations": [ { "resultFile": { "uri": "{{uri}}", "region": { "startLine": 8, "startColumn": 18, "endLine": 8, "endColumn": 31 } } } ],
                      "properties": { "warningLevel": 1 }
                    },
                    {
                      "ruleId": "RP1002",
                      "level": "warning",
                      "message": "suppressed",
                      "suppressionStates": [ "suppressedInSource" ],
                      "locations": [ { "resultFile": { "uri": "{{uri}}", "region": { "startLine": 9 } } } ]
                    },
                    {
                      "ruleId": "RP1000",
                      "level": "note",
                      "message": "Migration 'AddOrderNotes' (EF Core, 20260305141500_AddOrderNotes): no rollback (Down is not overridden)",
                      "locations": [ { "resultFile": { "uri": "{{uri}}", "region": { "startLine": 8 } } } ],
                      "properties": { "warningLevel": 1, "customProperties": { "className": "AddOrderNotes", "destructive": "false", "kind": "efcore", "migrationId": "20260305141500_AddOrderNotes", "reason": "Down is not overridden", "status": "missing-rollback" } }
                    }
                  ]
                }
              ]
            }
            """);

        var manifest = _context.Generate(task => task.CompilerErrorLog = log);

        var finding = Assert.Single(manifest.GetProperty("findings").EnumerateArray());
        Assert.Equal("Migration 'AddOrderNotes' has no rollback: Down is not overridden", finding.GetProperty("message").GetString());
        Assert.Equal("Data/Migrations/AddOrderNotes.cs", finding.GetProperty("location").GetProperty("path").GetString());
        var migration = Assert.Single(manifest.GetProperty("migrations").EnumerateArray());
        Assert.Equal("Data/Migrations/AddOrderNotes.cs", migration.GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public void A_corrupt_error_log_is_RP9002_naming_the_file_line_and_position()
    {
        var log = WriteLog("{\n  \"version\": \"2.1.0\",\n  \"runs\": [ { \"results\": [ { \"ruleId\": RP1001 } ] } ]\n}\n");
        var task = _context.CreateTask();
        task.CompilerErrorLog = log;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(log, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(40, error.Column);
        Assert.StartsWith($"The compiler error log '{log}' is not valid JSON at line 3, byte position 40: ", error.Message);
        Assert.False(File.Exists(_context.OutputFile));
    }

    [Fact]
    public void JSON_that_is_not_a_SARIF_log_is_RP9002()
    {
        var log = WriteLog("""[ { "ruleId": "RP1001" } ]""");
        var task = _context.CreateTask();
        task.CompilerErrorLog = log;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal($"The compiler error log '{log}' is not a SARIF log: it has no 'runs' array. Delete it and build again to regenerate it.", error.Message);
    }

    public void Dispose() => _context.Dispose();

    /// <summary>The project folder as the compiler writes it in artifact URIs, ending in '/'.</summary>
    private string ProjectUri() => new Uri(_context.ProjectDirectory + Path.DirectorySeparatorChar).AbsoluteUri;

    private string WriteLog(string content) => _context.Directory.WriteFile("src/Orders.Api/obj/Release/net8.0/releasepolicy/compiler.sarif", content);

    /// <summary>What csc /errorlog:…,version=2.1 writes for a project with EF Core and FluentMigrator migrations.</summary>
    private static string RealisticLog(string project) => $$"""
        {
          "$schema": "http://json.schemastore.org/sarif-2.1.0",
          "version": "2.1.0",
          "runs": [
            {
              "results": [
                {
                  "ruleId": "CS8618",
                  "ruleIndex": 0,
                  "level": "warning",
                  "message": { "text": "Non-nullable property 'Notes' must contain a non-null value when exiting constructor. Consider adding the 'required' modifier or declaring the property as nullable." },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Data/Order.cs" }, "region": { "startLine": 7, "startColumn": 19, "endLine": 7, "endColumn": 24 } } } ],
                  "properties": { "warningLevel": 1 }
                },
                {
                  "ruleId": "RP1001",
                  "ruleIndex": 2,
                  "level": "warning",
                  "message": { "text": "Migration 'AddOrderNotes' has no rollback: Down is not overridden; write Down to reverse Up, or declare the migration forward-only with a reason" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Data/Migrations/20260305141500_AddOrderNotes.cs" }, "region": { "startLine": 8, "startColumn": 26, "endLine": 8, "endColumn": 39 } } } ],
                  "properties": { "warningLevel": 1 }
                },
                {
                  "ruleId": "RP1004",
                  "ruleIndex": 3,
                  "level": "error",
                  "message": { "text": "Migration 'AddInvoices': Up creates table 'Invoices' but Down never drops it; add the inverse to Down, or declare the migration forward-only with a reason" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Data/Migrations/20260212100000_AddInvoices.cs" }, "region": { "startLine": 14, "startColumn": 13, "endLine": 17, "endColumn": 15 } } } ],
                  "properties": { "warningLevel": 0 }
                },
                {
                  "ruleId": "RP1005",
                  "ruleIndex": 4,
                  "level": "note",
                  "message": { "text": "Up in migration 'DropFax' drops column 'Fax' on 'Customers', which destroys data that Down cannot bring back; make sure the data is backed up or no longer needed" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Data/Migrations/20260401080000_DropFax.cs" }, "region": { "startLine": 13, "startColumn": 13, "endLine": 13, "endColumn": 70 } } } ],
                  "properties": { "warningLevel": 1 }
                },
                {
                  "ruleId": "RP1002",
                  "ruleIndex": 5,
                  "level": "warning",
                  "message": { "text": "Down in migration 'SeedRegions' is empty or comment-only while Up changes the database; write the rollback, or declare the migration forward-only with a reason" },
                  "suppressions": [ { "kind": "inSource", "properties": { "suppressionType": "Pragma Directive" } } ],
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Data/Migrations/20260101000000_SeedRegions.cs" }, "region": { "startLine": 20, "startColumn": 33, "endLine": 20, "endColumn": 37 } } } ],
                  "properties": { "warningLevel": 1 }
                },
                {
                  "ruleId": "RP1000",
                  "ruleIndex": 1,
                  "level": "note",
                  "message": { "text": "Migration 'Reshape' (FluentMigrator, 10): no rollback (FluentMigrator cannot reverse Execute.Sql)" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Reporting/Migrations/Reshape.cs" }, "region": { "startLine": 6, "startColumn": 18, "endLine": 6, "endColumn": 25 } } } ],
                  "properties": { "warningLevel": 1, "customProperties": { "className": "Contoso.Orders.Reporting.Reshape", "destructive": "false", "kind": "fluentmigrator", "migrationId": "10", "reason": "FluentMigrator cannot reverse Execute.Sql", "status": "missing-rollback" } }
                },
                {
                  "ruleId": "RP1000",
                  "ruleIndex": 1,
                  "level": "note",
                  "message": { "text": "Migration 'DropFax' (EF Core, 20260401080000_DropFax): forward-only (fax numbers are exported to the archive first), destroys data" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Data/Migrations/20260401080000_DropFax.cs" }, "region": { "startLine": 9, "startColumn": 26, "endLine": 9, "endColumn": 33 } } } ],
                  "properties": { "warningLevel": 1, "customProperties": { "className": "Contoso.Orders.Data.Migrations.DropFax", "destructive": "true", "kind": "efcore", "migrationId": "20260401080000_DropFax", "reason": "fax numbers are exported to the archive first", "status": "forward-only" } }
                },
                {
                  "ruleId": "RP1000",
                  "ruleIndex": 1,
                  "level": "note",
                  "message": { "text": "Migration 'AddReportViews' (FluentMigrator, 9): reversible" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Reporting/Migrations/AddReportViews.cs" }, "region": { "startLine": 6, "startColumn": 18, "endLine": 6, "endColumn": 32 } } } ],
                  "properties": { "warningLevel": 1, "customProperties": { "className": "Contoso.Orders.Reporting.AddReportViews", "destructive": "false", "kind": "fluentmigrator", "migrationId": "9", "status": "reversible" } }
                },
                {
                  "ruleId": "RP1000",
                  "ruleIndex": 1,
                  "level": "note",
                  "message": { "text": "Migration 'AddOrderNotes' (EF Core, 20260305141500_AddOrderNotes): no rollback (Down is not overridden)" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{project}}Data/Migrations/20260305141500_AddOrderNotes.cs" }, "region": { "startLine": 8, "startColumn": 26, "endLine": 8, "endColumn": 39 } } } ],
                  "properties": { "warningLevel": 1, "customProperties": { "className": "Contoso.Orders.Data.Migrations.AddOrderNotes", "destructive": "false", "kind": "efcore", "migrationId": "20260305141500_AddOrderNotes", "reason": "Down is not overridden", "status": "missing-rollback" } }
                }
              ],
              "properties": { "analyzerExecutionTime": "0.123" },
              "tool": {
                "driver": {
                  "name": "Microsoft (R) Visual C# Compiler",
                  "version": "5.0.0-2.25472.11 (a1b2c3d4)",
                  "dottedQuadFileVersion": "5.0.0.0",
                  "semanticVersion": "5.0.0",
                  "language": "en-US",
                  "rules": [
                    { "id": "CS8618", "shortDescription": { "text": "Non-nullable field must contain a non-null value when exiting constructor." }, "helpUri": "https://msdn.microsoft.com/query/roslyn.query?appId=roslyn&k=k(CS8618)", "properties": { "category": "Compiler" } },
                    { "id": "RP1000", "shortDescription": { "text": "Migration inventory" }, "helpUri": "https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP1000.md", "properties": { "category": "Migrations" } },
                    { "id": "RP1001", "shortDescription": { "text": "Migration has no rollback" }, "helpUri": "https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP1001.md", "properties": { "category": "Migrations" } }
                  ]
                }
              },
              "invocations": [ { "executionSuccessful": false } ],
              "columnKind": "utf16CodeUnits"
            }
          ]
        }
        """;

    /// <summary>A minimal SARIF 2.1 log with the given results.</summary>
    private static string Log(params string[] results) => $$"""
        { "$schema": "http://json.schemastore.org/sarif-2.1.0", "version": "2.1.0", "runs": [ { "results": [ {{string.Join(",\n", results)}} ], "columnKind": "utf16CodeUnits" } ] }
        """;

    private static string Result(string rule, string level, string message, string uri, int line, bool suppressed = false, string? properties = null) =>
        $$"""
        {
          "ruleId": "{{rule}}", "level": "{{level}}", "message": { "text": {{JsonSerializer.Serialize(message)}} },
          {{(suppressed ? "\"suppressions\": [ { \"kind\": \"inSource\" } ]," : string.Empty)}}
          "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{uri}}" }, "region": { "startLine": {{line}}, "startColumn": 1 } } } ],
          "properties": { "warningLevel": 1{{(properties is null ? string.Empty : ", \"customProperties\": " + properties.Trim())}} }
        }
        """;

    private static JsonElement LoadSchema()
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
}
