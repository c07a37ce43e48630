using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// The global option by which the SDK asks for the leak inventory (ReleasePolicy.Analyzers.Inventory's
/// LeakInventoryWriter), in the compile of a pack or publish where it also adds that analyzer. The writer then runs
/// the leak rules itself, reporting what it records, and the rule analyzers stand aside: every user-facing string is
/// read once, not once for the build and again for the manifest. Everywhere else the rule analyzers run as usual.
/// </summary>
internal static class LeakInventoryOption
{
    public const string Key = "release_policy.leak_inventory_file";

    /// <summary>True when the leak inventory writer runs in this compilation and reports the leak rules itself.</summary>
    public static bool WriterReportsRules(AnalyzerOptions options) => InventoryOption.IsRequested(options, Key);

    /// <summary>Reports to the build, and hands the diagnostic to <paramref name="record"/> too when there is one (the inventory).</summary>
    public static Action<Diagnostic> ReportAnd(Action<Diagnostic> report, Action<Diagnostic>? record) =>
        record is null ? report : diagnostic =>
        {
            report(diagnostic);
            record(diagnostic);
        };

    /// <summary>Reports to the operation's context and hands the diagnostic to the leak inventory, if it runs.</summary>
    /// <remarks>A struct: a sink value costs no reporting delegate and no boxed context until something is found.</remarks>
    internal readonly struct OperationReport
    {
        private readonly OperationAnalysisContext context;
        private readonly Action<Diagnostic>? record;

        public OperationReport(OperationAnalysisContext context, Action<Diagnostic>? record)
        {
            this.context = context;
            this.record = record;
        }

        public void Report(Diagnostic diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
            record?.Invoke(diagnostic);
        }
    }
}
