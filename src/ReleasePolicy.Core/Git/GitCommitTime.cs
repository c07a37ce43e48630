using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace ReleasePolicy.Git;

/// <summary>
/// When a commit was made: the committer line of its object ("committer Name &lt;mail&gt; 1700000000 +0100"), read
/// from the repository's own object database. Used for lead time (commit → build), so it is the committer time, the
/// moment the change was last rewritten, not the author time of its first draft.
/// </summary>
public static class GitCommitTime
{
    /// <returns>The committer time, or null when there is no repository, no such commit, or no readable committer line. Never throws.</returns>
    public static DateTimeOffset? Read(string? startDirectory, string commit)
    {
        try
        {
            var layout = GitDirectoryLayout.Find(startDirectory);
            var commitObject = layout is null ? null : GitObjectDatabase.For(layout).Read(commit);
            return commitObject?.Type == "commit" ? Parse(commitObject.Content) : null;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            return null;
        }
    }

    internal static DateTimeOffset? Parse(byte[] commitContent)
    {
        foreach (var line in Encoding.UTF8.GetString(commitContent).Split('\n'))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (!line.StartsWith("committer ", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Substring(line.LastIndexOf('>') + 1).Trim().Split(' ');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && parts[1].Length == 5
                && int.TryParse(parts[1].Substring(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                && int.TryParse(parts[1].Substring(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            {
                var offset = new TimeSpan(hours, minutes, 0);
                return DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(parts[1][0] == '-' ? -offset : offset);
            }

            return null;
        }

        return null;
    }
}
