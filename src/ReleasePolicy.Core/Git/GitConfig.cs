using System;
using System.IO;
using System.Text;

namespace ReleasePolicy.Git;

/// <summary>
/// Reads one value from a git <c>config</c> file: enough of the INI dialect for <c>[remote "origin"] url = …</c>
/// (case-insensitive section and key names, quoted values, <c>#</c> and <c>;</c> comments, backslash escapes).
/// Includes and <c>insteadOf</c> rewrites are not followed.
/// </summary>
internal static class GitConfig
{
    public static string? ReadRemoteUrl(string commonDirectory, string remote)
    {
        var text = GitFiles.ReadAllText(Path.Combine(commonDirectory, "config"));
        if (text is null)
        {
            return null;
        }

        var inSection = false;
        string? url = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var end = line.IndexOf(']');
                inSection = end > 0 && IsRemoteSection(line.Substring(1, end - 1), remote);
                line = end > 0 ? line.Substring(end + 1).Trim() : string.Empty;
                if (line.Length == 0)
                {
                    continue;
                }
            }

            if (!inSection)
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0 || !string.Equals(line.Substring(0, equals).Trim(), "url", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Several url entries are legal (push to many); git fetches from the first.
            url ??= ParseValue(line.Substring(equals + 1));
        }

        return string.IsNullOrEmpty(url) ? null : url;
    }

    /// <summary>Matches <c>remote "origin"</c>; the subsection name is case-sensitive, the section name is not.</summary>
    private static bool IsRemoteSection(string header, string remote)
    {
        header = header.Trim();
        const string Section = "remote";
        if (header.Length <= Section.Length || !header.StartsWith(Section, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var subsection = header.Substring(Section.Length).Trim();
        return subsection.Length >= 2
            && subsection[0] == '"'
            && subsection[subsection.Length - 1] == '"'
            && string.Equals(subsection.Substring(1, subsection.Length - 2), remote, StringComparison.Ordinal);
    }

    private static string ParseValue(string raw)
    {
        var value = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\\' && i + 1 < raw.Length)
            {
                var next = raw[++i];
                value.Append(next switch { 'n' => '\n', 't' => '\t', 'b' => '\b', _ => next });
            }
            else if (!quoted && (c == '#' || c == ';'))
            {
                break;
            }
            else
            {
                value.Append(c);
            }
        }

        return value.ToString().Trim();
    }
}
