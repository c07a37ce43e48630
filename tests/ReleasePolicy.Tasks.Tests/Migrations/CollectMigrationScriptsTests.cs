using ReleasePolicy.Tasks.Tests.Infrastructure;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>The task the targets call for the check's Inputs: the files it will check, and the inputs file.</summary>
public sealed class CollectMigrationScriptsTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Fact]
    public void Lists_the_scripts_the_check_will_read_and_writes_one_line_per_item_and_per_script()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        _project.Write("bin/Debug/db/V1__init.sql");
        var task = Collect(Item(".", "Flyway"));

        Assert.True(task.Execute());

        Assert.Equal(new[] { "db/U1__init.sql", "db/V1__init.sql" }, task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
        Assert.Equal(
            $"{_project.ProjectDirectory}|Flyway||||\n{_project.FullPath("db/U1__init.sql")}\n{_project.FullPath("db/V1__init.sql")}\n",
            File.ReadAllText(InputsFile));
    }

    [Fact]
    public void The_inputs_file_is_left_untouched_when_nothing_changed_and_rewritten_when_a_script_is_added()
    {
        _project.Write("db/V1__init.sql");
        Assert.True(Collect(Item("db")).Execute());
        var old = DateTime.UtcNow.AddMinutes(-5);
        File.SetLastWriteTimeUtc(InputsFile, old);

        Assert.True(Collect(Item("db")).Execute());
        Assert.Equal(old, File.GetLastWriteTimeUtc(InputsFile));

        _project.Write("db/U1__init.sql");
        Assert.True(Collect(Item("db")).Execute());
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(InputsFile));
    }

    [Fact]
    public void Scripts_with_every_listed_extension_are_inputs_and_the_extensions_are_in_the_inputs_file()
    {
        _project.Write("db/V1__init.pgsql");
        _project.Write("db/U1__init.pgsql");
        _project.Write("db/V2__seed.tsql");
        _project.Write("db/notes.md", "Run with psql.");
        var item = Item("db");
        item.SetMetadata("ScriptExtensions", "pgsql;.TSQL");
        var task = Collect(item);

        Assert.True(task.Execute());

        Assert.Equal(
            new[] { "db/U1__init.pgsql", "db/V1__init.pgsql", "db/V2__seed.tsql" },
            task.ScannedFiles.Select(f => _project.Relative(f.ItemSpec)));
        Assert.StartsWith($"{_project.FullPath("db")}||||pgsql;.TSQL|\n", File.ReadAllText(InputsFile));
    }

    [Fact]
    public void Changing_ScriptExtensions_rewrites_the_inputs_file_so_the_check_runs_again()
    {
        _project.Write("db/V1__init.sql");
        Assert.True(Collect(Item("db")).Execute());
        var old = DateTime.UtcNow.AddMinutes(-5);
        File.SetLastWriteTimeUtc(InputsFile, old);
        var item = Item("db");
        item.SetMetadata("ScriptExtensions", ".sql");

        Assert.True(Collect(item).Execute());

        Assert.NotEqual(old, File.GetLastWriteTimeUtc(InputsFile));
    }

    private string InputsFile => _project.FullPath("obj/Debug/releasepolicy/migrations.inputs");

    private CollectMigrationScripts Collect(params Microsoft.Build.Framework.ITaskItem[] scripts) => new()
    {
        BuildEngine = new RecordingBuildEngine(),
        ProjectFile = _project.ProjectFile,
        ProjectDirectory = _project.ProjectDirectory,
        InputsFile = InputsFile,
        Scripts = scripts,
    };

    public void Dispose() => _project.Dispose();
}
