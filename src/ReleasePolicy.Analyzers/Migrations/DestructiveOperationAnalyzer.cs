using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1005: Up destroys data (drops, NOT NULL or narrowing alters, destructive raw SQL) that no Down can bring back.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveOperationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.DestructiveOperationInUp,
        title: "Destructive operation in Up",
        messageFormat: "Up in migration '{0}' {1}, which destroys data that Down cannot bring back; make sure the data is backed up or no longer needed",
        RuleCategories.Migrations,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Dropping tables, columns or schemas, tightening columns and destructive raw SQL lose data on the way up; a rollback restores the schema, not the data.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DestructiveOperationInUp));

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

        foreach (var diagnostic in Diagnose(migration, SchemaChangeReader.Read(context.OperationBlocks, symbols, migration.Type)))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>What RP1005 reports for the changes of a migration's Up; shared with the migration inventory generator.</summary>
    internal static IEnumerable<Diagnostic> Diagnose(MigrationClass migration, MethodSchemaChanges up)
    {
        foreach (var change in up.Changes)
        {
            if (DestructiveChange.Describe(change) is { } what)
            {
                yield return Diagnostic.Create(Rule, change.Syntax.GetLocation(), migration.Type.Name, what);
            }
        }
    }
}
