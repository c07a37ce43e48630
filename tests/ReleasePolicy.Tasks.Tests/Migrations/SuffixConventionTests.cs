using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

public sealed class SuffixConventionTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Theory]
    [InlineData("db/001_orders.sql", "db/001_orders.rollback.sql", "001_orders")]
    [InlineData("db/2022-03-01_00_Up_MigrateKeys.sql", "db/2022-03-01_00_Down_MigrateKeys.sql", "2022-03-01_00_MigrateKeys")]
    [InlineData("db/add_email.up.sql", "db/add_email.down.sql", "add_email")]
    public void Forward_script_with_its_rollback_script_is_reversible(string forward, string rollback, string id)
    {
        _project.Write(forward);
        _project.Write(rollback);

        var run = _project.Check(Item("db", "Suffix"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { id + ":reversible" }, run.Statuses);
        Assert.Equal(forward, run.Migration(id).GetProperty("forward").GetProperty("path").GetString());
        Assert.Equal(rollback, run.Migration(id).GetProperty("rollback").GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("db/002_seed.sql", "db/002_seed.rollback.sql")]
    [InlineData("db/2022-03-02_00_Up_AddIndex.sql", "db/2022-03-02_00_Down_AddIndex.sql")]
    [InlineData("db/add_phone.up.sql", "db/add_phone.down.sql")]
    public void Forward_script_without_rollback_script_reports_RP1010_naming_the_rollback_script(string forward, string expected)
    {
        _project.Write(forward);

        var run = _project.Check(Item("db", "Suffix"));

        Assert.Equal(
            $"RP1010 {forward}(1): Migration script '{forward}' has no rollback script. Add '{expected}' that undoes it, " +
            "or, if it is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Rollback_script_without_forward_script_reports_RP1012()
    {
        _project.Write("db/003_cleanup.rollback.sql");

        var run = _project.Check(Item("db", "Suffix"));

        Assert.Equal(
            "RP1012 db/003_cleanup.rollback.sql(1): Rollback script 'db/003_cleanup.rollback.sql' has no forward script. " +
            "Add 'db/003_cleanup.sql', or delete the rollback script if its migration is gone.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Scripts_pair_only_within_their_own_folder()
    {
        _project.Write("db/orders/001_init.sql");
        _project.Write("db/billing/001_init.rollback.sql");

        var run = _project.Check(Item("db", "Suffix"));

        Assert.Equal(new[] { "RP1012", "RP1010" }, run.Codes);
    }

    public void Dispose() => _project.Dispose();
}
