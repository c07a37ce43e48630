using System;
using System.IO;

namespace ReleasePolicy.Git;

/// <summary>Resolves HEAD to a branch and a commit from loose ref files and <c>packed-refs</c>.</summary>
internal static class GitReferences
{
    private const string SymbolicPrefix = "ref:";
    private const string BranchPrefix = "refs/heads/";

    // A symbolic ref pointing at another symbolic ref is legal; a loop is not, so give up after a few hops.
    private const int MaxSymbolicDepth = 5;

    public readonly struct Head
    {
        public Head(string? branch, string? commit)
        {
            Branch = branch;
            Commit = commit;
        }

        public string? Branch { get; }

        public string? Commit { get; }
    }

    public static Head ReadHead(GitDirectoryLayout layout)
    {
        var head = GitFiles.ReadFirstLine(Path.Combine(layout.GitDirectory, "HEAD"))?.Trim();
        if (string.IsNullOrEmpty(head))
        {
            return default;
        }

        if (!head!.StartsWith(SymbolicPrefix, StringComparison.Ordinal))
        {
            // Detached HEAD: the file holds the commit itself.
            return new Head(branch: null, commit: NormalizeObjectId(head));
        }

        var reference = head.Substring(SymbolicPrefix.Length).Trim();
        return new Head(BranchName(reference), Resolve(layout, reference, MaxSymbolicDepth));
    }

    private static string? BranchName(string reference)
    {
        if (!reference.StartsWith(BranchPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = reference.Substring(BranchPrefix.Length);

        // Repositories using the reftable backend keep a placeholder HEAD ("refs/heads/.invalid") we cannot read past.
        return name.Length == 0 || name == ".invalid" ? null : name;
    }

    private static string? Resolve(GitDirectoryLayout layout, string reference, int depth)
    {
        if (depth == 0 || !IsSafeReferenceName(reference))
        {
            return null;
        }

        // Branches live in the common directory; per-worktree refs (bisect, worktree-local) in the git directory.
        var value = GitFiles.ReadFirstLine(Path.Combine(layout.CommonDirectory, reference))?.Trim()
            ?? GitFiles.ReadFirstLine(Path.Combine(layout.GitDirectory, reference))?.Trim();
        if (!string.IsNullOrEmpty(value))
        {
            return value!.StartsWith(SymbolicPrefix, StringComparison.Ordinal)
                ? Resolve(layout, value.Substring(SymbolicPrefix.Length).Trim(), depth - 1)
                : NormalizeObjectId(value);
        }

        return FindPackedReference(Path.Combine(layout.CommonDirectory, "packed-refs"), reference);
    }

    /// <summary>
    /// <c>packed-refs</c> is "&lt;id&gt; &lt;refname&gt;" per line, after an optional "# pack-refs with:" header;
    /// lines starting with '^' carry the peeled target of the annotated tag above them.
    /// </summary>
    private static string? FindPackedReference(string packedRefsPath, string reference)
    {
        var text = GitFiles.ReadAllText(packedRefsPath);
        if (text is null)
        {
            return null;
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || line[0] == '^')
            {
                continue;
            }

            var space = line.IndexOf(' ');
            if (space > 0 && string.Equals(line.Substring(space + 1).Trim(), reference, StringComparison.Ordinal))
            {
                return NormalizeObjectId(line.Substring(0, space));
            }
        }

        return null;
    }

    private static string? NormalizeObjectId(string value) =>
        GitFiles.IsObjectId(value) ? value.ToLowerInvariant() : null;

    /// <summary>Only follow names under refs/ without ".." so an odd HEAD cannot send us reading arbitrary files.</summary>
    private static bool IsSafeReferenceName(string reference) =>
        reference.StartsWith("refs/", StringComparison.Ordinal)
        && reference.IndexOf("..", StringComparison.Ordinal) < 0
        && reference.IndexOf('\\') < 0
        && reference.IndexOf(':') < 0;
}
