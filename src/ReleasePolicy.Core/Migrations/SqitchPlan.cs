using System;
using System.Collections.Generic;
using System.IO;

namespace ReleasePolicy.Migrations;

/// <summary>One change listed in a <c>sqitch.plan</c>, with the line it is on.</summary>
internal sealed class SqitchChange
{
    public SqitchChange(string name, int line, string? reworkedAs)
    {
        Name = name;
        Line = line;
        ReworkedAs = reworkedAs;
    }

    public string Name { get; }

    public int Line { get; }

    /// <summary>
    /// For a change reworked later in the plan, the tag its scripts are frozen under (<c>deploy/name@tag.sql</c>);
    /// null for the change's latest version (<c>deploy/name.sql</c>).
    /// </summary>
    public string? ReworkedAs { get; }

    /// <summary>The script file name in <c>deploy/</c>, <c>revert/</c> and <c>verify/</c>.</summary>
    public string ScriptName => ReworkedAs is null ? Name + ".sql" : Name + "@" + ReworkedAs + ".sql";

    /// <summary>The migration id in the report.</summary>
    public string Id => ReworkedAs is null ? Name : Name + "@" + ReworkedAs;
}

/// <summary>A plan line that cannot name a change (a NUL byte, a character no path may hold), with its line.</summary>
internal sealed class SqitchPlanLineError
{
    public SqitchPlanLineError(int line, string problem)
    {
        Line = line;
        Problem = problem;
    }

    public int Line { get; }

    public string Problem { get; }
}

/// <summary>
/// Reads the changes of a <c>sqitch.plan</c>: lines <c>name [deps] timestamp planner &lt;email&gt; # note</c>;
/// <c>%pragmas</c>, <c>@tags</c>, blank lines and <c># comments</c> are not changes. A change listed again after a
/// tag is a rework: its earlier version's scripts carry the first tag after it.
/// </summary>
internal static class SqitchPlan
{
    private static readonly char[] InvalidNameCharacters = Path.GetInvalidPathChars();

    /// <summary>The plan's changes in plan order, and the names listed twice without a tag between (line of the second).</summary>
    public static IReadOnlyList<SqitchChange> Parse(TextReader plan, out IReadOnlyList<SqitchChange> untaggedRepeats) =>
        Parse(plan, out untaggedRepeats, out _);

    /// <param name="unreadable">Lines skipped because they cannot name a change, for RP9002 at that line.</param>
    public static IReadOnlyList<SqitchChange> Parse(
        TextReader plan, out IReadOnlyList<SqitchChange> untaggedRepeats, out IReadOnlyList<SqitchPlanLineError> unreadable)
    {
        var errors = new List<SqitchPlanLineError>();
        unreadable = errors;
        var entries = new List<(string Name, int Line, int TagsBefore)>();
        var tags = new List<(string Name, int TagsBefore)>();
        string? text;
        var lineNumber = 0;
        while ((text = plan.ReadLine()) is not null)
        {
            lineNumber++;
            if (text.IndexOf('\0') >= 0)
            {
                // A NUL byte means a binary or damaged file; it can name no script, so say where it is.
                errors.Add(new SqitchPlanLineError(lineNumber, "it holds a NUL byte (\\0), so the file is damaged or not text"));
                continue;
            }

            var line = text.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == '%')
            {
                continue;
            }

            var end = 0;
            while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] != '[' && line[end] != '#')
            {
                end++;
            }

            var token = line.Substring(0, end);
            if (token.Length == 0)
            {
                continue;
            }

            if (token.IndexOfAny(InvalidNameCharacters) >= 0)
            {
                errors.Add(new SqitchPlanLineError(lineNumber, $"the change name '{token}' holds a character a file name cannot"));
                continue;
            }

            if (token[0] == '@')
            {
                tags.Add((token.Substring(1), tags.Count));
            }
            else
            {
                entries.Add((token, lineNumber, tags.Count));
            }
        }

        var changes = new List<SqitchChange>(entries.Count);
        var repeats = new List<SqitchChange>();
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var entry = entries[i];
            string? reworkedAs = null;
            if (latest.TryGetValue(entry.Name, out var later))
            {
                if (entries[later].TagsBefore == entry.TagsBefore)
                {
                    repeats.Add(new SqitchChange(entry.Name, entries[later].Line, null));
                    continue;
                }

                reworkedAs = tags[entry.TagsBefore].Name;
            }

            latest[entry.Name] = i;
            changes.Add(new SqitchChange(entry.Name, entry.Line, reworkedAs));
        }

        changes.Reverse();
        repeats.Reverse();
        untaggedRepeats = repeats;
        return changes;
    }
}
