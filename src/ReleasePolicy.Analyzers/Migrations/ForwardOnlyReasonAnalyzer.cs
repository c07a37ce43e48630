using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1007: a migration declared forward-only must say why, so the people rolling back know what to do instead.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForwardOnlyReasonAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ForwardOnlyWithoutReason,
        title: "Migration declared forward-only without a reason",
        messageFormat: "Migration '{0}' is declared forward-only without a reason; say why it cannot be rolled back and what to do instead",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Forward-only turns off the rollback rules for a migration; the reason is what the on-call engineer reads during a rollback.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ForwardOnlyWithoutReason));

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

    /// <summary>What RP1007 reports for <paramref name="migration"/>; shared with the migration inventory generator.</summary>
    internal static Diagnostic? Diagnose(MigrationClass migration, CancellationToken cancellationToken)
    {
        if (ForwardOnlyDeclaration.Find(migration.Type, cancellationToken) is not { Reason: null } declaration)
        {
            return null;
        }

        var location = declaration.Location.IsInSource ? declaration.Location : migration.GetIdentifierLocation(cancellationToken);
        return Diagnostic.Create(Rule, location, migration.Type.Name);
    }
}
