using Microsoft.Build.Utilities;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// ReleaseMigrationBaseline on SQL scripts: migrations accepted as they are when ReleasePolicy was adopted (by ID,
/// by forward script file name or by project-relative path) get no rollback findings; every other script is checked.
/// </summary>
public sealed class ScriptBaselineTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Fact]
    public void Baselined_scripts_are_accepted_and_a_new_script_is_still_checked()
    {
        _project.Write("db/V1__init.sql", "CREATE TABLE orders (id int);");
        _project.Write("db/V2__add_total.sql", "ALTER TABLE orders ADD total int;");
        _project.Write("db/U2__add_total.sql", "-- nothing to undo yet\n");
        _project.Write("db/V3__add_notes.sql", "ALTER TABLE orders ADD notes text;");
        _project.Write("db/V4__add_status.sql", "ALTER TABLE orders ADD status int;");

        var run = _project.Check(
            "Enforce",
            task => task.Baseline = [new TaskItem("1"), new TaskItem("db/V2__add_total.sql"), new TaskItem(" V3__add_notes.sql ")],
            Item("db"));

        Assert.False(run.Succeeded);
        var finding = Assert.Single(run.Findings);
        Assert.StartsWith("RP1010 db/V4__add_status.sql", finding);
        Assert.Equal(["1:missing-rollback", "2:empty-rollback", "3:missing-rollback", "4:missing-rollback"], run.Statuses);
        Assert.True(run.Migration("1").GetProperty("baselined").GetBoolean());
        Assert.True(run.Migration("3").GetProperty("baselined").GetBoolean());
        Assert.False(run.Migration("4").TryGetProperty("baselined", out _));
    }

    [Fact]
    public void Without_a_baseline_every_script_is_reported()
    {
        _project.Write("db/V1__init.sql", "CREATE TABLE orders (id int);");

        var run = _project.Check(Item("db"));

        Assert.StartsWith("RP1010 db/V1__init.sql", Assert.Single(run.Findings));
    }

    public void Dispose() => _project.Dispose();
}
