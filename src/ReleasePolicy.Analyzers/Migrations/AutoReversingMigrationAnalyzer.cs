using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// RP1006: FluentMigrator's AutoReversingMigration derives Down by reversing each expression of Up, and throws on
/// rollback for expressions it cannot reverse: Execute.*, Delete.*, Alter.Column / AlterColumn and Update.*.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AutoReversingMigrationAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.AutoReversingMigrationNotReversible,
        title: RuleCatalogue.AutoReversingMigrationNotReversible.Title,
        messageFormat: "AutoReversingMigration '{0}' uses {1} in Up, which FluentMigrator cannot reverse; derive from Migration and write Down",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "FluentMigrator only knows how to reverse create, add and rename expressions; any other expression makes the rollback fail at run time.",
        helpLinkUri: RuleCatalogue.AutoReversingMigrationNotReversible.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        MigrationAnalysis.RegisterForMigrations(context, (compilationContext, symbols) =>
        {
            if (symbols.FluentAutoReversingMigration is null)
            {
                return;
            }

            compilationContext.RegisterOperationBlockAction(blockContext => AnalyzeUp(blockContext, symbols));
        });
    }

    private static void AnalyzeUp(OperationBlockAnalysisContext context, MigrationSymbols symbols)
    {
        if (context.OwningSymbol is not IMethodSymbol { Name: "Up", IsOverride: true } up
            || symbols.GetMigrationClass(up.ContainingType) is not { IsAutoReversing: true } migration)
        {
            return;
        }

        foreach (var change in SchemaChangeReader.Read(context.OperationBlocks, symbols, migration.Type).Changes)
        {
            if (!AutoReversal.CanBeReversed(change))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, change.Syntax.GetLocation(), migration.Type.Name, change.OperationName));
            }
        }
    }
}
