using ReleasePolicy.Tasks.Tests.Infrastructure;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// A check with findings keeps them in its replay file and counts as up to date; the replay shows them again exactly
/// as they were logged, so a no-change build needs no check to keep them visible.
/// </summary>
public sealed class FindingReplayTests : IDisposable
{
    private readonly MigrationProject _project = new();

    private string ReplayFile => _project.FullPath("obj/Debug/migration-findings.replay");

    [Theory]
    [InlineData("Audit")]
    [InlineData("Enforce")]
    public void The_replay_shows_each_finding_as_the_check_logged_it(string mode)
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/V2__orders.sql");
        _project.Write("db/U2__orders.sql", "-- nothing to undo\n");

        var check = _project.Check(mode, task => task.ReplayFile = ReplayFile, Item("db"));
        Assert.Equal(2, check.Task.ReportedFindingCount);
        Assert.True(File.Exists(_project.StampFile), "a run whose findings are kept is up to date");

        var (succeeded, replay) = Replay(ReplayFile);

        Assert.Equal(check.Succeeded, succeeded);
        Assert.Equal(mode == "Enforce" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, replay.Diagnostics[0].Severity);
        Assert.Equal(
            check.Engine.Diagnostics.Where(d => d.Code is not null).Select(d => d.ToString() + " " + d.HelpLink),
            replay.Diagnostics.Select(d => d.ToString() + " " + d.HelpLink));
        Assert.Equal(new[] { "RP1010", "RP1011" }, replay.Diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public void A_message_with_tabs_line_breaks_and_backslashes_comes_back_unchanged()
    {
        var findings = new[]
        {
            new LoggedFinding('W', "RP1010", @"C:\db\V1	tab.sql", 3, 7, "first line\nsecond\tcolumn \\ and \\n literally\r\n"),
            new LoggedFinding('I', "RP1005", null, 0, 0, "no file"),
        };
        var lines = System.Text.Encoding.UTF8.GetString(FindingReplay.Write(findings)).Split('\n');

        var read = FindingReplay.Read(lines, out var problem);

        Assert.Null(problem);
        Assert.Equal(findings, read);
    }

    [Fact]
    public void A_run_without_findings_leaves_an_empty_replay_file()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql", "DROP TABLE orders;\n");

        _project.Check(task => task.ReplayFile = ReplayFile, Item("db"));

        Assert.Equal(0, new FileInfo(ReplayFile).Length);
        Assert.True(File.Exists(_project.StampFile));
    }

    [Fact]
    public void An_input_error_keeps_nothing_so_the_check_runs_again()
    {
        _project.Write("db/V1__init.sql");
        _project.Check(task => task.ReplayFile = ReplayFile, Item("db"));
        Assert.True(File.Exists(ReplayFile));

        var run = _project.Check(task => task.ReplayFile = ReplayFile, Item("db", convention: "NoSuchConvention"));

        Assert.Contains("RP9001", run.Codes);
        Assert.False(File.Exists(ReplayFile));
        Assert.False(File.Exists(_project.StampFile));
    }

    internal static (bool Succeeded, RecordingBuildEngine Engine) Replay(string file)
    {
        var engine = new RecordingBuildEngine();
        var task = new ReplayReleasePolicyFindings { BuildEngine = engine, File = file, ProjectFile = "/src/Orders.Api.csproj" };
        return (task.Execute(), engine);
    }

    public void Dispose() => _project.Dispose();
}
