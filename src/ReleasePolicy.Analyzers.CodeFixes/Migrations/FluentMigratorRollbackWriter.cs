using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.CodeFixes.Migrations;

/// <summary>
/// FluentMigrator: <c>Delete.Table("Orders").InSchema("sales");</c> for <c>Create.Table("Orders").InSchema("sales")</c>
/// and so on. Names are written as literals from their constant values; a name that is not a constant (or a schema
/// that is not) gets the hand-written-rollback comment instead of a guess.
/// </summary>
internal sealed class FluentMigratorRollbackWriter : RollbackWriter
{
    public override string DownSignature => "public override void Down()";

    protected override string? WriteInverse(SchemaChange change)
    {
        var name = Literal(change.Name);
        var table = Literal(change.Table);
        var newName = Literal(change.NewName);
        var inSchema = InSchemaCall(change);
        switch (change.Kind)
        {
            case SchemaChangeKind.CreateTable:
                return Statement("Delete.Table(", name, ")", inSchema) ?? HandWrittenRollback(change);
            case SchemaChangeKind.AddColumn:
                return Statement("Delete.Column(", name, ").FromTable(", table, ")", inSchema) ?? HandWrittenRollback(change);
            case SchemaChangeKind.CreateIndex:
                return Statement("Delete.Index(", name, ").OnTable(", table, ")", inSchema) ?? HandWrittenRollback(change);
            case SchemaChangeKind.AddForeignKey:
                return Statement("Delete.ForeignKey(", name, ").OnTable(", table, ")", inSchema) ?? HandWrittenRollback(change);
            case SchemaChangeKind.AddPrimaryKey:
                return Statement("Delete.PrimaryKey(", name, ").FromTable(", table, ")", inSchema) ?? HandWrittenRollback(change);
            case SchemaChangeKind.AddUniqueConstraint:
                return Statement("Delete.UniqueConstraint(", name, ").FromTable(", table, ")", inSchema) ?? HandWrittenRollback(change);
            case SchemaChangeKind.EnsureSchema:
                return Statement("Delete.Schema(", name, ")") ?? HandWrittenRollback(change);
            case SchemaChangeKind.RenameTable:
                return Statement("Rename.Table(", newName, ")", inSchema, ".To(", name, ")") ?? HandWrittenRollback(change);
            case SchemaChangeKind.RenameColumn:
                return Statement("Rename.Column(", newName, ").OnTable(", table, ")", inSchema, ".To(", name, ")") ?? HandWrittenRollback(change);
            case SchemaChangeKind.Sql:
                return HandWrittenRollback(change);
            default:
                return null;
        }
    }

    /// <summary>The parts joined into one statement, or null when any of them is unknown.</summary>
    private static string? Statement(params string?[] parts) =>
        parts.Any(p => p is null) ? null : string.Concat(parts) + ";";

    private static string? Literal(string? value) => value is null ? null : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// <c>.InSchema("s")</c> when Up names the schema of the object, empty when it names none, null when it names one
    /// that is not a constant.
    /// </summary>
    private static string? InSchemaCall(SchemaChange change)
    {
        var calls = CallNames(change.Syntax);
        var hasSchema = calls.Contains("InSchema");
        if (change.Kind == SchemaChangeKind.AddForeignKey)
        {
            // Only an InSchema right after FromTable is the foreign key table's; one after ToTable is the other table's.
            var from = calls.IndexOf("FromTable");
            hasSchema = from >= 0 && from + 1 < calls.Count && calls[from + 1] == "InSchema";
        }

        return !hasSchema ? string.Empty : change.Schema is null ? null : ".InSchema(" + Literal(change.Schema) + ")";
    }

    /// <summary>The method names of a fluent chain from the root outwards: Table, InSchema, WithColumn, ...</summary>
    private static List<string> CallNames(SyntaxNode chain)
    {
        var names = new List<string>();
        var current = chain as InvocationExpressionSyntax;
        while (current?.Expression is MemberAccessExpressionSyntax access)
        {
            names.Add(access.Name.Identifier.ValueText);
            current = access.Expression as InvocationExpressionSyntax;
        }

        names.Reverse();
        return names;
    }
}
