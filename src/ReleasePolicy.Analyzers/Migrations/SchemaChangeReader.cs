using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>What one method body of a migration does: its schema changes in source order and the helpers it calls.</summary>
internal sealed class MethodSchemaChanges
{
    public static readonly MethodSchemaChanges Empty = new(new List<SchemaChange>(), new List<IMethodSymbol>());

    public MethodSchemaChanges(IReadOnlyList<SchemaChange> changes, IReadOnlyList<IMethodSymbol> helperCalls)
    {
        Changes = changes;
        HelperCalls = helperCalls;
    }

    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>Methods of the migration class itself called from this body (a Down that delegates its work).</summary>
    public IReadOnlyList<IMethodSymbol> HelperCalls { get; }
}

/// <summary>
/// Reads EF Core <c>MigrationBuilder</c> calls and FluentMigrator fluent chains out of a method body, matching
/// methods by the symbols they bind to rather than by text.
/// </summary>
internal static class SchemaChangeReader
{
    internal static readonly Dictionary<string, SchemaChangeKind> EfCoreOperations = new()
    {
        ["EnsureSchema"] = SchemaChangeKind.EnsureSchema,
        ["DropSchema"] = SchemaChangeKind.DropSchema,
        ["CreateTable"] = SchemaChangeKind.CreateTable,
        ["DropTable"] = SchemaChangeKind.DropTable,
        ["RenameTable"] = SchemaChangeKind.RenameTable,
        ["AddColumn"] = SchemaChangeKind.AddColumn,
        ["AlterColumn"] = SchemaChangeKind.AlterColumn,
        ["DropColumn"] = SchemaChangeKind.DropColumn,
        ["RenameColumn"] = SchemaChangeKind.RenameColumn,
        ["CreateIndex"] = SchemaChangeKind.CreateIndex,
        ["DropIndex"] = SchemaChangeKind.DropIndex,
        ["RenameIndex"] = SchemaChangeKind.RenameIndex,
        ["AddForeignKey"] = SchemaChangeKind.AddForeignKey,
        ["DropForeignKey"] = SchemaChangeKind.DropForeignKey,
        ["AddPrimaryKey"] = SchemaChangeKind.AddPrimaryKey,
        ["DropPrimaryKey"] = SchemaChangeKind.DropPrimaryKey,
        ["AddUniqueConstraint"] = SchemaChangeKind.AddUniqueConstraint,
        ["DropUniqueConstraint"] = SchemaChangeKind.DropUniqueConstraint,
        ["InsertData"] = SchemaChangeKind.InsertData,
        ["UpdateData"] = SchemaChangeKind.UpdateData,
        ["DeleteData"] = SchemaChangeKind.DeleteData,
        ["Sql"] = SchemaChangeKind.Sql,
    };

    private static readonly HashSet<string> FluentRoots = new() { "Create", "Delete", "Alter", "Rename", "Execute", "Insert", "Update" };

    public static MethodSchemaChanges Read(IEnumerable<IOperation> blocks, MigrationSymbols symbols, INamedTypeSymbol migrationType) =>
        Read(blocks, symbols, migrationType, recordArguments: false);

