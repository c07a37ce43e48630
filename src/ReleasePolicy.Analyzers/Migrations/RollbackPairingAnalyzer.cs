using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1004: an operation in Up whose inverse Down never performs (looking one helper deep into Down).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RollbackPairingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.DownDoesNotReverseUp,
        title: RuleCatalogue.DownDoesNotReverseUp.Title,
        messageFormat: "Migration '{0}': {1}; add the inverse to Down, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every change Up makes needs its inverse in Down, or a rollback leaves the database half-way between two releases.",
        helpLinkUri: RuleCatalogue.DownDoesNotReverseUp.HelpLink);

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
            foreach (var missing in RollbackPairing.FindUnreversed(migration, bodies))
            {
                endContext.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    missing.Syntax.GetLocation(),
                    migration.Type.Name,
                    RollbackPairing.DescribeMissingInverse(missing)));
            }
        });
    }
}
