using System;

namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// Traces of where the software was built or debugged: developer and build-agent paths (<c>C:\Users\…</c>,
/// <c>/home/…</c>, <c>/Users/…</c>, <c>D:\a\1\s</c>, <c>/builds/…</c>, agent work folders), stack-trace text (a line
/// starting <c>at Namespace.Type.Method(</c>, a <c>File.cs:line 42</c>) and <c>localhost:port</c>.
/// (<c>http://localhost</c> and loopback URLs are found by <see cref="Urls"/>.)
/// </summary>
static class DebugReferences
{
    // Folders directly under a Windows drive: user profiles and the hosted/self-hosted build agents' work folders.
    private static readonly string[] WindowsRoots = { "Users", "a", "agent", "_work", "BuildAgent", "Jenkins", "actions-runner" };

    // Unix roots; the user-profile ones need a further segment, so a route such as "/home/index" is not a path.
    private static readonly string[] UnixRoots = { "/home/", "/Users/", "/builds/", "/var/lib/jenkins/", "/__w/", "/mnt/vss/_work/", "/opt/buildagent/work/", "/agent/_work/" };

    private static readonly char[] LineBreaks = { '\r', '\n' };

    public static void Find(LeakScan scan)
    {
        FindStackTraces(scan);
        FindWindowsPaths(scan);
        FindUnixPaths(scan);
        FindLocalhost(scan);
    }

    private static void FindStackTraces(LeakScan scan)
    {
        var text = scan.Text;

        // "   at Contoso.Orders.OrderService.Place(Order order)": a frame line, as Exception.ToString() writes it.
        var i = 0;
        while (i < text.Length && (i = text.IndexOf("at ", i, StringComparison.Ordinal)) >= 0)
        {
            var lineStart = i;
            while (lineStart > 0 && (text[lineStart - 1] == ' ' || text[lineStart - 1] == '\t'))
            {
                lineStart--;
            }

            var next = i + 3;
            if ((lineStart == 0 || text[lineStart - 1] == '\n' || text[lineStart - 1] == '\r') && !scan.IsClaimed(i))
            {
                var name = i + 3;
                var end = name;
                var dots = 0;
                while (end < text.Length && (LeakText.IsWordChar(text[end]) || text[end] == '.' || text[end] == '`' || text[end] == '<' || text[end] == '>' || text[end] == '+' || text[end] == '$'))
                {
                    dots += text[end] == '.' ? 1 : 0;
                    end++;
                }

                if (dots > 0 && LeakText.At(text, end) == '(' && LeakText.IsLetter(LeakText.At(text, name)))
                {
                    var lineEnd = text.IndexOfAny(LineBreaks, end);
                    lineEnd = lineEnd < 0 ? text.Length : lineEnd;
                    var close = text.IndexOf(')', end, lineEnd - end);
                    var shownEnd = close < 0 ? end : close + 1;
                    scan.Add(LeakKind.DebugReference, i, lineEnd, text.Substring(i, Math.Min(shownEnd, i + 120) - i));
                    next = lineEnd;
                }
            }

            i = next;
        }

        // "in C:\src\OrderService.cs:line 42": a frame's source location.
        i = 0;
        while (i < text.Length && (i = text.IndexOf(":line ", i, StringComparison.Ordinal)) >= 0)
        {
            var digits = i + ":line ".Length;
            var end = digits;
            while (end < text.Length && LeakText.IsDigit(text[end]))
            {
                end++;
            }

            if (end > digits && i >= 3 && text[i - 3] == '.' && IsSourceExtension(text, i - 2) && !scan.IsClaimed(i))
            {
                var start = i;
                while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '"' && text[start - 1] != '\'')
                {
                    start--;
                }

                scan.Add(LeakKind.DebugReference, start, end, text.Substring(start, end - start));
            }

            i = end;
        }
    }

    private static void FindWindowsPaths(LeakScan scan)
    {
        var text = scan.Text;
        var i = 1;
        while (i < text.Length && (i = text.IndexOf(':', i)) >= 0)
        {
            var separator = LeakText.At(text, i + 1);
            if ((separator != '\\' && separator != '/') || LeakText.At(text, i + 2) == '/' || !LeakText.IsLetter(LeakText.At(text, i - 1))
                || LeakText.IsWordChar(LeakText.At(text, i - 2)) || scan.IsClaimed(i))
            {
                i++;
                continue;
            }

            var start = i - 1;
            var end = PathEnd(text, i + 1);
            var rootStart = i + 2;
            var rootEnd = rootStart;
            while (rootEnd < end && text[rootEnd] != '\\' && text[rootEnd] != '/')
            {
                rootEnd++;
            }

            // The root folder and at least one folder below it: C:\Users\jdoe, D:\a\1\s.
            if (rootEnd < end - 1 && IsOneOf(text, rootStart, rootEnd, WindowsRoots))
            {
                var value = text.Substring(start, end - start);
                scan.Add(LeakKind.DebugReference, start, end, value);
            }

            i = end > i ? end : i + 1;
        }
    }

    private static void FindUnixPaths(LeakScan scan)
    {
        var text = scan.Text;
        var i = 0;
        while (i < text.Length && (i = text.IndexOf('/', i)) >= 0)
        {
            var before = LeakText.At(text, i - 1);
            var standsAlone = i == 0 || char.IsWhiteSpace(before) || before == '"' || before == '\'' || before == '(' || before == '['
                || before == '=' || before == ',' || before == '`' || before == ':';
            if (!standsAlone || scan.IsClaimed(i))
            {
                i++;
                continue;
            }

            var end = PathEnd(text, i);
            foreach (var root in UnixRoots)
            {
                if (end - i > root.Length && LeakText.StartsWith(text, i, root))
                {
                    var below = text.IndexOf('/', i + root.Length, end - i - root.Length);
                    var userProfile = root == "/home/" || root == "/Users/" || root == "/builds/";
                    if (!userProfile || (below > i + root.Length && below < end - 1))
                    {
                        scan.Add(LeakKind.DebugReference, i, end, text.Substring(i, end - i));
                    }

                    break;
                }
            }

            i = end > i ? end : i + 1;
        }
    }

    private static void FindLocalhost(LeakScan scan)
    {
        var text = scan.Text;
        var i = 0;
        while (i < text.Length && (i = text.IndexOf("localhost", i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = i + "localhost".Length;
            var portEnd = Addresses.PortEnd(text, end);
            var before = LeakText.At(text, i - 1);
            if (portEnd > end && !LeakText.IsHostChar(before) && before != '_' && !scan.IsClaimed(i))
            {
                scan.Add(LeakKind.DebugReference, i, portEnd, text.Substring(i, portEnd - i));
            }

            i = end;
        }
    }

    private static bool IsSourceExtension(string text, int index) =>
        LeakText.StartsWithIgnoreCase(text, index, "cs") || LeakText.StartsWithIgnoreCase(text, index, "vb") || LeakText.StartsWithIgnoreCase(text, index, "fs");

    private static int PathEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && !LeakText.IsTerminator(text[end]) && text[end] != ',' && text[end] != ';' && text[end] != ')')
        {
            end++;
        }

        while (end > start && (text[end - 1] == '.' || text[end - 1] == ':'))
        {
            end--;
        }

        return end;
    }

    private static bool IsOneOf(string text, int start, int end, string[] values)
    {
        foreach (var value in values)
        {
            if (end - start == value.Length && LeakText.StartsWithIgnoreCase(text, start, value))
            {
                return true;
            }
        }

        return false;
    }
}
