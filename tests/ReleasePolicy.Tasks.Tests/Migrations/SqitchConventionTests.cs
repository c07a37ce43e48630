using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

public sealed class SqitchConventionTests : IDisposable
{
    private const string Plan = """
        %syntax-version=1.0.0
        %project=orders
        %uri=https://example.com/orders/

        # The orders schema.
        appschema 2024-01-02T10:00:00Z Ada Lovelace <ada@example.com> # Add schema for all orders objects.
        users [appschema] 2024-01-03T10:00:00Z Ada Lovelace <ada@example.com> # Creates table to track our users.
        @v1.0 2024-01-04T10:00:00Z Ada Lovelace <ada@example.com> # Tag v1.0.

        """;

    private readonly MigrationProject _project = new();

    [Fact]
    public void Every_planned_change_with_deploy_and_revert_scripts_is_reversible_and_verify_is_recorded()
    {
        _project.Write("db/sqitch.plan", Plan);
        _project.Write("db/deploy/appschema.sql", "CREATE SCHEMA orders;");
        _project.Write("db/revert/appschema.sql", "DROP SCHEMA orders;");
        _project.Write("db/deploy/users.sql", "CREATE TABLE orders.users (id int);");
        _project.Write("db/revert/users.sql", "DROP TABLE orders.users;");
        _project.Write("db/verify/users.sql", "SELECT id FROM orders.users WHERE false;");

        var run = _project.Check(Item("db", "Sqitch"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "appschema:reversible", "users:reversible" }, run.Statuses);
        Assert.Equal("db/verify/users.sql", run.Migration("users").GetProperty("verify").GetProperty("path").GetString());
        Assert.False(run.Migration("appschema").TryGetProperty("verify", out _));
    }

