using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1001: a migration that cannot be rolled back because it has no Down of its own.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationWithoutRollbackAnalyzer : DiagnosticAnalyzer
{
    internal const string InheritedThrowingDownProperty = "InheritedThrowingDownFrom";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.MigrationWithoutRollback,
        title: RuleCatalogue.MigrationWithoutRollback.Title,
        messageFormat: "Migration '{0}' has no rollback: {1}; write Down to reverse Up, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A migration must be reversible so that a release can be rolled back. Override Down and undo what Up does.",
        helpLinkUri: RuleCatalogue.MigrationWithoutRollback.HelpLink);

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
        if (migration is null
            || DownProblem.Find(migration, context.CancellationToken) is not { RuleId: RuleIds.MigrationWithoutRollback } problem
            || ForwardOnlyDeclaration.Find(migration.Type, context.CancellationToken) is not null)
        {
            return;
        }

        var properties = problem.InheritedFrom is { } inheritedFrom
            ? ImmutableDictionary<string, string?>.Empty.Add(InheritedThrowingDownProperty, inheritedFrom.Name)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            migration.GetIdentifierLocation(context.CancellationToken),
            properties,
            migration.Type.Name,
            problem.Reason));
    }
}
