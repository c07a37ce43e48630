using System;
using System.Collections.Generic;
using System.Linq;

namespace ReleasePolicy.DocGen;

/// <summary>
/// The header of docs/rules/RPnnnn.md: the title line and the facts table under it. The generator owns the title line
/// and the rows it renders (<see cref="OwnedRows"/>); any other row of that table (such as "Applies to") and
/// everything after the table stay as written, so one table still reads as one.
/// </summary>
public static class RulePageHeader
{
    public static readonly IReadOnlyList<string> OwnedRows = new[] { "Category", "Kind", "Default severity", "In `Audit` / `Enforce` mode" };

    public static string Apply(string page, PolicyRule rule)
    {
        var lines = page.Split('\n').ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("# ", StringComparison.Ordinal))
        {
            throw new GeneratedDocsException($"{GeneratedDocs.RulePagePath(rule)} must start with its title line, '# {rule.Id}: <title>'.");
        }

        var tableStart = 1;
        while (tableStart < lines.Count && lines[tableStart].Length == 0)
        {
            tableStart++;
        }

        var tableEnd = tableStart;
        while (tableEnd < lines.Count && lines[tableEnd].StartsWith("|", StringComparison.Ordinal))
        {
            tableEnd++;
        }

        // Skip the table's header and separator rows; a page without a table yet gets one.
        var keptRows = lines.Skip(tableStart + 2).Take(Math.Max(0, tableEnd - tableStart - 2)).Where(row => !OwnedRows.Contains(FirstCell(row)));
        var rest = lines.Skip(tableEnd).ToList();
        if (tableEnd == tableStart)
        {
            rest.Insert(0, string.Empty);
        }

        var header = new List<string> { $"# {rule.Id}: {rule.Title}", string.Empty, "| | |", "|---|---|" };
        header.AddRange(Render(rule));
        header.AddRange(keptRows);
        return string.Join("\n", header.Concat(rest));
    }

    private static IEnumerable<string> Render(PolicyRule rule)
    {
        yield return Row(OwnedRows[0], rule.Category);
        yield return Row(OwnedRows[1], rule.Kind == RuleKind.Analyzer ? "Roslyn analyzer: reported as you type and by the build" : "MSBuild task: reported by the build");
        yield return Row(OwnedRows[2], rule.DefaultSeverity.Name);
        yield return Row(OwnedRows[3], rule.AuditSeverity.Name + " / " + rule.EnforceSeverity.Name);
    }

    private static string Row(string name, string value) => $"| {name} | {value} |";

    private static string FirstCell(string row)
    {
        var cells = row.Split('|');
        return cells.Length > 1 ? cells[1].Trim() : string.Empty;
    }
}
