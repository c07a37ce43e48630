using System.Text.Json;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Cli.Tests;

public sealed class SummaryTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    private string Manifest() => _files.WriteManifest(ReleaseFiles.Release(
        "2.4.0",
        dependencies: [ReleaseFiles.Package("Serilog", "4.0.0"), ReleaseFiles.Package("Serilog.Sinks.File", "6.0.0", direct: false)],
        migrations: [ReleaseFiles.Script("V1__create_orders"), ReleaseFiles.Script("V2__drop_notes", MigrationStatus.MissingRollback, destructive: true)],
        findings: [new ReleaseFinding("RP1010", "warning", "Migration script 'db/V2__drop_notes.sql' has no rollback script.", new SourceLocation("db/V2__drop_notes.sql", 1))],
        dataSensitivity: "PII"));

    [Fact]
    public void The_text_summary_shows_risk_migrations_dependencies_and_findings()
    {
        var run = CliRun.Of("summary", Manifest());

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Contoso.Orders.Api 2.4.0\n  Release: Standard, CustomerFacing, data PII\n  Source: 0123456789abcdef0123456789abcdef01234567 (main)\n", run.Output);
        Assert.Contains("  Risk: high (70/100)\n", run.Output);
        Assert.Contains("    destructive-migrations (20): V2__drop_notes (db/V2__drop_notes.sql)\n", run.Output);
        Assert.Contains("Operations: 2 migration(s), 1 without a working rollback, 1 destructive\n", run.Output);
        Assert.Matches(@"│ V2__drop_notes\s+│ sql\s+│ missing-rollback │ yes\s+│ db/V2__drop_notes.sql", run.Output);
        Assert.Contains("Security: 2 package dependencies (1 direct); data sensitivity PII\n", run.Output);
        Assert.Contains("  RP1010 warning: Migration script 'db/V2__drop_notes.sql' has no rollback script. (db/V2__drop_notes.sql:1)\n", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public void The_markdown_summary_is_ready_for_the_job_summary()
    {
        var run = CliRun.Of("summary", Manifest(), "--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## Contoso.Orders.Api 2.4.0\n\n- **Release**: Standard, CustomerFacing, data PII\n", run.Output);
        Assert.Contains("| destructive-migrations | 20 | V2\\_\\_drop\\_notes (db/V2\\_\\_drop\\_notes.sql) |\n", run.Output);
        Assert.Contains("### Operations\n\n2 migration(s), 1 without a working rollback, 1 destructive.\n", run.Output);
        Assert.Contains("| V2\\_\\_drop\\_notes | sql | missing-rollback | yes | db/V2\\_\\_drop\\_notes.sql |\n", run.Output);
        Assert.Contains("- `RP1010` warning: ", run.Output);
    }

    [Fact]
    public void The_json_summary_for_operations_has_only_the_operations_section()
    {
        var run = CliRun.Of("summary", Manifest(), "--format", "json", "--audience", "operations");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(("high", 70), (root.GetProperty("risk").GetProperty("level").GetString(), root.GetProperty("risk").GetProperty("score").GetInt32()));
        Assert.Equal(1, root.GetProperty("operations").GetProperty("withoutRollback").GetInt32());
        Assert.False(root.TryGetProperty("security", out _));
        Assert.False(root.TryGetProperty("support", out _));
    }

    [Fact]
    public void The_summary_reads_the_manifest_inside_a_package_too()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));

        var run = CliRun.Of("summary", nupkg, "--audience", "security");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Security: 0 package dependencies (0 direct); data sensitivity Internal", run.Output);
        Assert.DoesNotContain("Operations", run.Output);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var run = CliRun.Of("summary", Manifest(), "--format", "html");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Run 'release-policy --help' for usage.", run.Error);
    }

    public void Dispose() => _files.Dispose();
}
