using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ReleasePolicy.Tasks;

/// <summary>How a task logged one finding: the level it was logged at, with everything MSBuild showed.</summary>
internal readonly struct LoggedFinding
{
    public LoggedFinding(char level, string code, string? file, int line, int column, string message)
    {
        Level = level;
        Code = code;
        File = file;
        Line = line;
        Column = column;
        Message = message;
    }

    /// <summary><c>E</c> error, <c>W</c> warning, <c>I</c> message.</summary>
    public char Level { get; }

    public string Code { get; }

    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }
}

/// <summary>
/// The findings file a check leaves for <see cref="ReplayReleasePolicyFindings"/>: one finding per line, its fields
/// separated by tabs (level, code, line, column, file, message) with tab, line breaks and backslash escaped. A line
/// format rather than JSON: the replay runs on every no-change build, and reading it must cost next to nothing.
/// </summary>
internal static class FindingReplay
{
    public const string Header = "# ReleasePolicy findings replay v1";

    /// <summary>The file's bytes: empty when there is no finding, so the targets can skip the replay without loading a task.</summary>
    public static byte[] Write(IReadOnlyList<LoggedFinding> findings)
    {
        if (findings.Count == 0)
        {
            return Array.Empty<byte>();
        }

        var text = new StringBuilder(Header).Append('\n');
        foreach (var finding in findings)
        {
            text.Append(finding.Level).Append('\t')
                .Append(Escape(finding.Code)).Append('\t')
                .Append(finding.Line.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(finding.Column.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Escape(finding.File ?? string.Empty)).Append('\t')
                .Append(Escape(finding.Message)).Append('\n');
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>The findings, or null (with the reason) when the file is not one this version wrote.</summary>
    public static List<LoggedFinding>? Read(string[] lines, out string? problem)
    {
        problem = null;
        if (lines.Length == 0)
        {
            return new List<LoggedFinding>();
        }

        if (lines[0] != Header)
        {
            problem = "it does not start with '" + Header + "'";
            return null;
        }

        var findings = new List<LoggedFinding>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            if (fields.Length != 6 || fields[0].Length != 1 || "EWI".IndexOf(fields[0][0]) < 0
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
            {
                problem = "line " + (i + 1).ToString(CultureInfo.InvariantCulture) + " is not a finding";
                return null;
            }

            var file = Unescape(fields[4]);
            findings.Add(new LoggedFinding(fields[0][0], Unescape(fields[1]), file.Length == 0 ? null : file, line, column, Unescape(fields[5])));
        }

        return findings;
    }

    private static string Escape(string value)
    {
        if (value.IndexOfAny(new[] { '\\', '\t', '\n', '\r' }) < 0)
        {
            return value;
        }

        return value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
    }

    private static string Unescape(string value)
    {
        if (value.IndexOf('\\') < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i == value.Length - 1)
            {
                text.Append(value[i]);
                continue;
            }

            i++;
            text.Append(value[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => value[i] });
        }

        return text.ToString();
    }
}
