using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Tasks;

/// <summary>
/// What the tasks over <c>ReleaseMigrationScripts</c> share: the items, the project folder and the build output
/// folders to leave out, handed to <see cref="ScriptSetExpansion"/>.
/// </summary>
public abstract class MigrationScriptItemsTask : ReleasePolicyTask
{
    /// <summary>
    /// The <c>ReleaseMigrationScripts</c> items: folders (every script and <c>sqitch.plan</c> below them) or files,
    /// with optional <c>Convention</c>, <c>ForwardPattern</c>, <c>RollbackPattern</c>, <c>ScriptExtensions</c> and <c>ForwardOnly</c>
    /// (default <c>.sql;.psql;.pgsql;.mysql</c>) metadata. Files from a
    /// glob carry MSBuild's <c>RecursiveDir</c>, which tells the glob's root (see <see cref="ScriptSetExpansion"/>).
    /// </summary>
    public ITaskItem[] Scripts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// <c>ReleaseMigrationBaseline</c>: migrations accepted as they are when ReleasePolicy was adopted, by migration ID
    /// (for scripts, the ID the migrations report lists) or by the forward script's file name or project-relative path.
    /// </summary>
    public ITaskItem[] Baseline { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The baseline's entries, trimmed.</summary>
    protected IReadOnlyList<string> BaselineIds() =>
        Baseline.Select(item => item.ItemSpec.Trim()).Where(id => id.Length > 0).ToList();

    /// <summary>Item paths resolve against it, and report paths are relative to it. Defaults to the project's folder.</summary>
    public string? ProjectDirectory { get; set; }

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

    /// <summary>Every file put into a set (full paths, ordinal order), for the check target's Inputs.</summary>
    [Output]
    public ITaskItem[] ScannedFiles { get; set; } = Array.Empty<ITaskItem>();

    protected string ResolveProjectDirectory()
    {
        if (!string.IsNullOrEmpty(ProjectDirectory))
        {
            return Path.GetFullPath(ProjectDirectory);
        }

        return string.IsNullOrEmpty(ProjectFile)
            ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
    }

    /// <summary>Expands the items and sets <see cref="ScannedFiles"/>.</summary>
    protected ExpandedScriptSets Expand(string projectDirectory)
    {
        var outputFolders = new BuildOutputFolders(
            projectDirectory, new[] { OutputPath, IntermediateOutputPath, BaseOutputPath, BaseIntermediateOutputPath });
        var expanded = ScriptSetExpansion.Expand(ScriptItems(), projectDirectory, outputFolders);
        var scanned = new ITaskItem[expanded.ScannedFiles.Count];
        for (var i = 0; i < scanned.Length; i++)
        {
            scanned[i] = new TaskItem(expanded.ScannedFiles[i]);
        }

        ScannedFiles = scanned;
        return expanded;
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
                item.GetMetadata("RollbackPattern"),
                item.GetMetadata("ScriptExtensions"),
                item.GetMetadata("ForwardOnly"));
        }

        return items;
    }
}
