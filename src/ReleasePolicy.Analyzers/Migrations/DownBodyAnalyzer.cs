using System.Collections.Immutable;
using System.Linq;
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
        RuleIds.EmptyDown,
        title: RuleCatalogue.EmptyDown.Title,
        messageFormat: "Down in migration '{0}' is empty or comment-only while Up changes the database; write the rollback, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An empty Down makes a rollback report success while leaving every change of Up in place.",
        helpLinkUri: RuleCatalogue.EmptyDown.HelpLink);

    internal static readonly DiagnosticDescriptor DownOnlyThrowsRule = new(
        RuleIds.DownOnlyThrows,
        title: RuleCatalogue.DownOnlyThrows.Title,
        messageFormat: "Down in migration '{0}' only throws, so the migration cannot be rolled back; write the rollback, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A Down that only throws stops a rollback half-way through a release.",
        helpLinkUri: RuleCatalogue.DownOnlyThrows.HelpLink);

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
        var migration = symbols.GetMigrationClass(context.Symbol as INamedTypeSymbol);
        var problem = migration is null ? null : DownProblem.Find(migration, context.CancellationToken);
        var rule = problem?.RuleId switch
        {
            RuleIds.EmptyDown => EmptyDownRule,
            RuleIds.DownOnlyThrows => DownOnlyThrowsRule,
            _ => null,
        };
        if (rule is null || ForwardOnlyDeclaration.Find(migration!.Type, context.CancellationToken) is not null)
        {
            return;
        }

        var location = problem!.Down?.Locations.FirstOrDefault(l => l.IsInSource) ?? migration.GetIdentifierLocation(context.CancellationToken);
        context.ReportDiagnostic(Diagnostic.Create(rule, location, migration.Type.Name));
    }
}
