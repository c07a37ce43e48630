using System;
using System.Collections.Generic;

namespace ReleasePolicy.Manifest;

/// <summary>A rule finding recorded in the release manifest's <c>findings</c>: what a reviewer of the release should know.</summary>
public sealed class ReleaseFinding
{
    public ReleaseFinding(string rule, string severity, string message, SourceLocation? location)
    {
        Rule = rule;
        Severity = severity;
        Message = message;
        Location = location;
    }

    /// <summary>The rule ID, e.g. <c>RP1001</c>.</summary>
    public string Rule { get; }

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>, as the build reported it (after .editorconfig and the mode).</summary>
    public string Severity { get; }

    public string Message { get; }

    public SourceLocation? Location { get; }

    /// <summary>Analyzer and task findings as one list in the manifest's order; null when neither was read.</summary>
    public static IReadOnlyList<ReleaseFinding>? Merge(IReadOnlyList<ReleaseFinding>? analyzers, IReadOnlyList<ReleaseFinding>? scripts)
    {
        if (analyzers is null && scripts is null)
        {
            return null;
        }

        var all = new List<ReleaseFinding>(analyzers ?? Array.Empty<ReleaseFinding>());
        all.AddRange(scripts ?? Array.Empty<ReleaseFinding>());
        all.Sort(Compare);
        return all;
    }

    /// <summary>The manifest's order: path, line, rule, then message.</summary>
    public static int Compare(ReleaseFinding a, ReleaseFinding b)
    {
        var order = string.CompareOrdinal(a.Location?.Path, b.Location?.Path);
        if (order == 0)
        {
            order = (a.Location?.Line ?? 0).CompareTo(b.Location?.Line ?? 0);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Rule, b.Rule);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Message, b.Message);
    }
}
