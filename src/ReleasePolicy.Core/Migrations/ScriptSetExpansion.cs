using System;
using System.Collections.Generic;
using System.IO;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;

namespace ReleasePolicy.Migrations;

/// <summary>What <see cref="ScriptSetExpansion"/> made of the items: the sets to pair, input errors, and every file.</summary>
public sealed class ExpandedScriptSets
{
    internal ExpandedScriptSets(List<MigrationScriptSet> sets, List<PolicyFinding> findings, List<string> scannedFiles, List<string> notes)
    {
        Sets = sets;
        Findings = findings;
        ScannedFiles = scannedFiles;
        Notes = notes;
    }

    public IReadOnlyList<MigrationScriptSet> Sets { get; }

    /// <summary>RP9002 for items that name nothing or cannot be listed; RP9001 for invalid <c>ScriptExtensions</c>.</summary>
    public IReadOnlyList<PolicyFinding> Findings { get; }

    /// <summary>Full paths of every file put into a set, in ordinal order (the check's inputs).</summary>
    public IReadOnlyList<string> ScannedFiles { get; }

    /// <summary>
    /// Build messages at normal importance: a folder (or the root of file items) that holds no script with the
    /// extensions it looked for, so that nothing is skipped without a word.
    /// </summary>
    public IReadOnlyList<string> Notes { get; }
}

/// <summary>
/// Turns <c>ReleaseMigrationScripts</c> items into script sets, one per root, each with its own convention:
/// <list type="bullet">
/// <item>a folder item is a set of every script (a file with one of its <see cref="ScriptExtensions"/>) and
/// <c>sqitch.plan</c> below it (<see cref="ScriptFolderWalk"/>);</item>
/// <item>file items (written by hand, or expanded from a glob) are grouped by root and metadata, the root being a
/// glob's folder before its <c>**</c> (from <c>%(RecursiveDir)</c>) or, for a file written by hand, its folder; so
/// metadata-less globs over a golang-migrate folder and a Flyway folder stay two sets;</item>
/// <item>a group holding a <c>sqitch.plan</c> takes in the groups nested with the plan's folder, because sqitch's
/// <c>deploy/</c> and <c>revert/</c> belong to the plan beside them.</item>
/// </list>
/// Files below <see cref="BuildOutputFolders"/> are left out, and a file reached twice (two items, or a folder seen
/// through a symbolic link) belongs to the first item that reached it. Linear in the number of files: every folder is
/// resolved once, every file costs a few dictionary look-ups.
/// </summary>
public static class ScriptSetExpansion
{
    public static ExpandedScriptSets Expand(
        IEnumerable<MigrationScriptItem> items, string projectDirectory, BuildOutputFolders? outputFolders = null) =>
        new Expansion(projectDirectory, outputFolders ?? new BuildOutputFolders(projectDirectory)).Run(items);

    private sealed class Expansion
    {
        private readonly string _projectDirectory;
        private readonly BuildOutputFolders _skipped;
        private readonly ProjectPath _paths;
        private readonly RealDirectories _real = new();
        private readonly HashSet<string> _claimed = new(PathComparer.Instance);
        private readonly Dictionary<string, bool> _insideSkipped = new(PathComparer.Instance);
        private readonly List<string> _scanned = new();
        private readonly List<MigrationScriptSet> _sets = new();
        private readonly List<PolicyFinding> _findings = new();
        private readonly List<string> _notes = new();
        private readonly Dictionary<string, ScriptExtensions?> _extensions = new(StringComparer.Ordinal);
        private readonly HashSet<string> _invalidExtensions = new(StringComparer.Ordinal);

        public Expansion(string projectDirectory, BuildOutputFolders skipped)
        {
            _projectDirectory = projectDirectory;
            _skipped = skipped;
            _paths = new ProjectPath(projectDirectory);
        }

