using Microsoft.Build.Framework;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// <c>ScriptExtensions</c> metadata: which files are scripts (<c>.sql;.psql;.pgsql;.mysql</c> by default), and every
/// name convention pairing a script with the partner of its own extension.
/// </summary>
public sealed class ScriptExtensionsTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Theory]
    [InlineData("Flyway", "db/V1__create_orders.pgsql", "db/U1__create_orders.pgsql", "1")]
    [InlineData("GolangMigrate", "db/000001_create_orders.up.psql", "db/000001_create_orders.down.psql", "1")]
    [InlineData("Suffix", "db/001_create_orders.mysql", "db/001_create_orders.rollback.mysql", "001_create_orders")]
    [InlineData("Suffix", "db/001_Up_init.psql", "db/001_Down_init.psql", "001_init")]
    [InlineData("Suffix", "db/add_email.up.pgsql", "db/add_email.down.pgsql", "add_email")]
    public void Each_convention_pairs_scripts_of_another_extension(string convention, string forward, string rollback, string id)
    {
        _project.Write(forward, "CREATE TABLE orders (id int);");
        _project.Write(rollback, "DROP TABLE orders;");

        var detected = _project.Check(Item("db"));
        var declared = _project.Check(Item("db", convention));

        foreach (var run in new[] { detected, declared })
        {
            Assert.Empty(run.Findings);
            Assert.Equal(new[] { id + ":reversible" }, run.Statuses);
            Assert.Equal(forward, run.Migration(id).GetProperty("forward").GetProperty("path").GetString());
            Assert.Equal(rollback, run.Migration(id).GetProperty("rollback").GetProperty("path").GetString());
        }

        Assert.Contains(detected.Engine.Messages, m => m.Message.StartsWith($"ReleaseMigrationScripts 'db': checking rollback scripts with the {convention} convention, detected from the file name"));
    }

    [Theory]
    [InlineData("db/V2__add_index.pgsql", "db/U2__add_index.pgsql")]
    [InlineData("db/000002_add_index.up.psql", "db/000002_add_index.down.psql")]
    [InlineData("db/002_add_index.mysql", "db/002_add_index.rollback.mysql")]
    [InlineData("db/002_Up_AddIndex.psql", "db/002_Down_AddIndex.psql")]
    [InlineData("db/V2__add_index.PgSql", "db/U2__add_index.PgSql")]
    public void RP1010_names_the_rollback_script_with_the_forward_script_s_extension(string forward, string expected)
    {
        _project.Write(forward);

        var run = _project.Check(Item("db"));

        Assert.Equal(
            $"RP1010 {forward}(1): Migration script '{forward}' has no rollback script. Add '{expected}' that undoes it, " +
            "or, if it is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void RP1012_names_the_forward_script_with_the_rollback_script_s_extension()
    {
        _project.Write("db/002_Down_AddIndex.psql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP1012 db/002_Down_AddIndex.psql(1): Rollback script 'db/002_Down_AddIndex.psql' has no forward script. " +
            "Add 'db/002_Up_AddIndex.psql', or delete the rollback script if its migration is gone.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void A_rollback_outside_the_items_is_found_with_the_forward_script_s_extension()
    {
        _project.Write("db/V3__add_index.pgsql");
        _project.Write("db/U3__add_index.pgsql");

        var run = _project.Check(_project.Glob("db/V*.pgsql"));

        Assert.Contains("'db/U3__add_index.pgsql' exists but is not included", Assert.Single(run.Findings));
    }

    [Fact]
    public void RP1013_spells_the_expected_names_with_the_script_s_extension()
    {
        _project.Write("db/V1__init.pgsql");
        _project.Write("db/U1__init.pgsql");
        _project.Write("db/V2_add_users.pgsql");

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Equal(
            "RP1013 db/V2_add_users.pgsql(1): Script 'db/V2_add_users.pgsql' fits no Flyway name " +
            "(V<version>__<description>.pgsql, U<version>__<description>.pgsql or R__<description>.pgsql), " +
            "the convention of ReleaseMigrationScripts 'db'. Rename it, or remove it from ReleaseMigrationScripts.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Flyway_repeatable_and_baseline_scripts_of_another_extension_need_no_rollback()
    {
        _project.Write("db/V1__init.mysql");
        _project.Write("db/U1__init.mysql");
        _project.Write("db/R__refresh_views.mysql");
        _project.Write("db/B2__baseline.mysql");

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "2:forward-only", "R__refresh_views:forward-only", "1:reversible" }, run.Statuses);
    }

    [Fact]
    public void Custom_patterns_see_the_real_file_names()
    {
        _project.Write("sql/0001-apply.pgsql");
        _project.Write("sql/0001-revert.pgsql");

        var run = _project.Check(Item("sql", forwardPattern: @"^(?<id>\d+)-apply\.pgsql$", rollbackPattern: @"^(?<id>\d+)-revert\.pgsql$"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "0001:reversible" }, run.Statuses);
    }

    [Fact]
    public void Sqitch_pairs_its_sql_scripts_as_before_whatever_else_the_folder_holds()
    {
        _project.Write("db/sqitch.plan", "%project=orders\nwidgets 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/widgets.sql");
        _project.Write("db/revert/widgets.sql");
        _project.Write("db/deploy/widgets.pgsql");

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "widgets:reversible" }, run.Statuses);
    }

    [Fact]
    public void Mixed_extensions_in_one_folder_each_pair_within_their_own_extension()
    {
        _project.Write("db/V1__create_orders.sql");
        _project.Write("db/U1__create_orders.sql");
        _project.Write("db/V2__add_index.pgsql");
        _project.Write("db/U2__add_index.pgsql");
        _project.Write("db/V3__add_email.sql");
        _project.Write("db/U3__add_email.pgsql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            new[]
            {
                "RP1012 db/U3__add_email.pgsql(1): Rollback script 'db/U3__add_email.pgsql' has no forward script. " +
                "Add 'db/V3__add_email.pgsql', or delete the rollback script if its migration is gone.",
                "RP1010 db/V3__add_email.sql(1): Migration script 'db/V3__add_email.sql' has no rollback script. Add 'db/U3__add_email.sql' that undoes it, " +
                "or, if it is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            },
            run.Findings);
        Assert.Equal(new[] { "3:orphan-rollback", "1:reversible", "2:reversible", "3:missing-rollback" }, run.Statuses);
    }

    [Fact]
    public void Per_database_variants_of_one_migration_are_two_migrations_not_two_claims()
    {
        _project.Write("db/001_Up_init.mysql");
        _project.Write("db/001_Down_init.mysql");
        _project.Write("db/001_Up_init.pgsql");

        var run = _project.Check(Item("db"));

        Assert.Equal(new[] { "RP1010" }, run.Codes);
        Assert.Contains("Add 'db/001_Down_init.pgsql'", run.Findings[0]);
    }

    [Fact]
    public void The_default_list_takes_sql_psql_pgsql_and_mysql_and_nothing_else()
    {
        foreach (var extension in new[] { "sql", "psql", "pgsql", "mysql", "tsql", "txt", "sql.bak" })
        {
            _project.Write($"db/seed_{extension.Replace('.', '_')}.{extension}");
        }

        var run = _project.Check(Item("db"));

        Assert.Equal(
            new[] { "db/seed_mysql.mysql", "db/seed_pgsql.pgsql", "db/seed_psql.psql", "db/seed_sql.sql" },
            run.Findings.Select(f => f.Substring("RP1010 ".Length, f.IndexOf('(') - "RP1010 ".Length)).Order(StringComparer.Ordinal));
        Assert.All(run.Codes, code => Assert.Equal("RP1010", code));
    }

    [Fact]
    public void A_custom_list_replaces_the_default_with_or_without_the_dot_in_any_case()
    {
        _project.Write("db/V1__init.tsql");
        _project.Write("db/U1__init.TSQL");
        _project.Write("db/V2__seed.ddl");
        _project.Write("db/V3__ignored.sql");

        var run = _project.Check(WithExtensions(Item("db"), " tsql ; .DDL;"));

        Assert.Equal(new[] { "RP1010" }, run.Codes);
        Assert.Contains("Add 'db/U2__seed.ddl'", run.Findings[0]);
        Assert.Equal(new[] { "1:reversible", "2:missing-rollback" }, run.Statuses);
        Assert.Equal(new[] { "db/U1__init.TSQL", "db/V1__init.tsql", "db/V2__seed.ddl" }, run.Task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
    }

    [Fact]
    public void Extensions_are_per_item_so_two_folders_can_differ()
    {
        _project.Write("postgres/V1__init.pgsql");
        _project.Write("postgres/U1__init.pgsql");
        _project.Write("mysql/V1__init.mysql");
        _project.Write("mysql/V2__seed.pgsql");

        var run = _project.Check(WithExtensions(Item("postgres"), ".pgsql"), WithExtensions(Item("mysql"), ".mysql"));

        Assert.Equal(new[] { "RP1010" }, run.Codes);
        Assert.Contains("Add 'mysql/U1__init.mysql'", run.Findings[0]);
        Assert.Equal(
            new[] { "mysql/V1__init.mysql", "postgres/U1__init.pgsql", "postgres/V1__init.pgsql" },
            run.Task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
    }

    [Fact]
    public void Glob_items_carry_their_extensions_too()
    {
        _project.Write("db/V1__init.psql");
        _project.Write("db/U1__init.psql");
        _project.Write("db/notes.txt", "not a script");

        var run = _project.Check(_project.Glob("db/*").Select(item => WithExtensions(item, "psql")).ToArray());

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible" }, run.Statuses);
    }

    [Theory]
    [InlineData("*.pgsql", "*.pgsql")]
    [InlineData(".sql;db/*.sql", "db/*.sql")]
    [InlineData(@"sql\pgsql", @"sql\pgsql")]
    [InlineData(".sql;.ps?l", ".ps?l")]
    [InlineData(".sql;.", ".")]
    [InlineData(" ", " ")]
    [InlineData(";", ";")]
    public void An_invalid_value_is_RP9001_naming_the_item_and_the_value_and_the_item_is_not_checked(string value, string invalid)
    {
        _project.Write("db/V1__init.sql");
        _project.Write("other/V1__init.sql");

        var run = _project.Check(WithExtensions(Item("db"), value), Item("other"));

        Assert.Equal(
            $"RP9001 Orders.Api.csproj(0): ReleaseMigrationScripts item 'db' has ScriptExtensions=\"{value}\": '{invalid}' is not a file extension. " +
            "List extensions separated by ';', with or without the dot and without wildcards (for example ScriptExtensions=\".sql;.pgsql\"), " +
            "or remove the metadata to use the default .sql;.psql;.pgsql;.mysql.",
            run.Findings[0]);
        Assert.Equal(new[] { "RP9001", "RP1010" }, run.Codes);
        Assert.Contains("other/V1__init.sql", run.Findings[1]);
        Assert.Equal(new[] { "other/V1__init.sql" }, run.Task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
    }

    [Fact]
    public void An_invalid_value_on_a_glob_is_reported_once_not_once_per_file()
    {
        for (var i = 1; i <= 5; i++)
        {
            _project.Write($"db/V{i}__step.sql");
        }

        var run = _project.Check(_project.Glob("db/*.sql").Select(item => WithExtensions(item, "*.sql")).ToArray());

        Assert.Equal(new[] { "RP9001" }, run.Codes);
        Assert.Contains("ReleaseMigrationScripts item 'db/V1__step.sql' has ScriptExtensions=\"*.sql\"", run.Findings[0]);
    }

    [Fact]
    public void An_invalid_value_fails_the_build_even_in_Audit_mode()
    {
        _project.Write("db/V1__init.sql");

        var run = _project.Check("Audit", WithExtensions(Item("db"), "*.sql"));

        Assert.False(run.Succeeded);
        Assert.Equal("RP9001", Assert.Single(run.Engine.Errors).Code);
    }

    public void Dispose() => _project.Dispose();

    private static ITaskItem WithExtensions(ITaskItem item, string value)
    {
        item.SetMetadata("ScriptExtensions", value);
        return item;
    }
}
