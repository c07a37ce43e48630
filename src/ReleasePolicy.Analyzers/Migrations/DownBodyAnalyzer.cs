using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// RP1002 and RP1003: a Down written in the migration that cannot roll anything back, because it is empty
/// (or comment-only) while Up changes the database, or because all it does is throw.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DownBodyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor EmptyDownRule = new(
        RuleIdentifiers.EmptyDown,
        title: "Down is empty while Up changes the database",
        messageFormat: "Down in migration '{0}' is empty or comment-only while Up changes the database; write the rollback, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An empty Down makes a rollback report success while leaving every change of Up in place.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.EmptyDown));

    internal static readonly DiagnosticDescriptor DownOnlyThrowsRule = new(
        RuleIdentifiers.DownOnlyThrows,
        title: "Down only throws",
        messageFormat: "Down in migration '{0}' only throws, so the migration cannot be rolled back; write the rollback, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A Down that only throws stops a rollback half-way through a release.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DownOnlyThrows));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(EmptyDownRule, DownOnlyThrowsRule);

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

    /// <summary>What RP1002 / RP1003 report for <paramref name="migration"/>; shared with the migration inventory generator.</summary>
    internal static Diagnostic? Diagnose(MigrationClass migration, CancellationToken cancellationToken)
    {
        var problem = DownProblem.Find(migration, cancellationToken);
        var rule = problem?.RuleId switch
        {
            RuleIdentifiers.EmptyDown => EmptyDownRule,
            RuleIdentifiers.DownOnlyThrows => DownOnlyThrowsRule,
            _ => null,
        };
        if (rule is null || ForwardOnlyDeclaration.Find(migration.Type, cancellationToken) is not null)
        {
            return null;
        }

        var location = problem!.Down?.Locations.FirstOrDefault(l => l.IsInSource) ?? migration.GetIdentifierLocation(cancellationToken);
        return Diagnostic.Create(rule, location, migration.Type.Name);
    }
}
