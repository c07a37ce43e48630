using ReleasePolicy.Manifest;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>The task as the targets run it: modes, item shapes, input errors, the report file and the stamp.</summary>
public sealed class CheckMigrationScriptsTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Fact]
    public void In_Enforce_mode_a_missing_rollback_is_an_error_with_a_help_link()
    {
        _project.Write("db/V1__init.sql");

        var run = _project.Check("Enforce", Item("db"));

        Assert.False(run.Succeeded);
        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("RP1010", error.Code);
        Assert.Equal(_project.FullPath("db/V1__init.sql"), error.File);
        Assert.Equal(1, error.Line);
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP1010.md", error.HelpLink);
    }

    [Fact]
    public void The_findings_are_written_for_the_manifest_as_the_build_reported_them()
    {
        _project.Write("db/V1__init.sql");
        var findingsFile = _project.FullPath("obj/Debug/migration-findings.json");

        _project.Check("Enforce", task => task.FindingsFile = findingsFile, Item("db"));

        Assert.True(ScriptFindingsReport.TryRead(findingsFile, out var findings, out var error), error?.Message);
        var finding = Assert.Single(findings!);
        Assert.Equal("RP1010", finding.Rule);
        Assert.Equal("error", finding.Severity);
        Assert.Equal("db/V1__init.sql", finding.Location!.Path);
        Assert.Equal(1, finding.Location.Line);
        Assert.StartsWith("Migration script 'db/V1__init.sql' has no rollback script.", finding.Message);
    }

    [Fact]
    public void In_Audit_mode_a_missing_rollback_is_a_warning_and_the_build_goes_on()
    {
        _project.Write("db/V1__init.sql");

        var run = _project.Check("Audit", Item("db"));

        Assert.True(run.Succeeded);
        Assert.Equal("RP1010", Assert.Single(run.Engine.Warnings).Code);
        Assert.Empty(run.Engine.Errors);
    }

    [Fact]
    public void An_empty_or_comment_only_rollback_reports_RP1011_naming_both_scripts()
    {
        _project.Write("db/V2__add_email.sql", "ALTER TABLE users ADD email text;");
        _project.Write("db/U2__add_email.sql", "-- TODO\n/* ALTER TABLE users DROP COLUMN email; */\n\n");

        var run = _project.Check("Enforce", Item("db"));

        Assert.Equal(
            "RP1011 db/U2__add_email.sql(1): Rollback script 'db/U2__add_email.sql' is empty or contains only comments, " +
            "so it cannot undo 'db/V2__add_email.sql'. Write the SQL that reverses 'db/V2__add_email.sql' in it.",
            Assert.Single(run.Findings));
        Assert.Equal(new[] { "2:empty-rollback" }, run.Statuses);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void A_rollback_whose_only_statement_holds_two_dashes_in_a_string_is_not_empty()
    {
        _project.Write("db/V2__seed.sql", "INSERT INTO notes VALUES ('hello');");
        _project.Write("db/U2__seed.sql", "DELETE FROM notes WHERE body = '-- hello'; -- undo the seed");

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "2:reversible" }, run.Statuses);
    }

    [Fact]
    public void A_forward_script_that_drops_a_column_is_marked_destructive()
    {
        _project.Write("db/V5__drop_legacy.sql", "-- DROP TABLE orders; is not what we do\nALTER TABLE orders DROP COLUMN legacy;");
        _project.Write("db/U5__drop_legacy.sql", "ALTER TABLE orders ADD legacy text;");
        _project.Write("db/V6__index.sql", "CREATE INDEX ix ON orders (id);");
        _project.Write("db/U6__index.sql", "DROP INDEX ix;");

        var run = _project.Check(Item("db"));

        Assert.True(run.Migration("5").GetProperty("destructive").GetBoolean());
        Assert.False(run.Migration("6").GetProperty("destructive").GetBoolean());
    }

    [Fact]
    public void An_item_naming_a_missing_folder_reports_RP9002_and_still_writes_the_report()
    {
        var run = _project.Check("Audit", Item("db/migratons"));

        Assert.Equal(
            $"RP9002 Orders.Api.csproj(0): ReleaseMigrationScripts item 'db/migratons' names a folder or file that does not exist " +
            $"('{_project.FullPath("db/migratons")}'). Fix the path, or remove the item.",
            Assert.Single(run.Findings));
        Assert.False(run.Succeeded);
        Assert.Equal("[]\n", run.Report);
    }

    [Fact]
    public void The_report_lists_every_migration_sorted_by_path_with_hashes_in_the_documented_shape()
    {
        _project.Write("db/V1__init.sql", "CREATE TABLE orders (id int);\n");
        _project.Write("db/U1__init.sql", "DROP TABLE orders;\n");
        _project.Write("db/R__views.sql", "CREATE VIEW v AS SELECT 1;\n");
        _project.Write("db/U2__gone.sql", "SELECT 1;\n");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            """
            [
              {
                "id": "R__views",
                "kind": "sql",
                "convention": "flyway",
                "forward": {
                  "path": "db/R__views.sql",
                  "sha256": "10b00f6f4a37efc1ea2ae2e8b88d7fe3a1ff84e0a1d1e3e43d93b1aeefbd4c8a"
                },
                "rollback": null,
                "status": "forward-only",
                "reason": "repeatable migration",
                "destructive": false
              },
              {
                "id": "2",
                "kind": "sql",
                "convention": "flyway",
                "rollback": {
                  "path": "db/U2__gone.sql",
                  "sha256": "SHA_U2"
                },
                "status": "orphan-rollback",
                "destructive": false
              },
              {
                "id": "1",
                "kind": "sql",
                "convention": "flyway",
                "forward": {
                  "path": "db/V1__init.sql",
                  "sha256": "SHA_V1"
                },
                "rollback": {
                  "path": "db/U1__init.sql",
                  "sha256": "SHA_U1"
                },
                "status": "reversible",
                "destructive": false
              }
            ]

            """.Replace("\r\n", "\n")
                .Replace("10b00f6f4a37efc1ea2ae2e8b88d7fe3a1ff84e0a1d1e3e43d93b1aeefbd4c8a", Sha("db/R__views.sql"))
                .Replace("SHA_U2", Sha("db/U2__gone.sql"))
                .Replace("SHA_V1", Sha("db/V1__init.sql"))
                .Replace("SHA_U1", Sha("db/U1__init.sql")),
            run.Report);
    }

    [Fact]
    public void Running_again_on_the_same_scripts_writes_the_same_bytes_and_leaves_the_report_untouched()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        _project.Write("db/V2__more.sql", "DELETE FROM t;");
        var first = _project.Check(Item("db")).Report;
        var written = File.GetLastWriteTimeUtc(_project.ReportFile);
        File.SetLastWriteTimeUtc(_project.ReportFile, written.AddMinutes(-5));

        var second = _project.Check(Item("db")).Report;

        Assert.Equal(File.ReadAllBytes(_project.ReportFile), System.Text.Encoding.UTF8.GetBytes(first));
        Assert.Equal(first, second);
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(_project.ReportFile));
    }

    [Fact]
    public void A_clean_run_touches_the_stamp_file_and_a_run_with_findings_removes_it()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");

        var clean = _project.Check(Item("db"));
        Assert.Equal(_project.StampFile, clean.Task.StampFile);
        Assert.True(File.Exists(_project.StampFile));

        _project.Write("db/V2__more.sql");
        var withFindings = _project.Check(Item("db"));
        Assert.Equal(1, withFindings.Task.ReportedFindingCount);
        Assert.False(File.Exists(_project.StampFile));
    }

    [Fact]
    public void ScannedFiles_lists_every_script_and_plan_considered_but_no_other_file()
    {
        _project.Write("db/sqitch.plan", "users 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/users.sql");
        _project.Write("db/revert/users.sql");
        _project.Write("db/README.md", "notes");

        var run = _project.Check(Item("db/"));

        Assert.Equal(
            new[] { "db/deploy/users.sql", "db/revert/users.sql", "db/sqitch.plan" },
            run.Task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
    }

    [Fact]
    public void File_items_expanded_from_a_glob_with_the_same_metadata_are_paired_together()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/undo/U1__init.sql");

        var run = _project.Check(_project.Glob("db/**/*.sql"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible" }, run.Statuses);
        Assert.Contains(run.Engine.Messages, m => m.Message.StartsWith("ReleaseMigrationScripts 'db': checking rollback scripts with the Flyway convention"));
    }

    [Fact]
    public void A_script_named_by_two_items_is_checked_once()
    {
        _project.Write("db/V1__init.sql");

        var run = _project.Check(Item("db"), Item("db/V1__init.sql"));

        Assert.Equal(new[] { "RP1010" }, run.Codes);
        Assert.Single(run.Migrations);
    }

    [Fact]
    public void Folders_are_separate_sets_so_equal_versions_in_two_folders_do_not_clash()
    {
        _project.Write("orders/V1__init.sql");
        _project.Write("orders/U1__init.sql");
        _project.Write("billing/V1__init.sql");
        _project.Write("billing/U1__init.sql");

        var run = _project.Check(Item("orders"), Item("billing"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible", "1:reversible" }, run.Statuses);
        Assert.Equal("billing/V1__init.sql", run.Migrations[0].GetProperty("forward").GetProperty("path").GetString());
    }

    [Fact]
    public void No_items_write_an_empty_report()
    {
        var run = _project.Check();

        Assert.True(run.Succeeded);
        Assert.Equal("[]\n", run.Report);
    }

    [Fact]
    public void An_unknown_mode_reports_RP9001()
    {
        var run = _project.Check("Strict", Item("db"));

        Assert.Equal(new[] { "RP9001" }, run.Codes);
    }

    private string Sha(string relativePath) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_project.FullPath(relativePath)))).ToLowerInvariant();

    public void Dispose() => _project.Dispose();
}
