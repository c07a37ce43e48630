using System.Text.Json;

namespace ReleasePolicy.Tasks.Tests.Manifest;

public sealed class MigrationsEmbeddingTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void The_migrations_report_entries_are_listed_in_its_order_exactly_as_the_report_has_them()
    {
        var report = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", """
            [
              { "id": "V2__index_audit_log_by_order", "kind": "sql", "convention": "flyway", "forward": { "path": "db/V2__index_audit_log_by_order.sql", "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }, "rollback": null, "status": "forward-only", "reason": "index only", "destructive": false },
              { "id": "V1__create_orders", "kind": "sql", "convention": "flyway", "forward": { "path": "db/V1__create_orders.sql", "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }, "rollback": { "path": "db/U1__create_orders.sql", "sha256": null }, "status": "reversible", "destructive": true }
            ]
            """);

        var migrations = _context.Generate(task => task.MigrationsReportFile = report).GetProperty("migrations");

        using var reportDocument = JsonDocument.Parse(File.ReadAllBytes(report));
        Assert.Equal(
            reportDocument.RootElement.EnumerateArray().Select(entry => JsonSerializer.Serialize(entry)),
            migrations.EnumerateArray().Select(entry => JsonSerializer.Serialize(entry)));
    }

    [Fact]
    public void A_report_entry_of_the_wrong_shape_is_RP9002_naming_the_file_and_the_field()
    {
        var report = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", """[{ "id": "V1__create_orders", "kind": "sql", "status": "reversible", "destructive": "no" }]""");
        var task = _context.CreateTask();
        task.MigrationsReportFile = report;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(report, error.File);
        Assert.Equal(
            $"The migrations report '{report}' is not a migrations report: '$[0].destructive' is a string where true or false is expected. Delete it and build again to regenerate it.",
            error.Message);
    }

    [Fact]
    public void Without_a_report_file_migrations_is_an_empty_array()
    {
        var manifest = _context.Generate(task => task.MigrationsReportFile = _context.Directory.Path("src/Orders.Api/obj/releasepolicy/migrations.json"));

        Assert.Contains("\n  \"migrations\": [],\n", _context.ReadManifestText());
        Assert.Equal(0, manifest.GetProperty("migrations").GetArrayLength());
    }

    [Fact]
    public void A_corrupt_report_is_RP9002_naming_the_file_line_and_position()
    {
        var report = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", "[\n  { \"id\": \"V1\" },\n  { \"id\": V2 }\n]\n");
        var task = _context.CreateTask();
        task.MigrationsReportFile = report;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(report, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(11, error.Column);
        Assert.StartsWith($"The migrations report '{report}' is not valid JSON at line 3, byte position 11: ", error.Message);
        Assert.False(File.Exists(_context.OutputFile));
    }

    [Fact]
    public void A_report_that_is_not_an_array_is_RP9002()
    {
        var report = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", """{ "migrations": [] }""");
        var task = _context.CreateTask();
        task.MigrationsReportFile = report;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Contains("holds a JSON object where a JSON array of migrations is expected", error.Message);
    }

    public void Dispose() => _context.Dispose();
}
