using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1005: Up destroys data (drops, NOT NULL or narrowing alters, destructive raw SQL) that no Down can bring back.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveOperationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.DestructiveOperationInUp,
        title: RuleCatalogue.DestructiveOperationInUp.Title,
        messageFormat: "Up in migration '{0}' {1}, which destroys data that Down cannot bring back; make sure the data is backed up or no longer needed",
        RuleCategories.Migrations,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Dropping tables, columns or schemas, tightening columns and destructive raw SQL lose data on the way up; a rollback restores the schema, not the data.",
        helpLinkUri: RuleCatalogue.DestructiveOperationInUp.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        MigrationAnalysis.RegisterForMigrations(context, (compilationContext, symbols) =>
        {
            compilationContext.RegisterOperationBlockAction(blockContext => AnalyzeUp(blockContext, symbols));
        });
    }

    private static void AnalyzeUp(OperationBlockAnalysisContext context, MigrationSymbols symbols)
    {
        if (context.OwningSymbol is not IMethodSymbol { Name: "Up", IsOverride: true } up
            || symbols.GetMigrationClass(up.ContainingType) is not { } migration)
        {
            return;
        }

        foreach (var change in SchemaChangeReader.Read(context.OperationBlocks, symbols, migration.Type).Changes)
        {
            var what = DestructiveChange.Describe(change);
            if (what is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, change.Syntax.GetLocation(), migration.Type.Name, what));
            }
        }
    }
}
