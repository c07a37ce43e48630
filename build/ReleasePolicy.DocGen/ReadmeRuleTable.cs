using System.Collections.Generic;
using System.Text;

namespace ReleasePolicy.DocGen;

/// <summary>The README's rule table, between two marker comments; the rest of the README is hand-written.</summary>
public static class ReadmeRuleTable
{
    public const string Begin = "<!-- BEGIN rule table: generated from src/ReleasePolicy.Rules by `" + GeneratedDocs.RegenerateCommand + "` -->";

    public const string End = "<!-- END rule table -->";

    public static string Apply(string readme, IEnumerable<PolicyRule> rules)
    {
        var begin = readme.IndexOf(Begin, System.StringComparison.Ordinal);
        var end = readme.IndexOf(End, System.StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new GeneratedDocsException($"{GeneratedDocs.ReadmePath} has no rule table markers. Put these two lines where the table belongs:\n{Begin}\n{End}");
        }

        return readme.Substring(0, begin) + Begin + "\n\n" + Render(rules) + "\n" + readme.Substring(end);
    }

    public static string Render(IEnumerable<PolicyRule> rules)
    {
        var table = new StringBuilder()
            .Append("| ID | rule | kind | category | `Audit` | `Enforce` |\n")
            .Append("|---|---|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            table.Append("| ").Append(rule.Id)
                .Append(" | [").Append(rule.Title).Append("](").Append(GeneratedDocs.RulePagePath(rule)).Append(')')
                .Append(" | ").Append(rule.Kind.Name)
                .Append(" | ").Append(rule.Category)
                .Append(" | ").Append(rule.AuditSeverity.Name)
                .Append(" | ").Append(rule.EnforceSeverity.Name)
                .Append(" |\n");
        }

        return table.ToString();
    }
}
