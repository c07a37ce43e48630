namespace ReleasePolicy.Analyzers;

/// <summary>Every analyzer rule ID in one place; IDs are stable once shipped (see docs/rules).</summary>
internal static class RuleIdentifiers
{
    public const string MigrationInventory = "RP1000";
    public const string MigrationWithoutRollback = "RP1001";
    public const string EmptyDown = "RP1002";
    public const string DownOnlyThrows = "RP1003";
    public const string DownDoesNotReverseUp = "RP1004";
    public const string DestructiveOperationInUp = "RP1005";
    public const string AutoReversingMigrationNotReversible = "RP1006";
    public const string ForwardOnlyWithoutReason = "RP1007";

    public static string GetHelpUri(string id) =>
        "https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/" + id + ".md";
}
