using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;
using ReleasePolicy.Tasks.Tests.Manifest;
using ReleasePolicy.Tasks.Tests.Migrations;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>The RP9002 and RP9003 pages quote what the tasks really say about hostile inputs (paths shown as /src/Orders.Api).</summary>
public sealed class RulePagesQuoteHostileInputMessagesTests
{
    [Fact]
    public void RP9002_page_quotes_the_dangling_symlink_and_DTD_messages()
    {
        using (var context = new ManifestTestContext())
        {
            var assets = Path.Combine(context.ProjectDirectory, "obj", "project.assets.json");
            Directory.CreateDirectory(Path.GetDirectoryName(assets)!);
            File.CreateSymbolicLink(assets, "../../cache/project.assets.json");
            var task = context.CreateTask();
            task.ProjectAssetsFile = assets;

            Hostile.Fails(task, context.Engine);
            RuleDocPageTests.AssertQuotedOnPage("RP9002", Single(context.Engine).Replace(context.ProjectDirectory, "/src/Orders.Api"));
        }

        using var project = new TempDirectory("Orders.Api");
        project.WriteFile("ROLLBACK.md", "# Rollback\n\n## Trigger criteria\n\n## Rollback steps\n\n## Data recovery\n\n## Verification\n\n## Owner\n");
        var trx = project.WriteFile("TestResults/run.trx", Hostile.EntityBomb("TestRun"));
        var engine = new RecordingBuildEngine();
        var gates = new CheckReleaseGates
        {
            BuildEngine = engine,
            ProjectDirectory = project.FullPath,
            ProjectFile = project.Path("Orders.Api.csproj"),
            Now = "2026-12-01T10:00:00+00:00",
            TestResults = new ITaskItem[] { new TaskItem(trx) },
        };

        Hostile.Fails(gates, engine);
        RuleDocPageTests.AssertQuotedOnPage("RP9002", Single(engine).Replace(project.FullPath, "/src/Orders.Api"));
    }

    [ReadOnlyFolderFact]
    public void RP9003_page_quotes_the_message_for_a_read_only_output_folder()
    {
        using var context = new ManifestTestContext();
        var folder = Path.GetDirectoryName(context.OutputFile)!;
        using var readOnly = Hostile.ReadOnly(folder);
        var task = context.CreateTask();

        Hostile.Fails(task, context.Engine);
        RuleDocPageTests.AssertQuotedOnPage("RP9003", Single(context.Engine).Replace(context.ProjectDirectory, "/src/Orders.Api"));
    }

    private static string Single(RecordingBuildEngine engine)
    {
        var error = Assert.Single(engine.Errors);
        return error.Message;
    }
}
