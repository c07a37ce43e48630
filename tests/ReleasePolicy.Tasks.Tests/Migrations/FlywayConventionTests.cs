using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

public sealed class FlywayConventionTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Fact]
    public void Versioned_script_with_its_undo_script_is_reversible()
    {
        _project.Write("db/V1__create_orders.sql", "CREATE TABLE orders (id int);");
        _project.Write("db/U1__create_orders.sql", "DROP TABLE orders;");

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible" }, run.Statuses);
        Assert.Equal("flyway", run.Migration("1").GetProperty("convention").GetString());
    }

    [Fact]
    public void Versioned_script_without_undo_script_reports_RP1010_naming_the_undo_script_to_add()
    {
        _project.Write("db/V3__add_index.sql", "CREATE INDEX ix ON orders (id);");

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Equal(
            "RP1010 db/V3__add_index.sql(1): Migration script 'db/V3__add_index.sql' has no rollback script. " +
            "Add 'db/U3__add_index.sql' that undoes it, or, if it is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
        Assert.Equal(new[] { "3:missing-rollback" }, run.Statuses);
    }

    [Fact]
    public void Underscores_in_a_version_mean_dots_so_V2_1_pairs_with_U2_dot_1()
    {
        _project.Write("db/V2_1__split_name.sql");
        _project.Write("db/U2.1__split_name.sql");

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "2.1:reversible" }, run.Statuses);
    }

    [Fact]
    public void Repeatable_script_needs_no_rollback_and_is_recorded_as_forward_only()
    {
        _project.Write("db/R__refresh_views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Empty(run.Findings);
        var migration = run.Migration("R__refresh_views");
        Assert.Equal("forward-only", migration.GetProperty("status").GetString());
        Assert.Equal("repeatable migration", migration.GetProperty("reason").GetString());
    }

    [Fact]
    public void Undo_script_without_versioned_script_reports_RP1012()
    {
        _project.Write("db/U4__drop_legacy.sql");

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Equal(
            "RP1012 db/U4__drop_legacy.sql(1): Rollback script 'db/U4__drop_legacy.sql' has no forward script. " +
            "Add 'db/V4__drop_legacy.sql', or delete the rollback script if its migration is gone.",
            Assert.Single(run.Findings));
        Assert.Equal(new[] { "4:orphan-rollback" }, run.Statuses);
    }

    [Fact]
    public void Two_scripts_with_the_same_version_report_RP1013_naming_both()
    {
        _project.Write("db/V3__add_index.sql");
        _project.Write("db/U3__add_index.sql");
        _project.Write("db/V3.0__add_column.sql");

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Equal(
            "RP1013 db/V3__add_index.sql(1): Migration scripts 'db/V3.0__add_column.sql' and 'db/V3__add_index.sql' both claim version 3. " +
            "Rename one of them so that every migration has one forward and at most one rollback script.",
            Assert.Single(run.Findings));
        // The first script in path order keeps the pairing; the other is listed once, with the reason.
        Assert.Equal(new[] { "3:reversible", "3:missing-rollback" }, run.Statuses);
        Assert.Equal("version 3 is also claimed by 'db/V3.0__add_column.sql'", run.Migrations[1].GetProperty("reason").GetString());
    }

    [Fact]
    public void A_sql_file_that_is_not_a_Flyway_name_reports_RP1013()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        _project.Write("db/V2_add_users.sql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP1013 db/V2_add_users.sql(1): Script 'db/V2_add_users.sql' fits no Flyway name " +
            "(V<version>__<description>.sql, U<version>__<description>.sql or R__<description>.sql), " +
            "the convention of ReleaseMigrationScripts 'db'. Rename it, or remove it from ReleaseMigrationScripts.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void A_rollback_script_that_exists_but_is_outside_the_item_is_RP1010_saying_so_and_how_to_include_it()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");

        var run = _project.Check(_project.Glob("db/V*.sql"));

        Assert.Equal(
            "RP1010 db/V1__init.sql(1): Migration script 'db/V1__init.sql' has no rollback script among the ReleaseMigrationScripts: " +
            "'db/U1__init.sql' exists but is not included. Include it (for example Include=\"db\" takes its whole folder), " +
            "or, if 'db/V1__init.sql' is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
    }

    public void Dispose() => _project.Dispose();
}
