using System.Linq;
using Microsoft.Build.Framework;
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
/// end when the run reported nothing, or only findings it kept in its <see cref="ReleasePolicyTask.ReplayFile"/>.
/// The run is then skipped until an input is newer than the stamp, and the targets show the kept findings again
/// (<see cref="ReplayReleasePolicyFindings"/>), so findings never hide behind an up-to-date check. A run that hit an
/// input error keeps nothing and repeats on the next build.
/// </remarks>
public sealed class CheckMigrationScripts : MigrationScriptItemsTask
{
    /// <summary>Where the JSON array of migrations is written, even when it is empty (<c>[]</c>).</summary>
    [Required]
    public string ReportFile { get; set; } = string.Empty;

    /// <summary>Where the RP1010-RP1013 findings are written for the manifest's <c>findings</c> (<c>[]</c> when none); optional.</summary>
    public string? FindingsFile { get; set; }

    /// <summary>The file the target uses as its Outputs; defaults to <c>$(ReportFile).stamp</c>. See the remarks.</summary>
    [Output]
    public string? StampFile { get; set; }

    protected override string Activity => "checking migration scripts";

    protected override void ExecuteCore()
    {
        var stamp = string.IsNullOrEmpty(StampFile) ? ReportFile + ".stamp" : StampFile!;
        StampFile = stamp;
        IO.StampFile.Delete(stamp);

        var projectDirectory = ResolveProjectDirectory();
        var items = Expand(projectDirectory);
        Report(items.Findings);
        foreach (var note in items.Notes)
        {
            Log.LogMessage(MessageImportance.Normal, note);
        }

        var result = MigrationScriptCheck.Run(items.Sets, projectDirectory, BaselineIds());
        foreach (var choice in result.Conventions)
        {
            Log.LogMessage(MessageImportance.Normal, choice.Describe());
        }

        Report(result.Findings);
        AtomicFile.WriteIfChanged(ReportFile, MigrationsReport.Write(result.Entries));
        if (!string.IsNullOrEmpty(FindingsFile))
        {
            AtomicFile.WriteIfChanged(FindingsFile!, Manifest.ScriptFindingsReport.Serialize(items.Findings.Concat(result.Findings), Enforce, projectDirectory));
        }

        if (KeepFindingsForReplay())
        {
            IO.StampFile.Touch(stamp);
        }
    }
}
