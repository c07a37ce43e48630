using Microsoft.Build.Framework;
using ReleasePolicy.Tasks.Tests.Infrastructure;
using ReleasePolicy.Tasks.Tests.Migrations;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>
/// Both tasks over <c>ReleaseMigrationScripts</c> (the check and the inputs collector) with sqitch plans that are
/// binary, folders or pipes, scripts that are links to nothing, and output paths that cannot be written.
/// </summary>
[HostileInputsFor(typeof(CheckMigrationScripts))]
[HostileInputsFor(typeof(CollectMigrationScripts))]
public sealed class MigrationScriptsHostileInputTests : IDisposable
{
    private readonly MigrationProject _project = new();

    public void Dispose() => _project.Dispose();

    private string InputsFile => _project.FullPath("obj/Debug/releasepolicy/migrations.inputs");

    [Fact]
    public void A_binary_sqitch_plan_is_one_RP9002_at_its_first_bad_line()
    {
        var plan = _project.Write("db/sqitch.plan", "%project=orders\n\nusers 2024-01-02T10:00:00Z Ada <ada@example.com>\n" + "\0\u0001\u0002binary");
        _project.Write("db/deploy/users.sql");
        _project.Write("db/revert/users.sql");

        var (task, engine) = Check(Item("db"));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", plan, line: 4, "NUL");
    }

    [Fact]
    public void A_sqitch_plan_of_random_bytes_is_RP9002_at_the_plan()
    {
        var plan = _project.Write("db/sqitch.plan", "");
        File.WriteAllBytes(plan, Hostile.RandomBytes(4096));
        _project.Write("db/deploy/users.sql");

        var (task, engine) = Check(Item("db"));

        Hostile.Fails(task, engine);
        Assert.All(engine.Errors, error => Assert.Equal(plan, error.File));
        Hostile.AssertAllPrecise(engine);
    }

    [UnixFact]
    public void A_named_pipe_as_sqitch_plan_fails_fast_with_RP9002_from_both_tasks()
    {
        var plan = _project.FullPath("db/sqitch.plan");
        Hostile.MakeFifo(plan);
        _project.Write("db/deploy/users.sql");

        var collect = Collect(out var collectEngine, Item("db"));
        Hostile.Execute(collect, plan);
        Hostile.AssertAllPrecise(collectEngine);

        var (task, engine) = Check(Item("db"));
        Hostile.Fails(task, engine, plan);
        Hostile.AssertOneError(engine, "RP9002", plan, says: "not a regular file");
    }

    [Fact]
    public void A_dangling_symlink_as_a_rollback_script_is_one_RP9002_at_it_naming_it_a_link()
    {
        _project.Write("db/V1__init.sql");
        var link = Hostile.MakeDanglingLink(_project.FullPath("db/U1__init.sql"));

        var (task, engine) = Check(Item("db"));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", link, says: new[] { "is a symbolic link to", "Put the file itself there" });
    }

    [Fact]
    public void A_missing_scripts_folder_is_one_RP9002_and_the_collector_does_not_fail()
    {
        var (task, engine) = Check(Item("db/missing folder"));

        Hostile.Fails(task, engine);
        var error = Assert.Single(engine.Errors);
        Hostile.AssertPrecise(error, engine);
        Assert.Contains("missing folder", error.Message);

        var collect = Collect(out var collectEngine, Item("db/missing folder"));
        Assert.True(Hostile.Execute(collect), collectEngine.ToString());
    }

    [Fact]
    public void Scripts_under_a_path_with_non_ASCII_characters_are_paired()
    {
        _project.Write("db/Prüfung Ω/V1__init.sql");
        _project.Write("db/Prüfung Ω/U1__init.sql");

        var (task, engine) = Check(Item("db"));

        Hostile.Passes(task, engine);
        Assert.Empty(engine.ErrorAndWarningCodes);
        Assert.Contains("Prüfung Ω/V1__init.sql", File.ReadAllText(_project.ReportFile));
    }

    [Fact]
    public void A_folder_where_the_report_goes_is_one_RP9003_at_it()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        Directory.CreateDirectory(_project.ReportFile);

        var (task, engine) = Check(Item("db"));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", _project.ReportFile, says: "is a folder");
        Hostile.AssertNoStrayTempFiles(Path.GetDirectoryName(_project.ReportFile)!);
    }

    [Fact]
    public void A_folder_where_the_inputs_file_goes_is_one_RP9003_at_it()
    {
        _project.Write("db/V1__init.sql");
        Directory.CreateDirectory(InputsFile);

        var collect = Collect(out var engine, Item("db"));

        Hostile.Fails(collect, engine);
        Hostile.AssertOneError(engine, "RP9003", InputsFile, says: "is a folder");
    }

    [ReadOnlyFolderFact]
    public void A_read_only_obj_folder_is_one_RP9003_at_the_report()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        var folder = Path.GetDirectoryName(_project.ReportFile)!;
        using var readOnly = Hostile.ReadOnly(folder);

        var (task, engine) = Check(Item("db"));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", _project.ReportFile, says: "writable");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private (CheckMigrationScripts Task, RecordingBuildEngine Engine) Check(params ITaskItem[] scripts)
    {
        var engine = new RecordingBuildEngine();
        return (new CheckMigrationScripts
        {
            BuildEngine = engine,
            Mode = "Enforce",
            ProjectFile = _project.ProjectFile,
            ProjectDirectory = _project.ProjectDirectory,
            ReportFile = _project.ReportFile,
            Scripts = scripts,
        }, engine);
    }

    private CollectMigrationScripts Collect(out RecordingBuildEngine engine, params ITaskItem[] scripts)
    {
        engine = new RecordingBuildEngine();
        return new CollectMigrationScripts
        {
            BuildEngine = engine,
            ProjectFile = _project.ProjectFile,
            ProjectDirectory = _project.ProjectDirectory,
            InputsFile = InputsFile,
            Scripts = scripts,
        };
    }
}