    private static MethodSchemaChanges Read(IEnumerable<IOperation> blocks, MigrationSymbols symbols, INamedTypeSymbol migrationType, bool recordArguments)
    {
        var changes = new List<SchemaChange>();
        var helpers = new List<IMethodSymbol>();
        foreach (var block in blocks)
        {
            foreach (var invocation in block.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                var method = invocation.TargetMethod;
                if (IsMigrationBuilder(method.ContainingType, symbols.EfCoreMigrationBuilder))
                {
                    var change = ReadEfCore(invocation, recordArguments);
                    if (change?.Kind == SchemaChangeKind.Sql)
                    {
                        RawSqlChanges.Expand(change, changes);
                    }
                    else if (change is not null)
                    {
                        changes.Add(change);
                    }
                }
                else if (invocation.Parent is not IInvocationOperation { Instance: var instance } || instance != invocation)
                {
                    // Only the outermost call of a fluent chain describes the whole chain.
                    var fluent = FluentChain.Read(invocation);
                    if (fluent is not null)
                    {
                        changes.AddRange(fluent);
                    }
                    else if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, migrationType.OriginalDefinition)
                             && method.MethodKind == MethodKind.Ordinary)
                    {
                        helpers.Add(method.OriginalDefinition);
                    }
                }
            }
        }

        // Stable: the statements of one Sql() call share its position and keep their order.
        return new MethodSchemaChanges(changes.OrderBy(change => change.Syntax.SpanStart).ToList(), helpers);
    }

    /// <summary>Reads the schema changes of Up (or Down) for code fixes, from a semantic model.</summary>
    public static MethodSchemaChanges Read(SemanticModel model, MethodDeclarationSyntax method, MigrationSymbols symbols, INamedTypeSymbol migrationType, System.Threading.CancellationToken cancellationToken)
    {
        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        var operation = body is null ? null : model.GetOperation(body, cancellationToken);
        return operation is null ? MethodSchemaChanges.Empty : Read(new[] { operation }, symbols, migrationType, recordArguments: true);
    }

    private static bool IsMigrationBuilder(INamedTypeSymbol? type, INamedTypeSymbol? migrationBuilder)
    {
        if (migrationBuilder is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, migrationBuilder))
            {
                return true;
            }
        }

        return false;
    }

    private static SchemaChange? ReadEfCore(IInvocationOperation invocation, bool recordArguments)
    {
        if (!EfCoreOperations.TryGetValue(invocation.TargetMethod.Name, out var kind))
        {
            return null;
        }

        var change = new SchemaChange(kind, MigrationFramework.EntityFrameworkCore, invocation.Syntax, invocation.TargetMethod.Name);
        var read = new EfCoreArguments(change);
        foreach (var argument in invocation.Arguments)
        {
            var parameterName = argument.Parameter?.Name;
            if (parameterName is null)
            {
                continue;
            }

            if (recordArguments && argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.Syntax is ExpressionSyntax expression)
            {
                change.Arguments[parameterName] = expression;
            }

            read.Add(parameterName, ConstantOf(argument.Value));
        }

        return read.Complete();
    }

    internal static object? ConstantOf(IOperation? value)
    {
        while (value is IConversionOperation conversion && !value.ConstantValue.HasValue)
        {
            value = conversion.Operand;
        }

        return value is not null && value.ConstantValue.HasValue ? value.ConstantValue.Value : null;
    }

    /// <summary>FluentMigrator: <c>Create.Table("X").InSchema("s")...</c> read from the root property outwards.</summary>
    private static class FluentChain
    {
        public static List<SchemaChange>? Read(IInvocationOperation outermost)
        {
            var calls = new List<IInvocationOperation>();
            IOperation? current = outermost;
            while (current is IInvocationOperation invocation)
            {
                calls.Add(invocation);
                current = invocation.Instance;
            }

            if (current is not IPropertyReferenceOperation { Property: var root } rootReference
                || !FluentRoots.Contains(root.Name)
                || rootReference.Instance is not (null or IInstanceReferenceOperation)
                || !IsFluentMigratorType(root.ContainingType))
            {
                return null;
            }

            calls.Reverse();
            var syntax = outermost.Syntax;
            var first = calls[0].TargetMethod.Name;
            string? Arg(int index) => FirstString(calls[index]);
            string? After(string methodName) => calls.Where(c => c.TargetMethod.Name == methodName).Select(FirstString).FirstOrDefault();
            SchemaChange Make(SchemaChangeKind kind, string? name, string? table = null, string? operationName = null) => new(kind, MigrationFramework.FluentMigrator, syntax, operationName ?? root.Name + "." + first)
            {
                Name = name,
                Table = table,
                Schema = After("InSchema"),
            };

            var result = new List<SchemaChange>();
            switch (root.Name, first)
            {
                case ("Create", "Table"):
                    result.Add(Make(SchemaChangeKind.CreateTable, Arg(0)));
                    break;
                case ("Create", "Column"):
                    result.Add(Make(SchemaChangeKind.AddColumn, Arg(0), After("OnTable")));
                    break;
                case ("Create", "Index"):
                    result.Add(Make(SchemaChangeKind.CreateIndex, Arg(0), After("OnTable")));
                    break;
                case ("Create", "ForeignKey"):
                    result.Add(Make(SchemaChangeKind.AddForeignKey, Arg(0), After("FromTable")));
                    break;
                case ("Create", "PrimaryKey"):
                    result.Add(Make(SchemaChangeKind.AddPrimaryKey, Arg(0), After("OnTable")));
                    break;
                case ("Create", "UniqueConstraint"):
                    result.Add(Make(SchemaChangeKind.AddUniqueConstraint, Arg(0), After("OnTable")));
                    break;
                case ("Create", "Schema"):
                    result.Add(Make(SchemaChangeKind.EnsureSchema, Arg(0)));
                    break;
                case ("Delete", "Table"):
                    result.Add(Make(SchemaChangeKind.DropTable, Arg(0)));
                    break;
                case ("Delete", "Column"):
                    var fromTable = After("FromTable");
                    foreach (var column in calls.Where(c => c.TargetMethod.Name == "Column"))
                    {
                        result.Add(Make(SchemaChangeKind.DropColumn, FirstString(column), fromTable));
                    }

                    break;
                case ("Delete", "Index"):
                    result.Add(Make(SchemaChangeKind.DropIndex, Arg(0), After("OnTable")));
                    break;
                case ("Delete", "ForeignKey"):
                    result.Add(Make(SchemaChangeKind.DropForeignKey, Arg(0), After("OnTable")));
                    break;
                case ("Delete", "PrimaryKey"):
                    result.Add(Make(SchemaChangeKind.DropPrimaryKey, Arg(0), After("FromTable")));
                    break;
                case ("Delete", "UniqueConstraint"):
                    result.Add(Make(SchemaChangeKind.DropUniqueConstraint, Arg(0), After("FromTable")));
                    break;
                case ("Delete", "Schema"):
                    result.Add(Make(SchemaChangeKind.DropSchema, Arg(0)));
                    break;
                case ("Delete", "FromTable"):
                    result.Add(Make(SchemaChangeKind.DeleteData, null, Arg(0)));
                    break;
                case ("Alter", "Table"):
                    var table = Arg(0);
                    foreach (var call in calls.Skip(1))
                    {
                        if (call.TargetMethod.Name == "AddColumn")
                        {
                            result.Add(Make(SchemaChangeKind.AddColumn, FirstString(call), table, "Alter.Table.AddColumn"));
                        }
                        else if (call.TargetMethod.Name == "AlterColumn")
                        {
                            result.Add(Make(SchemaChangeKind.AlterColumn, FirstString(call), table, "Alter.Table.AlterColumn"));
                        }
                    }

                    if (result.Count == 0)
                    {
                        result.Add(Make(SchemaChangeKind.Other, table));
                    }

                    break;
                case ("Alter", "Column"):
                    result.Add(Make(SchemaChangeKind.AlterColumn, Arg(0), After("OnTable")));
                    break;
                case ("Rename", "Table"):
                    var renameTable = Make(SchemaChangeKind.RenameTable, Arg(0));
                    renameTable.NewName = After("To");
                    result.Add(renameTable);
                    break;
                case ("Rename", "Column"):
                    var renameColumn = Make(SchemaChangeKind.RenameColumn, Arg(0), After("OnTable"));
                    renameColumn.NewName = After("To");
                    result.Add(renameColumn);
                    break;
                case ("Execute", _):
                    var sql = Make(SchemaChangeKind.Sql, null);
                    sql.SqlText = first == "Sql" ? Arg(0) : null;
                    RawSqlChanges.Expand(sql, result);
                    break;
                case ("Insert", _):
                    result.Add(Make(SchemaChangeKind.InsertData, null, After("IntoTable")));
                    break;
                case ("Update", _):
                    result.Add(Make(SchemaChangeKind.UpdateData, null, After("Table")));
                    break;
                default:
                    result.Add(Make(SchemaChangeKind.Other, Arg(0)));
                    break;
            }

            return result;
        }

        private static string? FirstString(IInvocationOperation invocation) =>
            invocation.Arguments.Length > 0 ? ConstantOf(invocation.Arguments[0].Value) as string : null;

        private static bool IsFluentMigratorType(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace;
            while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns?.Name == "FluentMigrator";
        }
    }
}
