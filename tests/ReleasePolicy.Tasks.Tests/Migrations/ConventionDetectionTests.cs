using Microsoft.Build.Framework;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>Without <c>Convention</c> metadata the file names decide, and the build log says which convention was used.</summary>
public sealed class ConventionDetectionTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Theory]
    [InlineData("Sqitch", "sqitch", "db/sqitch.plan", "db/V1__init.sql")]
    [InlineData("Flyway", "flyway", "db/V1__init.sql", "db/1_init.up.sql")]
    [InlineData("GolangMigrate", "golang-migrate", "db/1_init.up.sql", "db/seed.rollback.sql")]
    [InlineData("Suffix", "suffix", "db/seed.rollback.sql", "db/seed.sql")]
    [InlineData("Suffix", "suffix", "db/2022-03-01_00_Up_MigrateKeys.sql", "db/notes.sql")]
    [InlineData("Suffix", "suffix", "db/add_email.up.sql", "db/notes.sql")]
    public void The_strongest_file_name_evidence_decides_and_is_reported(string convention, string reportName, string evidence, string other)
    {
        _project.Write(evidence, evidence.EndsWith(".plan") ? "%project=orders\n" : "SELECT 1;\n");
        _project.Write(other);

        var run = _project.Check(Item("db"));

        var message = Assert.Single(run.Engine.Messages, m => m.Message.StartsWith("ReleaseMigrationScripts 'db'"));
        Assert.Equal(
            $"ReleaseMigrationScripts 'db': checking rollback scripts with the {convention} convention, detected from the file name '{evidence}'. " +
            "Set Convention metadata to choose another one.",
            message.Message);
        Assert.All(run.Migrations, m => Assert.Equal(reportName, m.GetProperty("convention").GetString()));
    }

    [Fact]
    public void Plain_sql_files_with_no_evidence_are_checked_as_Suffix_so_they_still_need_rollbacks()
    {
        _project.Write("db/001_init.sql");

        var run = _project.Check(Item("db"));

        Assert.Contains(run.Engine.Messages, m => m.Message ==
            "ReleaseMigrationScripts 'db': checking rollback scripts with the Suffix convention, because no file name shows a convention " +
            "(<name>.sql pairs with <name>.rollback.sql). Set Convention metadata to choose another one.");
        Assert.Equal(new[] { "RP1010" }, run.Codes);
        Assert.Contains("Add 'db/001_init.rollback.sql'", run.Findings[0]);
    }

    [Fact]
    public void A_folder_without_scripts_writes_an_empty_report()
    {
        _project.Write("db/README.md", "Scripts go here.");

        var run = _project.Check(Item("db"));

        Assert.True(run.Succeeded);
        Assert.Empty(run.Findings);
        Assert.Equal("[]\n", run.Report);
        Assert.Equal(
            "ReleasePolicy: db contains no migration script (*.sql, *.psql, *.pgsql, *.mysql), so nothing in it is checked. " +
            "If its scripts have another extension, list it in the item's ScriptExtensions metadata.",
            Assert.Single(run.Engine.Messages, m => m.Message.Contains("db")).Message);
    }

    [Fact]
    public void The_convention_message_is_normal_importance_so_it_shows_with_v_normal()
    {
        _project.Write("db/V1__init.sql");
        _project.Write("db/U1__init.sql");
        var engine = new ImportanceRecordingEngine();
        var task = new CheckMigrationScripts
        {
            BuildEngine = engine,
            ProjectDirectory = _project.ProjectDirectory,
            ReportFile = _project.ReportFile,
            Scripts = new[] { Item("db") },
        };

        Assert.True(task.Execute());

        Assert.Equal(MessageImportance.Normal, engine.Messages.Single(m => m.Message!.Contains("with the Flyway convention")).Importance);
    }

    public void Dispose() => _project.Dispose();

    private sealed class ImportanceRecordingEngine : IBuildEngine
    {
        public List<BuildMessageEventArgs> Messages { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => string.Empty;

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

        public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Message);

        public void LogWarningEvent(BuildWarningEventArgs e) => throw new InvalidOperationException(e.Message);

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) =>
            throw new NotSupportedException();
    }
}
