using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ReleasePolicy.DocGen;

/// <summary>
/// The SDK's global analyzer configs for ReleasePolicyMode=Enforce and Audit, generated whole. They name the analyzer
/// rules only (task rules take their severity from the task), and leave hidden rules out (editors show them nowhere,
/// and a preset line would only add a key that a user's own global config could conflict with).
/// </summary>
public static class SeverityPreset
{
    public static readonly IReadOnlyList<string> Modes = new[] { "Enforce", "Audit" };

    public static string Render(string mode, IEnumerable<PolicyRule> rules)
    {
        var preset = new StringBuilder()
            .Append("# ReleasePolicy severity preset for ReleasePolicyMode=").Append(mode).Append(", applied as a global analyzer config.\n")
            .Append("# A project's .editorconfig (dotnet_diagnostic.RPnnnn.severity) overrides anything set here.\n")
            .Append("# Generated from the rule catalogue (src/ReleasePolicy.Rules) by `").Append(GeneratedDocs.RegenerateCommand).Append("`: edit the catalogue, not this file.\n")
            .Append("is_global = true\n")
            .Append("global_level = -1\n");
        var shown = rules.Where(rule => rule.Kind == RuleKind.Analyzer && SeverityIn(rule, mode) != RuleSeverity.Hidden);
        foreach (var category in shown.GroupBy(rule => rule.Category))
        {
            preset.Append('\n').Append("# ").Append(category.Key).Append('\n');
            foreach (var rule in category)
            {
                preset.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(SeverityIn(rule, mode).EditorConfigValue).Append('\n');
            }
        }

        return preset.ToString();
    }

    private static RuleSeverity SeverityIn(PolicyRule rule, string mode) =>
        mode == "Enforce" ? rule.EnforceSeverity : rule.AuditSeverity;
}
