using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1005: Up destroys data (drops, NOT NULL or narrowing alters, destructive raw SQL) that no Down can bring back.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
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
        context.RegisterCompilationStartAction(compilationContext =>
        {
            var symbols = MigrationSymbols.TryCreate(compilationContext.Compilation);
            if (symbols is null)
            {
                return;
            }

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
            var what = Describe(change);
            if (what is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, change.Syntax.GetLocation(), migration.Type.Name, what));
            }
        }
    }

    /// <summary>"drops table 'Orders'", or null when the change keeps the data.</summary>
    internal static string? Describe(SchemaChange change)
    {
        var name = change.Name is null ? "(computed name)" : "'" + change.Name + "'";
        var table = change.Table is null ? string.Empty : " on '" + change.Table + "'";
        var fluent = change.Framework == MigrationFramework.FluentMigrator;
        switch (change.Kind)
        {
            case SchemaChangeKind.DropTable:
                return $"drops table {name}";
            case SchemaChangeKind.DropColumn:
                return $"drops column {name}{table}";
            case SchemaChangeKind.DropSchema:
                return $"drops schema {name}";
            case SchemaChangeKind.DropForeignKey:
                return $"drops foreign key {name}{table}";
            case SchemaChangeKind.DropIndex when fluent:
                return $"drops index {name}{table}";
            case SchemaChangeKind.DropPrimaryKey when fluent:
                return $"drops primary key {name}{table}";
            case SchemaChangeKind.DropUniqueConstraint when fluent:
                return $"drops unique constraint {name}{table}";
            case SchemaChangeKind.DeleteData when fluent:
                return $"deletes rows{(change.Table is null ? string.Empty : " from '" + change.Table + "'")}";
            case SchemaChangeKind.AlterColumn when change.MakesColumnNotNullable:
                return $"makes column {name}{table} NOT NULL";
            case SchemaChangeKind.AlterColumn when change.NarrowsMaxLength is { } lengths:
                return $"narrows column {name}{table} from {lengths.Old} to {lengths.New} characters";
            case SchemaChangeKind.Sql when DestructiveSql.Find(change.SqlText) is { } keyword:
                return $"runs raw SQL with {keyword}";
            default:
                return null;
        }
    }
}
