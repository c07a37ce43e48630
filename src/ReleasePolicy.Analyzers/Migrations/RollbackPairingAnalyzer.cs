using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1004: an operation in Up whose inverse Down never performs (looking one helper deep into Down).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RollbackPairingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.DownDoesNotReverseUp,
        title: "Down does not reverse Up",
        messageFormat: "Migration '{0}': {1}; add the inverse to Down, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every change Up makes needs its inverse in Down, or a rollback leaves the database half-way between two releases.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DownDoesNotReverseUp));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        MigrationAnalysis.RegisterForMigrations(context, (compilationContext, symbols) =>
        {
            compilationContext.RegisterSymbolStartAction(symbolContext => AnalyzeMigration(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeMigration(SymbolStartAnalysisContext context, MigrationSymbols symbols)
    {
        var migration = symbols.GetMigrationClass(context.Symbol as INamedTypeSymbol);
        if (migration is null || !RollbackPairing.AppliesTo(migration, context.CancellationToken))
        {
            return;
        }

        var bodies = MigrationBodies.Collect(context, symbols, migration);
        context.RegisterSymbolEndAction(endContext =>
        {
            foreach (var diagnostic in Diagnose(migration, bodies))
            {
                endContext.ReportDiagnostic(diagnostic);
            }
        });
    }

    /// <summary>
    /// What RP1004 reports for a migration it applies to (<see cref="RollbackPairing.AppliesTo"/>); shared with the
    /// migration inventory generator.
    /// </summary>
    internal static IEnumerable<Diagnostic> Diagnose(MigrationClass migration, MigrationBodies bodies)
    {
        foreach (var missing in RollbackPairing.FindUnreversed(migration, bodies))
        {
            yield return Diagnostic.Create(
                Rule,
                missing.Syntax.GetLocation(),
                migration.Type.Name,
                RollbackPairing.DescribeMissingInverse(missing));
        }
    }
}
