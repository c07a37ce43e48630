using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>How a message lists the findings of one kind in one string: quoted, up to three, then how many more.</summary>
internal static class LeakMessages
{
    private const int Shown = 3;

    public static string List(IEnumerable<LeakFinding> findings)
    {
        var displays = findings.Select(f => "'" + f.Display + "'").Distinct().ToList();
        var shown = string.Join(", ", displays.Take(Shown));
        return displays.Count > Shown ? shown + " and " + (displays.Count - Shown) + " more" : shown;
    }
}
