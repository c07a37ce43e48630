using System;
using System.Collections.Generic;
using ReleasePolicy.Git;

namespace ReleasePolicy.Manifest;

/// <summary>
/// Where the released source came from, by precedence: what the project says (SourceLink and pack know best, e.g. in
/// CI checkouts) wins; git fills whatever it leaves out; the CI system names the branch when HEAD is detached.
/// Credentials are always removed from the URL. Where the project sits in the work tree always comes from git, since
/// only the checkout on disk knows it.
/// </summary>
public sealed class ReleaseRepository
{
    private ReleaseRepository(GitRepositoryInfo repository, string? ignoredCommit, IReadOnlyList<string> skippedGitFiles)
    {
        Repository = repository;
        IgnoredCommit = ignoredCommit;
        SkippedGitFiles = skippedGitFiles;
    }

    public GitRepositoryInfo Repository { get; }

    /// <summary>A given commit that was not a full object ID ("abc1234", "abc…+dirty") and so was read from git instead.</summary>
    public string? IgnoredCommit { get; }

    /// <summary>Git files that are not regular files (named pipes, devices): each means a commit or branch may be missing.</summary>
    public IReadOnlyList<string> SkippedGitFiles { get; }

    /// <param name="gitStart">Where git discovery starts (the project folder).</param>
    /// <param name="ciBranch">The branch the CI system names (<see cref="CiEnvironment.Branch"/>).</param>
    public static ReleaseRepository Resolve(string? url, string? commit, string? branch, string? gitStart, string? ciBranch)
    {
        url = Value(url);
        commit = Value(commit)?.ToLowerInvariant();
        branch = Value(branch);
        string? ignoredCommit = null;
        if (commit is not null && !GitFiles.IsObjectId(commit))
        {
            ignoredCommit = commit;
            commit = null;
        }

        IReadOnlyList<string> skipped = Array.Empty<string>();
        if (url is null || commit is null || branch is null)
        {
            var git = GitRepositoryInfo.Discover(gitStart);
            skipped = GitRepositoryInfo.SkippedFiles(gitStart);
            url ??= git.Url;
            commit ??= git.Commit;
            branch ??= git.Branch ?? Value(ciBranch);
        }

        // Read from the commit object only when the repository holds that commit (a CI may name one git does not have).
        var signature = commit is null ? null : CommitSignature.Read(gitStart, commit).Kind;
        var repository = new GitRepositoryInfo(
            url is null ? null : RepositoryUrl.RemoveCredentials(url), commit, branch, signature, GitRepositoryInfo.FindProjectPath(gitStart));
        return new ReleaseRepository(repository, ignoredCommit, skipped);
    }

    private static string? Value(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
