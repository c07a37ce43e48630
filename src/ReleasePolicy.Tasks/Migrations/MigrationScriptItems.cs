using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Turns <c>ReleaseMigrationScripts</c> items into script sets. A folder item is one set: every <c>*.sql</c> and
/// <c>sqitch.plan</c> under it. File items (MSBuild has already expanded globs into them) that share
/// <c>Convention</c>, <c>ForwardPattern</c> and <c>RollbackPattern</c> form one set, since a glob leaves no trace of
/// which Include produced a file. A file named by two items belongs to the first.
/// </summary>
internal sealed class MigrationScriptItems
{
    private static readonly StringComparer PathComparer =
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly string _projectDirectory;
    private readonly HashSet<string> _seen = new(PathComparer);
    private readonly List<string> _scanned = new();

    public MigrationScriptItems(string projectDirectory)
    {
        _projectDirectory = projectDirectory;
    }

    public List<MigrationScriptSet> Sets { get; } = new();

    public List<PolicyFinding> Findings { get; } = new();

    /// <summary>Full paths of every file put into a set, in ordinal order.</summary>
    public IReadOnlyList<string> ScannedFiles
    {
        get
        {
            _scanned.Sort(StringComparer.Ordinal);
            return _scanned;
        }
    }

    public void Add(IEnumerable<ITaskItem> items)
    {
        var fileGroups = new Dictionary<string, (ITaskItem First, List<string> Files)>(StringComparer.Ordinal);
        var fileGroupOrder = new List<string>();
        foreach (var item in items)
        {
            var path = Path.GetFullPath(Path.Combine(_projectDirectory, item.ItemSpec));
            if (Directory.Exists(path))
            {
                var files = Folder(item, path);
                if (files is not null)
                {
                    Sets.Add(Set(DisplayName(item.ItemSpec), files, item));
                }
            }
            else if (File.Exists(path))
            {
                if (!IsScript(Path.GetFileName(path)) || !Claim(path))
                {
                    continue;
                }

                var key = Metadata(item, "Convention") + "\n" + Metadata(item, "ForwardPattern") + "\n" + Metadata(item, "RollbackPattern");
                if (!fileGroups.TryGetValue(key, out var group))
                {
                    group = (item, new List<string>());
                    fileGroups.Add(key, group);
                    fileGroupOrder.Add(key);
                }

                group.Files.Add(path);
            }
            else
            {
                Findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    $"ReleaseMigrationScripts item '{item.ItemSpec}' names a folder or file that does not exist ('{path}'). " +
                    "Fix the path, or remove the item."));
            }
        }

        foreach (var key in fileGroupOrder)
        {
            var group = fileGroups[key];
            Sets.Add(Set(CommonFolder(group.Files), group.Files, group.First));
        }
    }

    private List<string>? Folder(ITaskItem item, string folder)
    {
        var files = new List<string>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (IsScript(Path.GetFileName(file)) && Claim(file))
                {
                    files.Add(file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            Findings.Add(new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"Cannot list the migration scripts in ReleaseMigrationScripts folder '{item.ItemSpec}': {ex.Message}"));
            return null;
        }

        return files;
    }

    private bool Claim(string path)
    {
        if (!_seen.Add(path))
        {
            return false;
        }

        _scanned.Add(path);
        return true;
    }

    private static MigrationScriptSet Set(string name, List<string> files, ITaskItem metadata) => new(
        name,
        files,
        Metadata(metadata, "Convention"),
        Metadata(metadata, "ForwardPattern"),
        Metadata(metadata, "RollbackPattern"));

    private static string Metadata(ITaskItem item, string name) => item.GetMetadata(name) ?? string.Empty;

    private static bool IsScript(string fileName) =>
        fileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(fileName, "sqitch.plan", StringComparison.OrdinalIgnoreCase);

    private static string DisplayName(string itemSpec)
    {
        var name = itemSpec.Replace('\\', '/').TrimEnd('/');
        return name.Length == 0 ? "." : name;
    }

    // A group of file items is named by the folder all its files share, as the user would recognise it.
    private string CommonFolder(List<string> files)
    {
        var common = Path.GetDirectoryName(files[0]) ?? string.Empty;
        foreach (var file in files)
        {
            while (common.Length > 0 && !file.StartsWith(common + Path.DirectorySeparatorChar, Comparison))
            {
                common = Path.GetDirectoryName(common) ?? string.Empty;
            }
        }

        var project = Path.GetFullPath(_projectDirectory).TrimEnd('/', '\\');
        if (string.Equals(common, project, Comparison) || common.Length == 0)
        {
            return ".";
        }

        return common.StartsWith(project + Path.DirectorySeparatorChar, Comparison)
            ? DisplayName(common.Substring(project.Length + 1))
            : DisplayName(common);
    }

    private static StringComparison Comparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
