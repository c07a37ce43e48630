using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.IO;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Checks that every forward SQL script in <c>ReleaseMigrationScripts</c> has a non-empty rollback script
/// (RP1010–RP1013) and writes the migration report the release manifest reads.
/// </summary>
/// <remarks>
/// Incrementality: the report is written only when its bytes change (<see cref="AtomicFile.WriteIfChanged"/>), so
/// targets that read it stay up to date. The target's own up-to-date check uses a separate stamp file
/// (<see cref="StampFile"/>, default <c>$(ReportFile).stamp</c>): deleted when the task starts, and touched at the
/// end only when the run reported no warning or error. A clean run is therefore skipped until an input is newer than
/// the stamp, while a run with findings repeats on the next build, so findings never hide behind an up-to-date check.
/// </remarks>
public sealed class CheckMigrationScripts : ReleasePolicyTask
{
    /// <summary>
    /// The <c>ReleaseMigrationScripts</c> items: folders (every <c>*.sql</c> and <c>sqitch.plan</c> below them) or
    /// files, with optional <c>Convention</c>, <c>ForwardPattern</c> and <c>RollbackPattern</c> metadata. Files from a
    /// glob carry MSBuild's <c>RecursiveDir</c>, which tells the glob's root (see <see cref="ScriptSetExpansion"/>).
    /// </summary>
    public ITaskItem[] Scripts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// The project's output and intermediate folders ($(OutputPath), $(IntermediateOutputPath), $(BaseOutputPath),
    /// $(BaseIntermediateOutputPath)); scripts below them are never checked, nor below any <c>bin</c> or <c>obj</c>.
    /// </summary>
    public string? OutputPath { get; set; }

    /// <inheritdoc cref="OutputPath"/>
    public string? IntermediateOutputPath { get; set; }

    /// <inheritdoc cref="OutputPath"/>
    public string? BaseOutputPath { get; set; }

    /// <inheritdoc cref="OutputPath"/>
    public string? BaseIntermediateOutputPath { get; set; }

    /// <summary>Item paths resolve against it, and report paths are relative to it. Defaults to the project's folder.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>Where the JSON array of migrations is written, even when it is empty (<c>[]</c>).</summary>
    [Required]
    public string ReportFile { get; set; } = string.Empty;

    /// <summary>The file the target uses as its Outputs; defaults to <c>$(ReportFile).stamp</c>. See the remarks.</summary>
    [Output]
    public string? StampFile { get; set; }

    /// <summary>Every file the check considered (full paths, ordinal order), for the target's Inputs.</summary>
    [Output]
    public ITaskItem[] ScannedFiles { get; set; } = Array.Empty<ITaskItem>();

    protected override string Activity => "checking migration scripts";

    protected override void ExecuteCore()
    {
        var stamp = string.IsNullOrEmpty(StampFile) ? ReportFile + ".stamp" : StampFile!;
        StampFile = stamp;
        IO.StampFile.Delete(stamp);

        var projectDirectory = ResolveProjectDirectory();
        var outputFolders = new BuildOutputFolders(
            projectDirectory, new[] { OutputPath, IntermediateOutputPath, BaseOutputPath, BaseIntermediateOutputPath });
        var items = ScriptSetExpansion.Expand(ScriptItems(), projectDirectory, outputFolders);
        Report(items.Findings);

        var result = MigrationScriptCheck.Run(items.Sets, projectDirectory);
        foreach (var choice in result.Conventions)
        {
            Log.LogMessage(MessageImportance.Normal, choice.Describe());
        }

        Report(result.Findings);
        AtomicFile.WriteIfChanged(ReportFile, MigrationReport.Serialize(result.Entries));

        var scanned = new ITaskItem[items.ScannedFiles.Count];
        for (var i = 0; i < scanned.Length; i++)
        {
            scanned[i] = new TaskItem(items.ScannedFiles[i]);
        }

        ScannedFiles = scanned;
        if (ReportedFindingCount == 0 && !Log.HasLoggedErrors)
        {
            IO.StampFile.Touch(stamp);
        }
    }

    private MigrationScriptItem[] ScriptItems()
    {
        var items = new MigrationScriptItem[Scripts.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = Scripts[i];
            items[i] = new MigrationScriptItem(
                item.ItemSpec,
                item.GetMetadata("RecursiveDir"),
                item.GetMetadata("Convention"),
                item.GetMetadata("ForwardPattern"),
                item.GetMetadata("RollbackPattern"));
        }

        return items;
    }

    private string ResolveProjectDirectory()
    {
        if (!string.IsNullOrEmpty(ProjectDirectory))
        {
            return Path.GetFullPath(ProjectDirectory);
        }

        return string.IsNullOrEmpty(ProjectFile)
            ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
    }
}
