using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

public sealed class GolangMigrateConventionTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Fact]
    public void Up_script_with_its_down_script_is_reversible()
    {
        _project.Write("migrations/000001_create_users.up.sql", "CREATE TABLE users (id int);");
        _project.Write("migrations/000001_create_users.down.sql", "DROP TABLE users;");

        var run = _project.Check(Item("migrations", "GolangMigrate"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible" }, run.Statuses);
        Assert.Equal("golang-migrate", run.Migration("1").GetProperty("convention").GetString());
    }

    [Fact]
    public void Up_script_without_down_script_reports_RP1010_naming_the_down_script()
    {
        _project.Write("migrations/000002_add_email.up.sql", "ALTER TABLE users ADD email text;");

        var run = _project.Check(Item("migrations", "GolangMigrate"));

        Assert.Equal(
            "RP1010 migrations/000002_add_email.up.sql(1): Migration script 'migrations/000002_add_email.up.sql' has no rollback script. " +
            "Add 'migrations/000002_add_email.down.sql' that undoes it, or, if it is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Down_script_without_up_script_reports_RP1012_naming_the_up_script()
    {
        _project.Write("migrations/000003_rename.down.sql");

        var run = _project.Check(Item("migrations", "GolangMigrate"));

        Assert.Equal(new[] { "RP1012" }, run.Codes);
        Assert.Contains("Add 'migrations/000003_rename.up.sql'", run.Findings[0]);
    }

    [Fact]
    public void Two_up_scripts_with_one_version_report_RP1013()
    {
        _project.Write("migrations/4_a.up.sql");
        _project.Write("migrations/4_a.down.sql");
        _project.Write("migrations/0004_b.up.sql");

        var run = _project.Check(Item("migrations", "GolangMigrate"));

        Assert.Equal(new[] { "RP1013" }, run.Codes);
        Assert.Contains("'migrations/0004_b.up.sql' and 'migrations/4_a.up.sql' both claim version 4", run.Findings[0]);
    }

    [Fact]
    public void A_script_without_version_and_direction_reports_RP1013()
    {
        _project.Write("migrations/1_init.up.sql");
        _project.Write("migrations/1_init.down.sql");
        _project.Write("migrations/seed.sql");

        var run = _project.Check(Item("migrations"));

        Assert.Equal(new[] { "RP1013" }, run.Codes);
        Assert.Contains("'migrations/seed.sql' fits no GolangMigrate name (<version>_<name>.up.sql or <version>_<name>.down.sql)", run.Findings[0]);
    }

    public void Dispose() => _project.Dispose();
}
