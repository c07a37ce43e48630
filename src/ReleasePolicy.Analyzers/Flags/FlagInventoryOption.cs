using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The global option by which the SDK asks for the feature-flag inventory (ReleasePolicy.Analyzers.Inventory's
/// FlagInventoryWriter). It sets the option only in command-line builds where it also adds that analyzer, and the
/// writer then runs the flag rules itself, reporting what it records: one pass over the code instead of the rules'
/// pass and a second one for the inventory. The flag rule analyzers stand aside when the option is set; everywhere
/// else (the IDE, builds that write no inventory) they run as usual.
/// </summary>
internal static class FlagInventoryOption
{
    public const string Key = "release_policy.flag_inventory_file";

    /// <summary>True when the flag inventory writer runs in this compilation and reports the flag rules itself.</summary>
    public static bool WriterReportsRules(AnalyzerOptions options) => InventoryOption.IsRequested(options, Key);
}
