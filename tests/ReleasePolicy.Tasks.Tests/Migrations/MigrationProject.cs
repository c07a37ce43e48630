using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// A project folder with real script files, and one call that runs <see cref="CheckMigrationScripts"/> over
/// <c>ReleaseMigrationScripts</c> items the way the targets do. The folder name has a space, as users' often do.
/// </summary>
public sealed class MigrationProject : IDisposable
{
    private readonly TempDirectory _directory = new("Orders Api");

    public string ProjectDirectory => _directory.FullPath;

    public string ProjectFile => _directory.Path("Orders.Api.csproj");

    public string ReportFile => _directory.Path("obj/Debug/release-migrations.json");

    public string StampFile => ReportFile + ".stamp";

    /// <summary>Writes a script (a harmless statement unless given content); returns its full path.</summary>
    public string Write(string relativePath, string content = "SELECT 1;\n") => _directory.WriteFile(relativePath, content);

    public string FullPath(string relativePath) => _directory.Path(relativePath);

    /// <summary>A <c>ReleaseMigrationScripts</c> item as a user writes it in the project file.</summary>
    public static ITaskItem Item(string include, string? convention = null, string? forwardPattern = null, string? rollbackPattern = null)
    {
        var item = new TaskItem(include);
        if (convention is not null)
        {
            item.SetMetadata("Convention", convention);
        }

        if (forwardPattern is not null)
        {
            item.SetMetadata("ForwardPattern", forwardPattern);
        }

        if (rollbackPattern is not null)
        {
            item.SetMetadata("RollbackPattern", rollbackPattern);
        }

        return item;
    }

    /// <summary>
    /// The file items MSBuild makes of a glob Include such as <c>db/**/*.sql</c> or <c>db/V*.sql</c>: one per
    /// matching file, with <c>RecursiveDir</c> set to the folders the <c>**</c> matched, and the same metadata.
    /// Like MSBuild, it follows folder links (so a link loop yields <c>loop/loop/…</c> aliases).
    /// </summary>
    public ITaskItem[] Glob(string include, string? convention = null)
    {
        var segments = include.Split('/');
        var recursive = Array.IndexOf(segments, "**");
        var root = string.Join("/", segments.Take(recursive < 0 ? segments.Length - 1 : recursive));
        var rootPath = _directory.Path(root);
        var option = recursive < 0 ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
        var enumeration = new EnumerationOptions { RecurseSubdirectories = recursive >= 0, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(rootPath, segments[^1], enumeration)
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var item = Item(Path.GetRelativePath(ProjectDirectory, file).Replace('\\', '/'), convention);
                var folder = Path.GetRelativePath(rootPath, Path.GetDirectoryName(file)!);
                item.SetMetadata("RecursiveDir", option == SearchOption.TopDirectoryOnly || folder == "." ? string.Empty : folder + Path.DirectorySeparatorChar);
                return item;
            })
            .ToArray();
    }

    public CheckRun Check(params ITaskItem[] scripts) => Check("Audit", scripts);

    public CheckRun Check(string mode, params ITaskItem[] scripts) => Check(mode, configure: null, scripts);

    /// <summary>Runs the task with more parameters set, as the targets pass them (output folders, for example).</summary>
    public CheckRun Check(Action<CheckMigrationScripts> configure, params ITaskItem[] scripts) => Check("Audit", configure, scripts);

    public CheckRun Check(string mode, Action<CheckMigrationScripts>? configure, params ITaskItem[] scripts)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckMigrationScripts
        {
            BuildEngine = engine,
            Mode = mode,
            ProjectFile = ProjectFile,
            ProjectDirectory = ProjectDirectory,
            ReportFile = ReportFile,
            Scripts = scripts,
        };
        configure?.Invoke(task);
        var succeeded = task.Execute();
        var report = File.Exists(ReportFile) ? File.ReadAllText(ReportFile) : string.Empty;
        return new CheckRun(this, task, engine, succeeded, report);
    }

    public string Relative(string? fullPath) =>
        fullPath is null ? "<none>" : Path.GetRelativePath(ProjectDirectory, fullPath).Replace('\\', '/');

    public void Dispose() => _directory.Dispose();
}

/// <summary>The outcome of one task run: what the user sees in the build output and the report written.</summary>
public sealed class CheckRun
{
    private readonly MigrationProject _project;

    public CheckRun(MigrationProject project, CheckMigrationScripts task, RecordingBuildEngine engine, bool succeeded, string report)
    {
        _project = project;
        Task = task;
        Engine = engine;
        Succeeded = succeeded;
        Report = report;
    }

    public CheckMigrationScripts Task { get; }

    public RecordingBuildEngine Engine { get; }

    public bool Succeeded { get; }

    /// <summary>The report file's text.</summary>
    public string Report { get; }

    /// <summary>Each warning and error as <c>RP1010 db/V3__x.sql(1): message</c>, paths relative to the project.</summary>
    public IReadOnlyList<string> Findings => Engine.Diagnostics
        .Where(d => d.Severity != DiagnosticSeverity.Message)
        .Select(d => $"{d.Code} {_project.Relative(d.File)}({d.Line}): {d.Message}")
        .ToList();

    /// <summary>Just the rule IDs of the warnings and errors, in order.</summary>
    public IReadOnlyList<string?> Codes => Engine.ErrorAndWarningCodes.ToList();

    public IReadOnlyList<JsonElement> Migrations
    {
        get
        {
            using var document = JsonDocument.Parse(Report);
            return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
    }

    public JsonElement Migration(string id) => Migrations.Single(m => m.GetProperty("id").GetString() == id);

    /// <summary><c>id:status</c> for every migration, in report order.</summary>
    public IReadOnlyList<string> Statuses =>
        Migrations.Select(m => m.GetProperty("id").GetString() + ":" + m.GetProperty("status").GetString()).ToList();

    public override string ToString() => Engine.ToString();
}
