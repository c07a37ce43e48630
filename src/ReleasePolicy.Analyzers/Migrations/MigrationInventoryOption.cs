using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// The global option by which the SDK asks for the migration inventory (ReleasePolicy.Analyzers.Inventory's
/// MigrationInventoryWriter). The SDK sets it only in command-line builds of projects whose resolved references
/// include EF Core or FluentMigrator, where it also adds that analyzer; the writer then reports the migration rules
/// (RP1001-RP1007) itself as it records them and the rule analyzers stand aside: each migration is judged once per
/// compile, not once for the build and again for the manifest. Everywhere else (the IDE, the standalone analyzer
/// package, builds with no manifest) the rule analyzers run as usual.
/// </summary>
internal static class MigrationInventoryOption
{
    public const string Key = "release_policy.migration_inventory_file";

    /// <summary>True when the migration inventory writer runs in this compilation and reports the migration rules itself.</summary>
    public static bool WriterReportsRules(AnalyzerOptions options) => InventoryOption.IsRequested(options, Key);
}
