using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1001: a migration that cannot be rolled back because it has no Down of its own.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationWithoutRollbackAnalyzer : DiagnosticAnalyzer
{
    internal const string InheritedThrowingDownProperty = "InheritedThrowingDownFrom";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.MigrationWithoutRollback,
        title: "Migration has no rollback",
        messageFormat: "Migration '{0}' has no rollback: {1}; write Down to reverse Up, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A migration must be reversible so that a release can be rolled back. Override Down and undo what Up does.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MigrationWithoutRollback));

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
        if (symbols.GetMigrationClass(context.Symbol as INamedTypeSymbol) is { } migration
            && Diagnose(migration, context.CancellationToken) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>What RP1001 reports for <paramref name="migration"/>; shared with the migration inventory generator.</summary>
    internal static Diagnostic? Diagnose(MigrationClass migration, CancellationToken cancellationToken)
    {
        if (DownProblem.Find(migration, cancellationToken) is not { RuleId: RuleIdentifiers.MigrationWithoutRollback } problem
            || ForwardOnlyDeclaration.Find(migration.Type, cancellationToken) is not null)
        {
            return null;
        }

        var properties = problem.InheritedFrom is { } inheritedFrom
            ? ImmutableDictionary<string, string?>.Empty.Add(InheritedThrowingDownProperty, inheritedFrom.Name)
            : ImmutableDictionary<string, string?>.Empty;
        return Diagnostic.Create(
            Rule,
            migration.GetIdentifierLocation(cancellationToken),
            properties,
            migration.Type.Name,
            problem.Reason);
    }
}
