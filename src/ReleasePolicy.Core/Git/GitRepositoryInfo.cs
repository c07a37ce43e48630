using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;

using ReleasePolicy.IO;

namespace ReleasePolicy.Git;

/// <summary>
/// Where the code being released came from: remote URL, commit and branch, read straight from the files under
/// <c>.git</c> (no git process, no libgit2). Every field is optional; anything unknown or unreadable is <c>null</c>,
/// because a missing repository is normal (source tarballs, some CI checkouts) and must never fail a build.
/// </summary>
public sealed class GitRepositoryInfo
{
    public static readonly GitRepositoryInfo None = new(url: null, commit: null, branch: null);

    public GitRepositoryInfo(string? url, string? commit, string? branch, string? commitSignature = null, string? projectPath = null)
    {
        Url = url;
        Commit = commit;
        Branch = branch;
        CommitSignature = commitSignature;
        ProjectPath = projectPath;
    }

    /// <summary><c>remote.origin.url</c> with any credentials removed.</summary>
    public string? Url { get; }

    /// <summary>The full lowercase object ID HEAD points at; <c>null</c> on an unborn branch.</summary>
    public string? Commit { get; }

    /// <summary>The checked-out branch (<c>main</c>, <c>feature/x</c>); <c>null</c> when HEAD is detached.</summary>
    public string? Branch { get; }

    /// <summary>
    /// The kind of signature the commit object carries (<see cref="Git.CommitSignature"/>: pgp, ssh, x509, unknown,
    /// none); <c>null</c> when the commit could not be read. Presence and format, not a verified signature.
    /// </summary>
    public string? CommitSignature { get; }

    /// <summary>
    /// Where the project sits in the repository: its folder relative to the work tree's root, <c>/</c>-separated,
    /// <c>.</c> at the root; null when the project was not built inside a git work tree. When it is known the
    /// manifest's findings are relative to the repository root; otherwise to the project (see docs/manifest.md).
    /// </summary>
    public string? ProjectPath { get; }

    /// <summary>
    /// Finds the repository containing <paramref name="startDirectory"/> (walking up to a <c>.git</c> folder, or a
    /// <c>.git</c> file as in worktrees and submodules) and reads it. Never throws.
    /// </summary>
    public static GitRepositoryInfo Discover(string? startDirectory)
    {
        try
        {
            var layout = GitDirectoryLayout.Find(startDirectory);
            return layout is null ? None : Read(layout);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            return None;
        }
    }

    /// <summary>
    /// <paramref name="projectDirectory"/> relative to the root of the work tree that contains it (<c>.</c> when it is
    /// the root; a linked worktree or a submodule is its own root), or null outside a repository. Never throws.
    /// </summary>
    public static string? FindProjectPath(string? projectDirectory)
    {
        try
        {
            if (GitDirectoryLayout.Find(projectDirectory) is not { } layout)
            {
                return null;
            }

            var relative = new IO.ProjectPath(layout.WorkTree).Relative(Path.GetFullPath(projectDirectory!).TrimEnd('/', '\\'));
            return relative.Length == 0 ? "." : relative;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The git files <see cref="Discover"/> would read but skipped because they are not regular files (a named pipe,
    /// device or socket, which would block the build if read): each means the commit or branch is missing for a
    /// reason the user must hear about.
    /// </summary>
    public static IReadOnlyList<string> SkippedFiles(string? startDirectory) =>
        StateCandidates(startDirectory).Where(path => File.Exists(path) && !RegularFile.Is(path)).ToList();

    /// <summary>
    /// The files whose change can change what <see cref="Discover"/> returns: HEAD and its reflog, the config, the
    /// packed refs and the current branch's own ref file, those that exist. A build lists them as the manifest's
    /// inputs so that a commit, a checkout or a new remote makes the manifest out of date, and nothing else does.
    /// </summary>
    public static IReadOnlyList<string> StateFiles(string? startDirectory)
    {
        var files = new List<string>();
        files.AddRange(StateCandidates(startDirectory).Where(File.Exists));
        return files;
    }

    private static IEnumerable<string> StateCandidates(string? startDirectory)
    {
        var candidates = new List<string>();
        try
        {
            if (GitDirectoryLayout.Find(startDirectory) is not { } layout)
            {
                return candidates;
            }

            var head = Path.Combine(layout.GitDirectory, "HEAD");
            candidates.Add(head);
            candidates.Add(Path.Combine(layout.GitDirectory, "logs", "HEAD"));
            candidates.Add(Path.Combine(layout.CommonDirectory, "packed-refs"));
            candidates.Add(Path.Combine(layout.CommonDirectory, "config"));
            if (GitFiles.ReadFirstLine(head)?.Trim() is { } symbolic && symbolic.StartsWith("ref: refs/", StringComparison.Ordinal))
            {
                candidates.Add(Path.Combine(layout.CommonDirectory, symbolic.Substring("ref: ".Length).Replace('/', Path.DirectorySeparatorChar)));
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            // No list means no git input: the manifest target then runs when its other inputs change.
        }

        return candidates;
    }

    private static GitRepositoryInfo Read(GitDirectoryLayout layout)
    {
        var head = GitReferences.ReadHead(layout);
        var url = GitConfig.ReadRemoteUrl(layout.CommonDirectory, "origin");
        return new GitRepositoryInfo(
            url is null ? null : RepositoryUrl.RemoveCredentials(url),
            head.Commit,
            head.Branch);
    }
}
