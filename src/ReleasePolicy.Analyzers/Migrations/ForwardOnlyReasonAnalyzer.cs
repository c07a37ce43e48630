using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1007: a migration declared forward-only must say why, so the people rolling back know what to do instead.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForwardOnlyReasonAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ForwardOnlyWithoutReason,
        title: RuleCatalogue.ForwardOnlyWithoutReason.Title,
        messageFormat: "Migration '{0}' is declared forward-only without a reason; say why it cannot be rolled back and what to do instead",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Forward-only turns off the rollback rules for a migration; the reason is what the on-call engineer reads during a rollback.",
        helpLinkUri: RuleCatalogue.ForwardOnlyWithoutReason.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        MigrationAnalysis.RegisterForMigrations(context, (compilationContext, symbols) =>
        {
            compilationContext.RegisterSymbolAction(symbolContext => Analyze(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, MigrationSymbols symbols)
    {
        var migration = symbols.GetMigrationClass(context.Symbol as INamedTypeSymbol);
        if (migration is null)
        {
            return;
        }

        var declaration = ForwardOnlyDeclaration.Find(migration.Type, context.CancellationToken);
        if (declaration is { Reason: null })
        {
            var location = declaration.Location.IsInSource ? declaration.Location : migration.GetIdentifierLocation(context.CancellationToken);
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, migration.Type.Name));
        }
    }
}
