using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

public sealed class CustomConventionTests : IDisposable
{
    private const string Apply = @"^(?<id>\d+)-apply\.sql$";
    private const string Revert = @"^(?<id>\d+)-revert\.sql$";

    private readonly MigrationProject _project = new();

    [Fact]
    public void Scripts_whose_id_groups_match_are_paired()
    {
        _project.Write("sql/0001-apply.sql");
        _project.Write("sql/0001-revert.sql");

        var run = _project.Check(Item("sql", "Custom", Apply, Revert));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "0001:reversible" }, run.Statuses);
        Assert.Equal("custom", run.Migration("0001").GetProperty("convention").GetString());
    }

    [Fact]
    public void Forward_script_without_rollback_reports_RP1010_naming_the_pattern_and_id()
    {
        _project.Write("sql/0002-apply.sql");

        var run = _project.Check(Item("sql", "Custom", Apply, Revert));

        Assert.Equal(
            @"RP1010 sql/0002-apply.sql(1): Migration script 'sql/0002-apply.sql' has no rollback script. " +
            @"Add a script whose name matches RollbackPattern '^(?<id>\d+)-revert\.sql$' with id '0002' that undoes it, " +
            "or, if it is deliberately forward-only, say why in its leading comments: '-- release-policy: forward-only <reason>'.",
            Assert.Single(run.Findings));
    }

    [Fact]
    public void Patterns_without_Convention_metadata_mean_Custom()
    {
        _project.Write("sql/0001-apply.sql");
        _project.Write("sql/0001-revert.sql");

        var run = _project.Check(Item("sql", forwardPattern: Apply, rollbackPattern: Revert));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "0001:reversible" }, run.Statuses);
    }

    [Fact]
    public void A_pattern_with_a_slash_is_matched_against_the_project_relative_path()
    {
        _project.Write("sql/up/orders.sql");
        _project.Write("sql/down/orders.sql");

        var run = _project.Check(Item("sql", "Custom", @"/up/(?<id>[^/]+)\.sql$", @"/down/(?<id>[^/]+)\.sql$"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "orders:reversible" }, run.Statuses);
    }

    [Fact]
    public void A_script_matching_neither_pattern_reports_RP1013()
    {
        _project.Write("sql/0001-apply.sql");
        _project.Write("sql/0001-revert.sql");
        _project.Write("sql/notes.sql");

        var run = _project.Check(Item("sql", "Custom", Apply, Revert));

        Assert.Equal(new[] { "RP1013" }, run.Codes);
        Assert.Contains("Script 'sql/notes.sql' fits no Custom name (a name matching ForwardPattern", run.Findings[0]);
    }

    [Fact]
    public void Invalid_pattern_reports_RP9001_naming_the_item_and_the_metadata()
    {
        _project.Write("sql/0001-apply.sql");

        var run = _project.Check(Item("sql", "Custom", Apply, @"^(?<id>\d+-revert\.sql$"));

        var finding = Assert.Single(run.Findings);
        Assert.StartsWith(@"RP9001 Orders.Api.csproj(0): ReleaseMigrationScripts 'sql' has an invalid RollbackPattern '^(?<id>\d+-revert\.sql$': ", finding);
        Assert.EndsWith("Set ForwardPattern and RollbackPattern to .NET regular expressions with a named group (?<id>...) " +
            "that is equal in a forward script and its rollback script.", finding);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void Pattern_without_an_id_group_reports_RP9001()
    {
        _project.Write("sql/0001-apply.sql");

        var run = _project.Check(Item("sql", "Custom", @"^\d+-apply\.sql$", Revert));

        Assert.Equal(new[] { "RP9001" }, run.Codes);
        Assert.Contains(@"has a ForwardPattern '^\d+-apply\.sql$' without a named group (?<id>...)", run.Findings[0]);
    }

    [Fact]
    public void Custom_convention_without_RollbackPattern_reports_RP9001()
    {
        _project.Write("sql/0001-apply.sql");

        var run = _project.Check(Item("sql", "Custom", Apply));

        Assert.Equal(new[] { "RP9001" }, run.Codes);
        Assert.Contains("ReleaseMigrationScripts 'sql' uses Convention=\"Custom\" but has no RollbackPattern.", run.Findings[0]);
    }

    [Fact]
    public void Unknown_Convention_reports_RP9001_listing_the_allowed_values()
    {
        _project.Write("sql/0001-apply.sql");

        var run = _project.Check(Item("sql", "Liquibase"));

        Assert.Equal(
            "RP9001 Orders.Api.csproj(0): ReleaseMigrationScripts 'sql' has Convention=\"Liquibase\". " +
            "Allowed values: Flyway, GolangMigrate, Sqitch, Suffix, Custom.",
            Assert.Single(run.Findings));
        Assert.Equal("[]\n", run.Report);
    }

    [Fact]
    public void Patterns_with_another_convention_report_RP9001()
    {
        _project.Write("sql/V1__init.sql");

        var run = _project.Check(Item("sql", "Flyway", Apply, Revert));

        Assert.Equal(new[] { "RP9001" }, run.Codes);
    }

    [Fact]
    public void Patterns_without_Convention_metadata_are_logged_as_chosen_by_the_patterns()
    {
        _project.Write("sql/0001-apply.sql");
        _project.Write("sql/0001-revert.sql");

        var run = _project.Check(Item("sql", forwardPattern: @"^(?<id>\d+)-apply\.sql$", rollbackPattern: @"^(?<id>\d+)-revert\.sql$"));

        Assert.Contains(
            "ReleaseMigrationScripts 'sql': checking rollback scripts with the Custom convention, because the item sets " +
            "ForwardPattern and RollbackPattern metadata (Convention=\"Custom\" is implied).",
            run.Engine.Messages.Select(m => m.Message));
    }

    public void Dispose() => _project.Dispose();
}
