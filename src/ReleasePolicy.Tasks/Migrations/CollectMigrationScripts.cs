using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using ReleasePolicy.IO;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Lists the files <see cref="CheckMigrationScripts"/> will check, for its target's Inputs, and writes the inputs
/// file: one line per item (full path and metadata) and one per script. Timestamps cannot see a script being added,
/// deleted or renamed, or metadata changing; this file's content can, and it is rewritten only when it changes.
/// One call replaces per-item batching in the targets, which costs time quadratic in the number of glob files.
/// Input errors (a missing folder) are left to the check, which reports them once.
/// </summary>
public sealed class CollectMigrationScripts : MigrationScriptItemsTask
{
    /// <summary>The inputs file (<c>migrations.inputs</c>), listed among the check target's Inputs.</summary>
    [Required]
    public string InputsFile { get; set; } = string.Empty;

    protected override string Activity => "listing migration scripts";

    protected override void ExecuteCore()
    {
        var projectDirectory = ResolveProjectDirectory();
        var expanded = Expand(projectDirectory);
        var lines = new StringBuilder();
        foreach (var item in Scripts)
        {
            lines.Append(FullPath(projectDirectory, item.ItemSpec)).Append('|')
                .Append(item.GetMetadata("Convention")).Append('|')
                .Append(item.GetMetadata("ForwardPattern")).Append('|')
                .Append(item.GetMetadata("RollbackPattern")).Append('|')
                .Append(item.GetMetadata("ScriptExtensions")).Append('|')
                .Append(item.GetMetadata("ForwardOnly")).Append('\n');
        }

        // Baselining a migration changes what the check reports, so it is an input too.
        foreach (var id in BaselineIds())
        {
            lines.Append("baseline|").Append(id).Append('\n');
        }

        foreach (var file in expanded.ScannedFiles)
        {
            lines.Append(file).Append('\n');
        }

        AtomicFile.WriteIfChanged(InputsFile, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(lines.ToString()));
    }

    // An unusable path is reported by the check; here it is just a line that changes when the item does.
    private static string FullPath(string projectDirectory, string itemSpec)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(projectDirectory, itemSpec));
        }
        catch (System.Exception ex) when (ex is System.ArgumentException || ex is System.NotSupportedException || ex is PathTooLongException)
        {
            return itemSpec;
        }
    }
}
