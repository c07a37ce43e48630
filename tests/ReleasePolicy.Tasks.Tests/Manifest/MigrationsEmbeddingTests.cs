namespace ReleasePolicy.Tasks.Tests.Manifest;

public sealed class MigrationsEmbeddingTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void The_migrations_report_is_embedded_value_for_value_in_its_order()
    {
        var report = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", """
            [
              { "id": "20260305141500_AddOrderNotes", "kind": "efcore", "forward": null, "rollback": null, "status": "missing-rollback", "destructive": false },
              { "id": "V2__index_audit_log_by_order", "kind": "sql", "convention": "flyway", "status": "forward-only", "reason": "index only", "destructive": false },
              { "id": "20260112093000_CreateOrders", "kind": "efcore", "status": "reversible", "destructive": true, "extra": { "n": 1.50, "list": [1, "two"] } }
            ]
            """);

        var migrations = _context.Generate(task => task.MigrationsReportFile = report).GetProperty("migrations");

        Assert.Equal(
            new[] { "20260305141500_AddOrderNotes", "V2__index_audit_log_by_order", "20260112093000_CreateOrders" },
            migrations.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("index only", migrations[1].GetProperty("reason").GetString());
        Assert.True(migrations[2].GetProperty("destructive").GetBoolean());
        Assert.Contains("\"n\": 1.50,", _context.ReadManifestText());
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