        public ExpandedScriptSets Run(IEnumerable<MigrationScriptItem> items)
        {
            var groups = new Dictionary<string, FileGroup>(PathComparer.Instance);
            var groupOrder = new List<FileGroup>();
            var fileRoots = new Dictionary<string, FileRoot>(PathComparer.Instance);
            var invalidForwardOnly = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                // Once per item as written (a glob's files share it): ForwardOnly="true" says nothing a reviewer can check.
                if (string.Equals(item.ForwardOnly, "true", StringComparison.OrdinalIgnoreCase) && invalidForwardOnly.Add(item.Include + "\n" + item.RecursiveDir.Length))
                {
                    _findings.Add(MigrationFindings.ForwardOnlyMetadataWithoutReason(item.Include));
                }

                var path = FullPath(item);
                if (path is null)
                {
                    continue;
                }

                if (Directory.Exists(path))
                {
                    var extensions = Extensions(item, path);
                    var seen = false;
                    var files = extensions is null ? null : Folder(item, path, extensions, out seen);
                    if (files is not null)
                    {
                        var name = DisplayName(item.Include);
                        if (!seen)
                        {
                            _notes.Add(MigrationFindings.NoScript(name, extensions!));
                        }

                        _sets.Add(Set(name, files, item, extensions!));
                    }
                }
                else if (File.Exists(path))
                {
                    AddFile(item, path, groups, groupOrder, fileRoots);
                }
                else
                {
                    _findings.Add(MissingItem(item, path));
                }
            }

            foreach (var group in SqitchRoots.Merge(groupOrder))
            {
                _sets.Add(Set(RootName(group.Root), group.Files, group.First, group.Extensions));
            }

            // File items of a root none of which is a script: a glob such as db/**/* over .txt files.
            foreach (var root in fileRoots.Values)
            {
                if (!root.HasScript)
                {
                    _notes.Add(MigrationFindings.NoScript(RootName(root.Path), root.Extensions));
                }
            }

            _scanned.Sort(StringComparer.Ordinal);
            return new ExpandedScriptSets(_sets, _findings, _scanned, _notes);
        }

        private void AddFile(
            MigrationScriptItem item,
            string path,
            Dictionary<string, FileGroup> groups,
            List<FileGroup> order,
            Dictionary<string, FileRoot> roots)
        {
            var directory = Path.GetDirectoryName(path)!;
            var root = GlobRoot(directory, item.RecursiveDir);
            var extensions = Extensions(item, root);
            if (extensions is null)
            {
                return;
            }

            var key = root + "\n" + item.MetadataKey;
            if (!roots.TryGetValue(key, out var fileRoot))
            {
                fileRoot = new FileRoot(root, extensions);
                roots.Add(key, fileRoot);
            }

            var fileName = Path.GetFileName(path);
            if (!ScriptFolderWalk.IsScript(fileName, extensions))
            {
                return;
            }

            fileRoot.HasScript = true;
            if (BelowSkippedFolder(directory, root) || !Claim(path, _real.Resolve(directory)))
            {
                return;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                group = new FileGroup(root, item, extensions);
                groups.Add(key, group);
                order.Add(group);
            }

            group.Add(path, fileName);
        }

        // The item's ScriptExtensions, or null after reporting an invalid value (once per value and folder or glob root).
        private ScriptExtensions? Extensions(MigrationScriptItem item, string root)
        {
            var value = item.ScriptExtensions ?? string.Empty;
            if (!_extensions.TryGetValue(value, out var extensions))
            {
                extensions = ScriptExtensions.Parse(value, out _);
                _extensions.Add(value, extensions);
            }

            if (extensions is null && _invalidExtensions.Add(root + "\n" + value))
            {
                ScriptExtensions.Parse(value, out var invalid);
                _findings.Add(MigrationFindings.InvalidScriptExtensions(item.Include, value, invalid!));
            }

            return extensions;
        }

