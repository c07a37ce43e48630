using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.Tests.Verification;

/// <summary>Every migration rule analyzer the package ships (found by namespace, so a new rule is never left out).</summary>
internal static class MigrationRuleAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All() =>
        typeof(MigrationWithoutRollbackAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.Namespace == typeof(MigrationWithoutRollbackAnalyzer).Namespace)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
