using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;
using ReleasePolicy.Leaks;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Tasks;

/// <summary>
/// RP3010 at pack and publish: the release notes (<c>PackageReleaseNotes</c>, <c>ReleaseNotes</c> items,
/// <c>CHANGELOG.md</c> / <c>RELEASE-NOTES.md</c> / <c>RELEASENOTES.md</c> beside the project or at the repository
/// root) and the <c>appsettings*.json</c> files that ship, read with the analyzers' detector
/// (<see cref="ReleaseTextCheck"/>). The stamp is touched only after a run without findings, like the script check's.
/// </summary>
public sealed class CheckReleaseNotes : ReleasePolicyTask
{
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>$(PackageReleaseNotes).</summary>
    public string? PackageReleaseNotes { get; set; }

    /// <summary>@(ReleaseNotes): release notes files beyond the conventional names.</summary>
    public ITaskItem[] ReleaseNotes { get; set; } = System.Array.Empty<ITaskItem>();

    /// <summary>@(Content) and @(None): the shipped <c>appsettings*.json</c> are picked from these by their copy metadata.</summary>
    public ITaskItem[] ConfigurationFiles { get; set; } = System.Array.Empty<ITaskItem>();

    /// <summary>$(ReleaseInternalDomains).</summary>
    public string? InternalDomains { get; set; }

    /// <summary>$(ReleaseTicketKeys).</summary>
    public string? TicketKeys { get; set; }

    /// <summary>@(ReleaseLeakAllowList): exact values that may appear.</summary>
    public ITaskItem[] AllowList { get; set; } = System.Array.Empty<ITaskItem>();

    /// <summary>Where the findings go for the release manifest (the script check's findings format); the target's Outputs.</summary>
    public string? FindingsFile { get; set; }

    /// <summary>Touched after a run that reported nothing; the target's Outputs.</summary>
    public string? StampFile { get; set; }

    /// <summary>The files read, for the target's Inputs on the next build.</summary>
    [Output]
    public ITaskItem[] ScannedFiles { get; set; } = System.Array.Empty<ITaskItem>();

    /// <summary>Every conventional release-notes path looked at, present or not: the targets rerun the check when one appears.</summary>
    [Output]
    public ITaskItem[] CandidateFiles { get; set; } = System.Array.Empty<ITaskItem>();

    protected override string Activity => "checking release notes for internal identifiers";

    protected override void ExecuteCore()
    {
        if (!string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Delete(StampFile!);
        }

        var settings = LeakSettings.Create(
            SettingList.Split(InternalDomains),
            SettingList.Split(TicketKeys),
            AllowList.Select(item => item.ItemSpec));
        var errors = new List<PolicyFinding>();
        var sources = ReleaseTextSources.Find(
            Path.GetFullPath(ProjectDirectory),
            ReleaseNotes.Select(item => item.ItemSpec),
            ConfigurationFiles.Select(item => new ConfigurationFileItem(item.ItemSpec, item.GetMetadata("CopyToOutputDirectory"), item.GetMetadata("CopyToPublishDirectory"))),
            errors,
            ProjectFile);
        var all = new List<PolicyFinding>(errors);
        all.AddRange(ReleaseTextCheck.CheckPackageReleaseNotes(PackageReleaseNotes, ProjectFile, settings));
        foreach (var source in sources)
        {
            all.AddRange(ReleaseTextCheck.CheckFile(source, settings));
        }

        Report(all);
        if (!string.IsNullOrEmpty(FindingsFile))
        {
            // The manifest lists them with the severity the build gave them, as it lists the script check's.
            IO.AtomicFile.WriteIfChanged(FindingsFile!, Manifest.ScriptFindingsReport.Serialize(all, Enforce, Path.GetFullPath(ProjectDirectory)));
        }

        ScannedFiles = sources.Select(source => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(source.FullPath)).ToArray();
        CandidateFiles = ReleaseTextSources.ConventionalCandidates(Path.GetFullPath(ProjectDirectory)).Select(path => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(path)).ToArray();
        if (ReportedFindingCount == 0 && !Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Touch(StampFile!);
        }
    }
}