        // The folder's scripts not claimed before; anyScript also counts those claimed by an earlier item.
        private List<string>? Folder(MigrationScriptItem item, string folder, ScriptExtensions extensions, out bool anyScript)
        {
            var files = new List<string>();
            var any = false;
            anyScript = false;
            try
            {
                ScriptFolderWalk.Walk(folder, extensions, _skipped, _real, (file, realDirectory) =>
                {
                    any = true;
                    if (Claim(file, realDirectory))
                    {
                        files.Add(file);
                    }
                });
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                _findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    $"Cannot list the migration scripts in ReleaseMigrationScripts folder '{item.Include}': {ex.Message}"));
                return null;
            }

            anyScript = any;
            return files;
        }

        private bool Claim(string path, string realDirectory)
        {
            if (!_claimed.Add(realDirectory + Path.DirectorySeparatorChar + Path.GetFileName(path)))
            {
                return false;
            }

            _scanned.Add(path);
            return true;
        }

        // The glob's folder before its '**': the file's folder without the part %(RecursiveDir) says the '**' matched.
        private static string GlobRoot(string directory, string recursiveDir)
        {
            var matched = recursiveDir.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar)
                .TrimEnd(Path.DirectorySeparatorChar);
            if (matched.Length > 0
                && directory.Length > matched.Length
                && directory.EndsWith(Path.DirectorySeparatorChar + matched, PathComparer.Comparison))
            {
                return directory.Substring(0, directory.Length - matched.Length - 1);
            }

            return directory;
        }

        // Whether a folder between the item's root (exclusive) and the file is a build output folder; cached per folder.
        private bool BelowSkippedFolder(string directory, string root)
        {
            if (directory.Length <= root.Length)
            {
                return false;
            }

            var key = root + "\n" + directory;
            if (!_insideSkipped.TryGetValue(key, out var inside))
            {
                inside = _skipped.Contains(directory) || BelowSkippedFolder(Path.GetDirectoryName(directory) ?? root, root);
                _insideSkipped[key] = inside;
            }

            return inside;
        }

        private string? FullPath(MigrationScriptItem item)
        {
            try
            {
                return Path.GetFullPath(Path.Combine(_projectDirectory, item.Include));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                _findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    $"ReleaseMigrationScripts item '{Printable(item.Include)}' is not a usable path: {ex.Message} Fix the path, or remove the item."));
                return null;
            }
        }

        private static PolicyFinding MissingItem(MigrationScriptItem item, string path) => new(
            RuleIds.UnreadableInput,
            FindingKind.InputError,
            $"ReleaseMigrationScripts item '{item.Include}' names a folder or file that does not exist ('{path}'). " +
            "Fix the path, or remove the item.");

        private static MigrationScriptSet Set(string name, List<string> files, MigrationScriptItem metadata, ScriptExtensions extensions) =>
            new(name, files, metadata.Convention, metadata.ForwardPattern, metadata.RollbackPattern, extensions, ForwardOnlyReason(metadata));

        /// <summary><c>false</c> means none; <c>true</c> is not a reason and was reported (RP9001) by <see cref="InvalidForwardOnly"/>.</summary>
        private static string? ForwardOnlyReason(MigrationScriptItem item) =>
            item.ForwardOnly is null || IsBoolean(item.ForwardOnly) ? null : item.ForwardOnly;

        private static bool IsBoolean(string value) =>
            string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

        private string RootName(string root)
        {
            var relative = _paths.Relative(root);
            return relative.Length == 0 ? "." : DisplayName(relative);
        }

        private static string DisplayName(string include)
        {
            var name = include.Replace('\\', '/').TrimEnd('/');
            return name.Length == 0 ? "." : name;
        }

        private static string Printable(string value) => value.Replace("\0", "\\0");

        /// <summary>The glob root (or folder) of file items with equal metadata, and whether any of them is a script.</summary>
        private sealed class FileRoot
        {
            public FileRoot(string path, ScriptExtensions extensions)
            {
                Path = path;
                Extensions = extensions;
            }

            public string Path { get; }

            public ScriptExtensions Extensions { get; }

            public bool HasScript { get; set; }
        }
    }
}
