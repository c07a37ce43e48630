using System;
using System.IO;

namespace ReleasePolicy.Git;

/// <summary>
/// The two directories git splits a repository into. In a plain clone both are <c>.git</c>. In a linked worktree
/// (or a submodule) <c>.git</c> is a file saying <c>gitdir: &lt;path&gt;</c>; that directory holds the worktree's own
/// HEAD, and its <c>commondir</c> file points at the shared directory that holds branches, packed-refs and config.
/// </summary>
internal sealed class GitDirectoryLayout
{
    private GitDirectoryLayout(string workTree, string gitDirectory, string commonDirectory)
    {
        WorkTree = workTree;
        GitDirectory = gitDirectory;
        CommonDirectory = commonDirectory;
    }

    /// <summary>The checked-out folder: the one holding <c>.git</c>, the root the repository's paths start from.</summary>
    public string WorkTree { get; }

    /// <summary>Per-worktree state: HEAD.</summary>
    public string GitDirectory { get; }

    /// <summary>Shared state: refs/heads, packed-refs, config.</summary>
    public string CommonDirectory { get; }

    public static GitDirectoryLayout? Find(string? startDirectory)
    {
        if (string.IsNullOrWhiteSpace(startDirectory))
        {
            return null;
        }

        var directory = new DirectoryInfo(Path.GetFullPath(startDirectory));
        while (directory is not null)
        {
            var dotGit = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return FromGitDirectory(directory.FullName, dotGit);
            }

            if (File.Exists(dotGit))
            {
                // A .git file we cannot follow means "a repository, but unreadable": stop rather than report a parent's.
                var target = ReadGitFile(dotGit, directory.FullName);
                return target is null ? null : FromGitDirectory(directory.FullName, target);
            }

            directory = directory.Parent;
        }

        return null;
    }

    private static string? ReadGitFile(string dotGitFile, string workingDirectory)
    {
        const string Prefix = "gitdir:";
        var content = GitFiles.ReadFirstLine(dotGitFile);
        if (content is null || !content.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var target = content.Substring(Prefix.Length).Trim();
        if (target.Length == 0)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(workingDirectory, target));
        return Directory.Exists(full) ? full : null;
    }

    private static GitDirectoryLayout? FromGitDirectory(string workTree, string gitDirectory)
    {
        if (!File.Exists(Path.Combine(gitDirectory, "HEAD")))
        {
            return null;
        }

        var common = gitDirectory;
        var commonDir = GitFiles.ReadFirstLine(Path.Combine(gitDirectory, "commondir"));
        if (!string.IsNullOrWhiteSpace(commonDir))
        {
            var resolved = Path.GetFullPath(Path.Combine(gitDirectory, commonDir!.Trim()));
            if (Directory.Exists(resolved))
            {
                common = resolved;
            }
        }

        return new GitDirectoryLayout(workTree, gitDirectory, common);
    }
}
