using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>The MSBuild adapter: items and metadata in, diagnostics with their files out, gates.json and the stamp as the targets need them.</summary>
public sealed class CheckReleaseGatesTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_clean_run_writes_the_report_and_the_playbook_path_and_touches_the_stamp()
    {
        var playbook = _project.WriteFile("ROLLBACK.md", "# R\n## Trigger criteria\n## Steps\n## Data recovery\n## Verification\n## Owner\n");
        var (task, engine) = Run();

        Assert.True(task.Execute(), engine.ToString());

        Assert.Empty(engine.ErrorAndWarningCodes);
        Assert.True(File.Exists(_project.Path("obj/gates.stamp")));
        Assert.Equal(playbook + "\n", File.ReadAllText(_project.Path("obj/rollback-playbook.path")));
        using var report = JsonDocument.Parse(File.ReadAllBytes(_project.Path("obj/gates.json")));
        Assert.Equal("RP5003", report.RootElement.GetProperty("gates")[0].GetProperty("id").GetString());
        Assert.Contains(task.ReadFiles, f => f.ItemSpec == playbook);
    }

    [Fact]
    public void In_Enforce_a_missing_playbook_is_an_error_and_the_stamp_stays_out_of_date()
    {
        var (task, engine) = Run("Enforce");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("RP5003", _project.Path("Orders.Api.csproj")), (error.Code, error.File));
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP5003.md", error.HelpLink);
        Assert.False(File.Exists(_project.Path("obj/gates.stamp")));
    }

    [Fact]
    public void A_freeze_window_with_an_End_before_its_Start_is_RP9001_and_no_report_is_written()
    {
        var window = new TaskItem("close");
        window.SetMetadata("Start", "2026-12-31T00:00:00+01:00");
        window.SetMetadata("End", "2026-12-30T00:00:00+01:00");
        var (task, engine) = Run(configure: t => t.FreezeWindows = new ITaskItem[] { window });

        Assert.False(task.Execute());

        Assert.Equal(
            "ReleaseFreezeWindow 'close' has End '2026-12-30T00:00:00+01:00': it is not after its Start '2026-12-31T00:00:00+01:00'. End must be later than Start.",
            Assert.Single(engine.Errors).Message);
        Assert.False(File.Exists(_project.Path("obj/gates.json")));
    }

    [Fact]
    public void A_freeze_window_keeps_the_stamp_out_of_date_even_when_it_passes()
    {
        _project.WriteFile("ROLLBACK.md", "# R\n## Trigger criteria\n## Steps\n## Data recovery\n## Verification\n## Owner\n");
        var window = new TaskItem("weekend");
        window.SetMetadata("Recurrence", "weekly:sat 00:00-mon 00:00");
        var (task, engine) = Run(configure: t => { t.FreezeWindows = new ITaskItem[] { window }; t.Now = "2026-12-02T10:00:00Z"; });

        Assert.True(task.Execute(), engine.ToString());

        Assert.Empty(engine.ErrorAndWarningCodes);
        Assert.False(File.Exists(_project.Path("obj/gates.stamp")));
    }

    private (CheckReleaseGates Task, RecordingBuildEngine Engine) Run(string mode = "Audit", Action<CheckReleaseGates>? configure = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckReleaseGates
        {
            BuildEngine = engine,
            Mode = mode,
            ProjectDirectory = _project.FullPath,
            ProjectFile = _project.Path("Orders.Api.csproj"),
            GatesFile = _project.Path("obj/gates.json"),
            PlaybookPathFile = _project.Path("obj/rollback-playbook.path"),
            StampFile = _project.Path("obj/gates.stamp"),
        };
        configure?.Invoke(task);
        return (task, engine);
    }
}
