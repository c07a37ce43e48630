using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.Tests.Verification;

/// <summary>Global analyzer options only (as the SDK's generated .globalconfig gives them), no per-file ones.</summary>
internal sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>Every migration rule analyzer the package ships (found by namespace, so a new rule is never left out).</summary>
internal static class MigrationRuleAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All() =>
        typeof(MigrationWithoutRollbackAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.Namespace == typeof(MigrationWithoutRollbackAnalyzer).Namespace)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
