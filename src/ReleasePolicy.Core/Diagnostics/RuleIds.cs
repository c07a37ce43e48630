namespace ReleasePolicy.Diagnostics;

/// <summary>The rule IDs the build tasks report. Analyzer rule IDs live with the analyzers.</summary>
public static class RuleIds
{
    public const string ForwardScriptWithoutRollback = "RP1010";
    public const string EmptyRollbackScript = "RP1011";
    public const string OrphanRollbackScript = "RP1012";
    public const string AmbiguousMigrationScript = "RP1013";

    public const string InvalidPolicyValue = "RP9001";
    public const string UnreadableInput = "RP9002";
    public const string InternalFailure = "RP9003";

    /// <summary>The page that explains a rule, as given to MSBuild's help link and the analyzers' helpLinkUri.</summary>
    public static string HelpLink(string ruleId) =>
        "https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/" + ruleId + ".md";
}
