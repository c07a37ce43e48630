namespace ReleasePolicy.Rules;

/// <summary>The one place a rule's help link is built: the analyzers' helpLinkUri and the tasks' MSBuild help link.</summary>
static partial class RuleHelpLink
{
    private const string RulePages = "https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/";

    /// <summary>The rule's page, docs/rules/RPnnnn.md in the repository.</summary>
    public static string For(string ruleId) => RulePages + ruleId + ".md";
}
