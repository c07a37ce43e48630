using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// A forward script declared deliberately forward-only by a <c>-- release-policy: forward-only &lt;reason&gt;</c>
/// comment before its first statement needs no rollback script.
/// </summary>
public sealed class ForwardOnlyScriptTests : IDisposable
{
    private const string Plan = "drop_legacy 2024-01-02T10:00:00Z Ada Lovelace <ada@example.com> # Drop the legacy table.\n";

    private readonly MigrationProject _project = new();

    [Theory]
    [InlineData("Flyway", "db/V3__drop_legacy.sql", "3")]
    [InlineData("GolangMigrate", "db/000003_drop_legacy.up.sql", "3")]
    [InlineData("Suffix", "db/003_drop_legacy.sql", "003_drop_legacy")]
    [InlineData("Suffix", "db/2024-01-02_00_Up_DropLegacy.sql", "2024-01-02_00_DropLegacy")]
    [InlineData("Sqitch", "db/deploy/drop_legacy.sql", "drop_legacy")]
    [InlineData("Custom", "db/0003-apply.sql", "0003")]
    public void A_forward_script_declared_forward_only_with_a_reason_needs_no_rollback(string convention, string forward, string id)
    {
        if (convention == "Sqitch")
        {
            _project.Write("db/sqitch.plan", Plan);
        }

        _project.Write(forward, """
            -- Drops the legacy table.
            -- release-policy: forward-only Legacy rows were archived to cold storage (OPS-12); restore from the archive instead.
            DROP TABLE legacy;
            """);

        var run = _project.Check(convention == "Custom"
            ? Item("db", "Custom", @"^(?<id>\d+)-apply\.sql$", @"^(?<id>\d+)-revert\.sql$")
            : Item("db", convention));

        Assert.Empty(run.Findings);
        var migration = run.Migration(id);
        Assert.Equal("forward-only", migration.GetProperty("status").GetString());
        Assert.Equal(
            "Legacy rows were archived to cold storage (OPS-12); restore from the archive instead.",
            migration.GetProperty("reason").GetString());
        Assert.Equal(forward, migration.GetProperty("forward").GetProperty("path").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, migration.GetProperty("rollback").ValueKind);
        Assert.True(migration.GetProperty("destructive").GetBoolean());
    }

    [Fact]
    public void A_forward_only_script_passes_in_Enforce_mode()
    {
        _project.Write("db/V3__backfill_totals.sql", "-- release-policy: forward-only Totals are recomputed nightly.\nUPDATE orders SET total = 0 WHERE total IS NULL;");

        var run = _project.Check("Enforce", Item("db"));

        Assert.True(run.Succeeded);
        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "3:forward-only" }, run.Statuses);
    }

    [Theory]
    [InlineData("-- release-policy: forward-only\nDROP TABLE legacy;")]
    [InlineData("-- release-policy: forward-only   \t\r\nDROP TABLE legacy;")]
    [InlineData("/* release-policy: forward-only */\nDROP TABLE legacy;")]
    public void A_declaration_without_a_reason_reports_RP1010_asking_for_one(string sql)
    {
        _project.Write("db/V3__drop_legacy.sql", sql);

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP1010 db/V3__drop_legacy.sql(1): Migration script 'db/V3__drop_legacy.sql' is declared forward-only without a reason. " +
            "Say why after 'release-policy: forward-only', or add 'db/U3__drop_legacy.sql' that undoes it.",
            Assert.Single(run.Findings));
        Assert.Equal(new[] { "3:missing-rollback" }, run.Statuses);
        Assert.Equal("declared forward-only without a reason", run.Migration("3").GetProperty("reason").GetString());
    }

    [Fact]
    public void A_declaration_without_a_reason_fails_the_build_in_Enforce_mode()
    {
        _project.Write("db/V3__drop_legacy.sql", "-- release-policy: forward-only\nDROP TABLE legacy;");

        var run = _project.Check("Enforce", Item("db"));

        Assert.False(run.Succeeded);
        Assert.Equal("RP1010", Assert.Single(run.Engine.Errors).Code);
    }

    [Fact]
    public void A_marker_after_the_first_statement_is_ignored()
    {
        _project.Write("db/V3__drop_legacy.sql", """
            DROP TABLE legacy;
            -- release-policy: forward-only Legacy rows were archived (OPS-12).
            """);

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP1010 db/V3__drop_legacy.sql(1): Migration script 'db/V3__drop_legacy.sql' has no rollback script. " +
            "Add 'db/U3__drop_legacy.sql' that undoes it, or, if it is deliberately forward-only, " +
            "say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
        Assert.Equal(new[] { "3:missing-rollback" }, run.Statuses);
    }

    [Fact]
    public void A_marker_on_the_same_line_after_a_statement_is_ignored()
    {
        _project.Write("db/V3__drop_legacy.sql", "DROP TABLE legacy; -- release-policy: forward-only archived (OPS-12)\n");

        var run = _project.Check(Item("db"));

        Assert.Equal(new[] { "RP1010" }, run.Codes);
    }

    [Fact]
    public void A_marker_inside_a_block_comment_counts()
    {
        _project.Write("db/V3__drop_legacy.sql", """
            /*
             * Drops the legacy table.
             * release-policy: forward-only Legacy rows were archived to cold storage (OPS-12).
             */
            DROP TABLE legacy;
            """);

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal("Legacy rows were archived to cold storage (OPS-12).", run.Migration("3").GetProperty("reason").GetString());
    }

    [Fact]
    public void A_marker_anywhere_in_the_leading_comment_block_counts()
    {
        _project.Write("db/V3__drop_legacy.sql", """
            -- Author: Ada
            /* Ticket: OPS-12 */

            -- RELEASE-POLICY: FORWARD-ONLY: archived to cold storage
            DROP TABLE legacy;
            """);

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal("archived to cold storage", run.Migration("3").GetProperty("reason").GetString());
    }

    [Fact]
    public void A_forward_only_script_that_has_a_rollback_script_anyway_is_reversible()
    {
        _project.Write("db/V3__drop_legacy.sql", "-- release-policy: forward-only archived (OPS-12)\nDROP TABLE legacy;");
        _project.Write("db/U3__drop_legacy.sql", "CREATE TABLE legacy (id int);");

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "3:reversible" }, run.Statuses);
        Assert.False(run.Migration("3").TryGetProperty("reason", out _));
    }

    [Fact]
    public void The_marker_does_not_excuse_an_empty_rollback_script()
    {
        _project.Write("db/V3__drop_legacy.sql", "-- release-policy: forward-only archived (OPS-12)\nDROP TABLE legacy;");
        _project.Write("db/U3__drop_legacy.sql", "-- nothing\n");

        var run = _project.Check(Item("db"));

        Assert.Equal(new[] { "RP1011" }, run.Codes);
        Assert.Equal(new[] { "3:empty-rollback" }, run.Statuses);
    }

    public void Dispose() => _project.Dispose();
}
