using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// RP1000: one diagnostic per EF Core / FluentMigrator migration, carrying what the release manifest lists about it in
/// its properties. Analyzers cannot write files; the compiler's error log can. Hidden by default so editors show
/// nothing; the ReleasePolicy SDK raises it to suggestion in command-line builds, which puts it in the error log.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationInventoryAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.MigrationInventory,
        title: RuleCatalogue.MigrationInventory.Title,
        messageFormat: "Migration '{0}' ({1}, {2}): {3}",
        RuleCategories.Migrations,
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true,
        description: "Records each migration, its ID and whether it can be rolled back, for the release manifest. Not a problem to fix; turn the inventory off with dotnet_diagnostic.RP1000.severity = none.",
        helpLinkUri: RuleCatalogue.MigrationInventory.HelpLink);

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
        if (migration is null)
        {
            return;
        }

        var bodies = MigrationBodies.Collect(context, symbols, migration);
        context.RegisterSymbolEndAction(endContext =>
        {
            var entry = MigrationInventoryEntry.Create(migration, symbols, bodies, endContext.CancellationToken);
            endContext.ReportDiagnostic(Diagnostic.Create(
                Rule,
                migration.GetIdentifierLocation(endContext.CancellationToken),
                entry.ToProperties(),
                migration.Type.Name,
                migration.Framework == MigrationFramework.EntityFrameworkCore ? "EF Core" : "FluentMigrator",
                entry.Id,
                entry.Summary()));
        });
    }
}