    [Fact]
    public void Planned_change_without_revert_script_reports_RP1010_naming_the_revert_script()
    {
        _project.Write("db/sqitch.plan", Plan);
        _project.Write("db/deploy/appschema.sql");
        _project.Write("db/revert/appschema.sql");
        _project.Write("db/deploy/users.sql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP1010 db/deploy/users.sql(1): Migration script 'db/deploy/users.sql' has no rollback script. " +
            "Add 'db/revert/users.sql' that undoes it, or, if it is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Revert_script_for_a_change_the_plan_does_not_list_reports_RP1012()
    {
        _project.Write("db/sqitch.plan", "widgets 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/widgets.sql");
        _project.Write("db/revert/widgets.sql");
        _project.Write("db/revert/gadgets.sql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP1012 db/revert/gadgets.sql(1): Rollback script 'db/revert/gadgets.sql' has no forward script. " +
            "Add 'db/deploy/gadgets.sql', or delete the rollback script if its migration is gone.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Deploy_script_the_plan_does_not_list_reports_RP1013()
    {
        _project.Write("db/sqitch.plan", "widgets 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/widgets.sql");
        _project.Write("db/revert/widgets.sql");
        _project.Write("db/deploy/gadgets.sql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP1013 db/deploy/gadgets.sql(1): Script 'db/deploy/gadgets.sql' belongs to no change in 'db/sqitch.plan': " +
            "the plan does not list 'gadgets'. Add the change to the plan, or delete the script.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Reworked_change_pairs_its_tagged_scripts_and_its_latest_scripts()
    {
        _project.Write("db/sqitch.plan", Plan + "users [users@v1.0] 2024-02-01T10:00:00Z Ada <ada@example.com> # Add email.\n");
        _project.Write("db/deploy/appschema.sql");
        _project.Write("db/revert/appschema.sql");
        _project.Write("db/deploy/users@v1.0.sql");
        _project.Write("db/revert/users@v1.0.sql");
        _project.Write("db/deploy/users.sql");
        _project.Write("db/revert/users.sql");

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "appschema:reversible", "users:reversible", "users@v1.0:reversible" }, run.Statuses);
    }

    [Fact]
    public void Change_listed_twice_without_a_tag_between_reports_RP1013_at_the_plan_line()
    {
        _project.Write("db/sqitch.plan", "widgets 2024-01-02T10:00:00Z Ada <ada@example.com>\nwidgets 2024-01-03T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/widgets.sql");
        _project.Write("db/revert/widgets.sql");

        var run = _project.Check(Item("db"));

        var finding = Assert.Single(run.Findings);
        Assert.StartsWith("RP1013 db/sqitch.plan(2): 'db/sqitch.plan' lists change 'widgets' twice without a tag between", finding);
    }

    [Fact]
    public void Planned_change_without_any_script_reports_RP9002_at_the_plan_line()
    {
        _project.Write("db/sqitch.plan", Plan);
        _project.Write("db/deploy/appschema.sql");
        _project.Write("db/revert/appschema.sql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP9002 db/sqitch.plan(7): 'db/sqitch.plan' lists change 'users', but its deploy script 'db/deploy/users.sql' does not exist. " +
            "Add the deploy script and its revert script, or remove the change from the plan.",
            Assert.Single(run.Findings));
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void Planned_change_whose_deploy_script_exists_outside_the_items_says_it_is_not_included()
    {
        _project.Write("db/sqitch.plan", "users 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/users.sql");
        _project.Write("db/revert/users.sql");

        var run = _project.Check(Item("db/sqitch.plan"), Item("db/revert/users.sql"));

        Assert.Equal(
            "RP9002 db/sqitch.plan(1): 'db/sqitch.plan' lists change 'users', and its deploy script 'db/deploy/users.sql' exists " +
            "but is not included in ReleaseMigrationScripts 'db'. Include the folder that holds sqitch.plan, deploy/ and revert/ " +
            "(Include=\"db\"), or remove the change from the plan.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Planned_change_whose_deploy_script_is_a_folder_says_so()
    {
        _project.Write("db/sqitch.plan", "users 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        Directory.CreateDirectory(_project.FullPath("db/deploy/users.sql"));
        _project.Write("db/revert/users.sql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP9002 db/sqitch.plan(1): 'db/sqitch.plan' lists change 'users', but its deploy script 'db/deploy/users.sql' is a folder, " +
            "not a script file. Replace it with the deploy script, or remove the change from the plan.",
            Assert.Single(run.Findings, f => f.StartsWith("RP9002")));
    }

    [Fact]
    public void A_NUL_byte_in_the_plan_is_RP9002_at_its_line_and_the_other_changes_are_still_checked()
    {
        _project.Write("db/sqitch.plan", "%project=orders\nus\0ers 2024-01-02T10:00:00Z Ada <ada@example.com>\nwidgets 2024-01-03T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/widgets.sql");
        _project.Write("db/revert/widgets.sql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            "RP9002 db/sqitch.plan(2): 'db/sqitch.plan' line 2 cannot be read as a sqitch plan line: it holds a NUL byte (\\0), " +
            "so the file is damaged or not text. Fix the line (sqitch.plan is a text file: 'name [dependencies] timestamp planner <email> # note'), " +
            "or regenerate it with sqitch.",
            Assert.Single(run.Findings));
        Assert.Equal(new[] { "widgets:reversible" }, run.Statuses);
    }

    [Fact]
    public void Revert_script_that_exists_outside_the_items_is_RP1010_saying_it_is_not_included()
    {
        _project.Write("db/sqitch.plan", "users 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/users.sql");
        _project.Write("db/revert/users.sql");

        var run = _project.Check(Item("db/sqitch.plan"), Item("db/deploy/users.sql"));

        Assert.StartsWith(
            "RP1010 db/deploy/users.sql(1): Migration script 'db/deploy/users.sql' has no rollback script among the ReleaseMigrationScripts: " +
            "'db/revert/users.sql' exists but is not included.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Sqitch_convention_without_a_plan_reports_RP9002()
    {
        _project.Write("db/deploy/users.sql");

        var run = _project.Check(Item("db", "Sqitch"));

        Assert.Equal(
            "RP9002 Orders.Api.csproj(0): ReleaseMigrationScripts 'db' uses Convention=\"Sqitch\" but contains no sqitch.plan. " +
            "Include the folder that holds sqitch.plan, deploy/ and revert/.",
            Assert.Single(run.Findings));
    }

    public void Dispose() => _project.Dispose();
}
