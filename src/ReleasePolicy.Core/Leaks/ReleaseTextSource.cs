using System;
using System.Collections.Generic;
using System.IO;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;

namespace ReleasePolicy.Leaks;

/// <summary>What a scanned text is to the user: release notes, or a configuration file that ships with the release.</summary>
public enum ReleaseTextKind
{
    ReleaseNotes,
    Configuration,
}

/// <summary>One file RP3010 reads: where it is, how messages name it, and what it is.</summary>
public sealed class ReleaseTextSource
{
    public ReleaseTextSource(string fullPath, string shownPath, ReleaseTextKind kind)
    {
        FullPath = fullPath;
        ShownPath = shownPath;
        Kind = kind;
    }

    public string FullPath { get; }

    /// <summary>Relative to the project, with '/' (<c>../CHANGELOG.md</c> at the repository root).</summary>
    public string ShownPath { get; }

    public ReleaseTextKind Kind { get; }

    public string Describe() => (Kind == ReleaseTextKind.ReleaseNotes ? "Release notes '" : "Shipped configuration file '") + ShownPath + "'";
}

/// <summary>A configuration file candidate as MSBuild lists it: its path and whether it is copied to the output or publish folder.</summary>
public sealed class ConfigurationFileItem
{
    public ConfigurationFileItem(string path, string copyToOutputDirectory, string copyToPublishDirectory)
    {
        Path = path;
        CopyToOutputDirectory = copyToOutputDirectory;
        CopyToPublishDirectory = copyToPublishDirectory;
    }

    public string Path { get; }

    public string CopyToOutputDirectory { get; }

    public string CopyToPublishDirectory { get; }
}

/// <summary>
/// Which files RP3010 reads: the <c>ReleaseNotes</c> items; <c>CHANGELOG.md</c>, <c>RELEASE-NOTES.md</c> and
/// <c>RELEASENOTES.md</c> beside the project and at the repository root (the folder holding <c>.git</c>); and the
/// <c>appsettings.json</c> / <c>appsettings.&lt;Environment&gt;.json</c> files copied to the output or publish folder,
/// except <c>appsettings.Development.json</c>, which only a developer's machine reads.
/// </summary>
public static class ReleaseTextSources
{
    private static readonly string[] ConventionalNames = { "CHANGELOG.md", "RELEASE-NOTES.md", "RELEASENOTES.md" };

    /// <summary>
    /// Every conventional release-notes path looked at, present or not, so the build can notice when one appears (a
    /// new CHANGELOG.md at the repository root is a new input, though no input list named it before).
    /// </summary>
    public static IReadOnlyList<string> ConventionalCandidates(string projectDirectory)
    {
        var candidates = new List<string>();
        foreach (var directory in ConventionalFolders(projectDirectory))
        {
            foreach (var name in ConventionalNames)
            {
                candidates.Add(Path.GetFullPath(Path.Combine(directory, name)));
            }
        }

        return candidates;
    }

    public static IReadOnlyList<ReleaseTextSource> Find(
        string projectDirectory,
        IEnumerable<string> releaseNotesItems,
        IEnumerable<ConfigurationFileItem> configurationItems,
        List<PolicyFinding> findings,
        string? projectFile)
    {
        var paths = new ProjectPath(projectDirectory);
        var seen = new HashSet<string>(PathComparer.Instance);
        var sources = new List<ReleaseTextSource>();

        void Add(string fullPath, ReleaseTextKind kind)
        {
            if (seen.Add(fullPath))
            {
                sources.Add(new ReleaseTextSource(fullPath, paths.Relative(fullPath), kind));
            }
        }

        foreach (var item in releaseNotesItems)
        {
            var full = Path.GetFullPath(Path.Combine(projectDirectory, item));
            if (File.Exists(full))
            {
                Add(full, ReleaseTextKind.ReleaseNotes);
            }
            else
            {
                findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    Directory.Exists(full)
                        ? $"ReleaseNotes item '{item}' is a folder ('{full}'), not a file, so it is not checked for internal identifiers. List the files in it (Include=\"{item.TrimEnd('/', '\\')}/*.md\"), or remove the item."
                        : $"ReleaseNotes item '{item}' is not a file ('{full}' does not exist), so it is not checked for internal identifiers. Fix its Include path, or remove the item.",
                    full));
            }
        }

        foreach (var directory in ConventionalFolders(projectDirectory))
        {
            foreach (var name in ConventionalNames)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    Add(Path.GetFullPath(candidate), ReleaseTextKind.ReleaseNotes);
                }
                else if (Directory.Exists(candidate) && seen.Add(Path.GetFullPath(candidate)))
                {
                    // Something is there under the conventional name, but it is no file: say it is not read.
                    findings.Add(new PolicyFinding(
                        RuleIds.UnreadableInput,
                        FindingKind.Warning,
                        $"'{Path.GetFullPath(candidate)}' is a folder, not a file, so it is not checked for internal identifiers (RP3010) as release notes. " +
                        $"List the release-notes files in it as ReleaseNotes items (Include=\"{paths.Relative(Path.GetFullPath(candidate))}/*.md\"), or rename the folder.",
                        Path.GetFullPath(candidate)));
                }
            }
        }

        foreach (var item in configurationItems)
        {
            if (IsShippedSettingsFile(item))
            {
                var full = Path.GetFullPath(Path.Combine(projectDirectory, item.Path));
                if (File.Exists(full))
                {
                    Add(full, ReleaseTextKind.Configuration);
                }
            }
        }

        return sources;
    }

    /// <summary><c>appsettings.json</c> or <c>appsettings.&lt;Env&gt;.json</c> (not Development), copied to the output or publish folder.</summary>
    public static bool IsShippedSettingsFile(ConfigurationFileItem item)
    {
        var name = Path.GetFileName(item.Path);
        if (!name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var middle = name.Substring("appsettings".Length, name.Length - "appsettings".Length - ".json".Length);
        if (!(middle.Length == 0 || (middle[0] == '.' && middle.Length > 1)) || middle.Equals(".Development", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return IsCopied(item.CopyToOutputDirectory) || IsCopied(item.CopyToPublishDirectory);
    }

    private static bool IsCopied(string value) => value.Length > 0 && !value.Equals("Never", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> ConventionalFolders(string projectDirectory)
    {
        yield return projectDirectory;
        for (var directory = new DirectoryInfo(projectDirectory).Parent; directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                yield return directory.FullName;
                yield break;
            }
        }
    }
}
