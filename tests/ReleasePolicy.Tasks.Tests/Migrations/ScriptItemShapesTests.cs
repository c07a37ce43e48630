using System.Diagnostics;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// Which scripts a folder or glob item reaches, and how items become sets: build output is left out, links are
/// followed once, each folder and each glob root is its own set with its own convention.
/// </summary>
public sealed class ScriptItemShapesTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Fact]
    public void A_folder_item_of_the_whole_project_skips_the_copies_the_build_put_under_bin_and_obj()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        _project.Write("bin/Debug/net8.0/db/V1__init.sql");
        _project.Write("obj/Debug/net8.0/db/V1__init.sql");
        _project.Write("tools/Importer/bin/Release/V1__init.sql");

        var run = _project.Check(Item("."));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible" }, run.Statuses);
        Assert.Equal(new[] { "db/U1__init.sql", "db/V1__init.sql" }, run.Task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
    }

    [Fact]
    public void A_glob_over_the_whole_project_skips_the_copies_the_build_put_under_bin_and_obj()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        _project.Write("bin/Debug/net8.0/db/V1__init.sql");
        _project.Write("obj/Debug/net8.0/db/U1__init.sql");

        var run = _project.Check(_project.Glob("**/*.sql"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible" }, run.Statuses);
    }

    [Fact]
    public void The_projects_own_output_and_intermediate_folders_are_skipped_wherever_they_are()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        _project.Write("out/db/V1__init.sql");
        _project.Write("build-temp/db/V1__init.sql");

        var run = _project.Check(task =>
        {
            task.OutputPath = "out/";
            task.BaseIntermediateOutputPath = _project.FullPath("build-temp") + "/";
        }, Item("."));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "db/U1__init.sql", "db/V1__init.sql" }, run.Task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
    }

    [Fact]
    public void An_item_that_names_a_folder_under_obj_itself_is_still_checked()
    {
        _project.Write("obj/generated/V1__init.sql");

        var run = _project.Check(Item("obj/generated"));

        Assert.Equal(new[] { "RP1010" }, run.Codes);
    }

    [Fact]
    public void Two_globs_without_metadata_over_a_golang_migrate_and_a_Flyway_folder_are_two_sets_with_their_own_conventions()
    {
        _project.Write("events/1_create_events.up.sql");
        _project.Write("events/1_create_events.down.sql");
        _project.Write("orders/V1__init.sql");
        _project.Write("orders/U1__init.sql");

        var run = _project.Check(_project.Glob("events/**/*.sql").Concat(_project.Glob("orders/*.sql")).ToArray());

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible", "1:reversible" }, run.Statuses);
        Assert.Contains(run.Engine.Messages, m => m.Message.StartsWith("ReleaseMigrationScripts 'events': checking rollback scripts with the GolangMigrate convention"));
        Assert.Contains(run.Engine.Messages, m => m.Message.StartsWith("ReleaseMigrationScripts 'orders': checking rollback scripts with the Flyway convention"));
    }

    [Fact]
    public void Files_written_by_hand_in_two_folders_are_two_sets()
    {
        _project.Write("events/1_create_events.up.sql");
        _project.Write("events/1_create_events.down.sql");
        _project.Write("orders/V1__init.sql");
        _project.Write("orders/U1__init.sql");

        var run = _project.Check(
            Item("events/1_create_events.up.sql"), Item("events/1_create_events.down.sql"),
            Item("orders/V1__init.sql"), Item("orders/U1__init.sql"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "1:reversible", "1:reversible" }, run.Statuses);
    }

    [Fact]
    public void A_sqitch_plan_written_by_hand_keeps_its_deploy_and_revert_globs_in_one_set()
    {
        _project.Write("db/sqitch.plan", "users 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/users.sql");
        _project.Write("db/revert/users.sql");

        var run = _project.Check(
            new[] { Item("db/sqitch.plan") }.Concat(_project.Glob("db/deploy/*.sql")).Concat(_project.Glob("db/revert/*.sql")).ToArray());

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { "users:reversible" }, run.Statuses);
        Assert.Contains(run.Engine.Messages, m => m.Message.StartsWith("ReleaseMigrationScripts 'db': checking rollback scripts with the Sqitch convention"));
    }

    [Fact]
    public void A_folder_link_back_up_the_tree_is_followed_once_so_no_alias_claims_a_version_again()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        Directory.CreateSymbolicLink(_project.FullPath("db/loop"), _project.FullPath("db"));

        var globItems = _project.Glob("db/**/*.sql");
        Assert.Contains(globItems, item => item.ItemSpec.StartsWith("db/loop/loop/", StringComparison.Ordinal));

        var folder = _project.Check(Item("db"));
        var glob = _project.Check(globItems);

        Assert.Empty(folder.Findings);
        Assert.Equal(new[] { "1:reversible" }, folder.Statuses);
        Assert.Empty(glob.Findings);
        Assert.Equal(new[] { "1:reversible" }, glob.Statuses);
    }

    [Fact]
    public void A_folder_linked_from_outside_the_item_is_checked_through_the_link()
    {
        _project.Write("shared/V1__init.sql");
        _project.Write("shared/U1__init.sql");
        Directory.CreateDirectory(_project.FullPath("db"));
        Directory.CreateSymbolicLink(_project.FullPath("db/shared"), _project.FullPath("shared"));

        var run = _project.Check(Item("db"));

        Assert.Empty(run.Findings);
        Assert.Equal("db/shared/V1__init.sql", run.Migration("1").GetProperty("forward").GetProperty("path").GetString());
    }

    [Fact]
    public void A_named_pipe_as_a_script_is_skipped_with_RP9002_instead_of_hanging_the_build()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _project.Write("db/V1__init.sql");
        MakeFifo(_project.FullPath("db/U1__init.sql"));

        var run = RunWithin(TimeSpan.FromSeconds(30), () => _project.Check(Item("db")));

        Assert.Equal(
            $"RP9002 db/U1__init.sql(0): Cannot read migration script 'db/U1__init.sql': '{_project.FullPath("db/U1__init.sql")}' " +
            "is not a regular file (it is a named pipe, device or socket), so it was skipped rather than read." +
            " Put the file itself there (not a folder, a named pipe or a device), or point the setting at the right path.",
            Assert.Single(run.Findings));
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    internal static T RunWithin<T>(TimeSpan limit, Func<T> action)
    {
        var work = Task.Run(action);
        Assert.True(work.Wait(limit), "The task hung: it opened something that never delivers data.");
        return work.Result;
    }

    public void Dispose() => _project.Dispose();
}
