using Microsoft.Build.Framework;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// What the check says at normal verbosity (<c>-v:normal</c>): a folder that holds no script at all, and where each
/// set's convention came from, truthfully.
/// </summary>
public sealed class CheckLogTests : IDisposable
{
    private const string DefaultGlobs = "*.sql, *.psql, *.pgsql, *.mysql";

    private readonly MigrationProject _project = new();

    [Fact]
    public void A_folder_with_no_script_of_its_extensions_says_so_instead_of_being_skipped_silently()
    {
        _project.Write("db/migrations/001_init.tsql");
        _project.Write("db/migrations/README.md", "Apply in order.");

        var run = _project.Check(Item("db/migrations"));

        Assert.True(run.Succeeded);
        Assert.Empty(run.Findings);
        Assert.Equal("[]\n", run.Report);
        Assert.Equal(new[] { NoScript("db/migrations", DefaultGlobs) }, MessagesAbout(run, "db/migrations"));
    }

    [Fact]
    public void The_no_script_message_lists_the_item_s_own_extensions()
    {
        _project.Write("db/001_init.sql");
        var item = Item("db/");
        item.SetMetadata("ScriptExtensions", ".pgsql;psql");

        var run = _project.Check(item);

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { NoScript("db", "*.pgsql, *.psql") }, MessagesAbout(run, "db"));
    }

    [Fact]
    public void An_empty_folder_says_so_even_with_Convention_metadata_and_no_convention_line_follows()
    {
        _project.Write("db/.gitkeep", string.Empty);

        var run = _project.Check(Item("db", "Flyway"));

        Assert.Equal(new[] { NoScript("db", DefaultGlobs) }, MessagesAbout(run, "db"));
    }

    [Fact]
    public void File_items_of_one_folder_none_of_which_is_a_script_say_so_once()
    {
        _project.Write("db/notes.txt", "notes");
        _project.Write("db/owners.txt", "ops");

        var run = _project.Check(_project.Glob("db/*"));

        Assert.Empty(run.Findings);
        Assert.Equal(new[] { NoScript("db", DefaultGlobs) }, MessagesAbout(run, "db"));
    }

    [Fact]
    public void A_folder_with_scripts_gets_no_such_message()
    {
        _project.Write("db/V1__init.pgsql");
        _project.Write("db/U1__init.pgsql");

        var run = _project.Check(Item("db"));

        Assert.DoesNotContain(run.Engine.Messages, m => m.Message.Contains("contains no migration script"));
    }

    [Fact]
    public void A_folder_whose_scripts_an_earlier_item_took_gets_no_such_message()
    {
        _project.Write("db/orders/V1__init.sql");
        _project.Write("db/orders/U1__init.sql");

        var run = _project.Check(Item("db"), Item("db/orders"));

        Assert.DoesNotContain(run.Engine.Messages, m => m.Message.Contains("contains no migration script"));
    }

    [Fact]
    public void The_no_script_message_is_normal_importance_not_a_warning()
    {
        _project.Write("db/README.md", "Scripts go here.");
        var engine = new ImportanceRecordingEngine();
        var task = new CheckMigrationScripts
        {
            BuildEngine = engine,
            ProjectDirectory = _project.ProjectDirectory,
            ReportFile = _project.ReportFile,
            Scripts = new[] { Item("db") },
        };

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal(MessageImportance.Normal, Assert.Single(engine.Messages, m => m.Message!.Contains("contains no migration script")).Importance);
    }

    [Fact]
    public void Detected_conventions_name_the_file_that_showed_them()
    {
        _project.Write("db/000001_init.up.pgsql");
        _project.Write("db/000001_init.down.pgsql");

        var run = _project.Check(Item("db"));

        Assert.Equal(
            new[]
            {
                "ReleaseMigrationScripts 'db': checking rollback scripts with the GolangMigrate convention, detected from the file name " +
                "'db/000001_init.down.pgsql'. Set Convention metadata to choose another one.",
            },
            MessagesAbout(run, "db"));
    }

    [Fact]
    public void Convention_metadata_is_named_with_its_value_not_called_detected()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");

        var run = _project.Check(Item("db", "suffix"));

        Assert.Equal(
            new[] { "ReleaseMigrationScripts 'db': checking rollback scripts with the Suffix convention, set by Convention=\"suffix\" metadata." },
            MessagesAbout(run, "db"));
    }

    [Fact]
    public void Custom_Convention_metadata_with_patterns_names_both()
    {
        _project.Write("sql/0001-apply.sql");
        _project.Write("sql/0001-revert.sql");

        var run = _project.Check(Item("sql", "Custom", @"^(?<id>\d+)-apply\.sql$", @"^(?<id>\d+)-revert\.sql$"));

        Assert.Equal(
            new[]
            {
                "ReleaseMigrationScripts 'sql': checking rollback scripts with the Custom convention, set by Convention=\"Custom\" metadata, " +
                "with its ForwardPattern and RollbackPattern metadata.",
            },
            MessagesAbout(run, "sql"));
    }

    [Fact]
    public void Patterns_alone_are_named_as_what_chose_Custom()
    {
        _project.Write("sql/0001-apply.sql");

        var run = _project.Check(Item("sql", forwardPattern: @"^(?<id>\d+)-apply\.sql$", rollbackPattern: @"^(?<id>\d+)-revert\.sql$"));

        Assert.Equal(
            new[]
            {
                "ReleaseMigrationScripts 'sql': checking rollback scripts with the Custom convention, because the item sets " +
                "ForwardPattern and RollbackPattern metadata (Convention=\"Custom\" is implied).",
            },
            MessagesAbout(run, "sql"));
    }

    [Fact]
    public void An_unknown_Convention_value_is_not_called_an_empty_folder()
    {
        _project.Write("db/V1__init.sql");

        var run = _project.Check(Item("db", "Liquibase"));

        Assert.Equal(new[] { "RP9001" }, run.Codes);
        Assert.Equal(
            new[] { "ReleaseMigrationScripts 'db' is not checked: its Convention=\"Liquibase\" metadata names no convention (see RP9001)." },
            MessagesAbout(run, "db"));
    }

    [Fact]
    public void Patterns_beside_another_convention_are_named_as_the_reason_nothing_is_checked()
    {
        _project.Write("db/V1__init.sql");

        var run = _project.Check(Item("db", "Flyway", forwardPattern: @"^V(?<id>\d+)\.sql$"));

        Assert.Equal(new[] { "RP9001" }, run.Codes);
        Assert.Equal(
            new[]
            {
                "ReleaseMigrationScripts 'db' is not checked: its Convention=\"Flyway\" metadata does not use the ForwardPattern metadata " +
                "it also sets (see RP9001).",
            },
            MessagesAbout(run, "db"));
    }

    [Fact]
    public void Unusable_patterns_are_not_reported_as_a_convention_being_checked()
    {
        _project.Write("sql/0001-apply.sql");

        var run = _project.Check(Item("sql", forwardPattern: @"^(?<id>\d+-apply\.sql$", rollbackPattern: @"^(?<id>\d+)-revert\.sql$"));

        Assert.Equal(new[] { "RP9001" }, run.Codes);
        Assert.Equal(
            new[]
            {
                "ReleaseMigrationScripts 'sql' is not checked: the Custom convention (set by its ForwardPattern and RollbackPattern metadata) " +
                "needs usable ForwardPattern and RollbackPattern metadata (see RP9001).",
            },
            MessagesAbout(run, "sql"));
    }

    public void Dispose() => _project.Dispose();

    private static string NoScript(string folder, string globs) =>
        $"ReleasePolicy: {folder} contains no migration script ({globs}), so nothing in it is checked. " +
        "If its scripts have another extension, list it in the item's ScriptExtensions metadata.";

    // The check's lines about one item: the convention line and the no-script line.
    private static IReadOnlyList<string> MessagesAbout(CheckRun run, string name) => run.Engine.Messages
        .Select(m => m.Message)
        .Where(m => m.StartsWith($"ReleaseMigrationScripts '{name}'", StringComparison.Ordinal)
            || m.StartsWith($"ReleasePolicy: {name} ", StringComparison.Ordinal))
        .ToList();

    private sealed class ImportanceRecordingEngine : IBuildEngine
    {
        public List<BuildMessageEventArgs> Messages { get; } = new();

        public List<BuildWarningEventArgs> Warnings { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => string.Empty;

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

        public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Message);

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) =>
            throw new NotSupportedException();
    }
}
