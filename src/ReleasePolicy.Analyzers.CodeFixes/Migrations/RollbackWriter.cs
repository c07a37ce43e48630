using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.CodeFixes.Migrations;

/// <summary>Writes the EF Core statements that undo Up's changes, last change first.</summary>
internal static class RollbackWriter
{
    public const string RawSqlComment = "// ReleasePolicy: write the rollback for this raw SQL by hand";

    /// <summary>One line per change: a MigrationBuilder call, or a comment where no inverse can be derived.</summary>
    public static List<string> WriteInverses(IEnumerable<SchemaChange> unreversedUpChanges, string builder)
    {
        var lines = new List<string>();
        foreach (var change in unreversedUpChanges.Reverse())
        {
            var line = WriteInverse(change, builder);
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string? WriteInverse(SchemaChange change, string builder)
    {
        string? Arg(string parameter) => change.Arguments.TryGetValue(parameter, out var expression) ? expression.ToString() : null;
        string Call(string method, params (string Name, string? Value)[] arguments) =>
            $"{builder}.{method}({string.Join(", ", arguments.Where(a => a.Value is not null).Select(a => a.Name + ": " + a.Value))});";

        var name = Arg("name");
        var table = Arg("table");
        var schema = Arg("schema");
        switch (change.Kind)
        {
            case SchemaChangeKind.CreateTable:
                return Call("DropTable", ("name", name), ("schema", schema));
            case SchemaChangeKind.AddColumn:
                return Call("DropColumn", ("name", name), ("table", table), ("schema", schema));
            case SchemaChangeKind.CreateIndex:
                return Call("DropIndex", ("name", name), ("table", table), ("schema", schema));
            case SchemaChangeKind.AddForeignKey:
                return Call("DropForeignKey", ("name", name), ("table", table), ("schema", schema));
            case SchemaChangeKind.AddPrimaryKey:
                return Call("DropPrimaryKey", ("name", name), ("table", table), ("schema", schema));
            case SchemaChangeKind.AddUniqueConstraint:
                return Call("DropUniqueConstraint", ("name", name), ("table", table), ("schema", schema));
            case SchemaChangeKind.EnsureSchema:
                return Call("DropSchema", ("name", name));
            case SchemaChangeKind.RenameTable:
                var newName = Arg("newName");
                var newSchema = Arg("newSchema");
                return Call("RenameTable", ("name", newName ?? name), ("schema", newSchema ?? schema), ("newName", newName is null ? null : name), ("newSchema", newSchema is null ? null : schema ?? "null"));
            case SchemaChangeKind.RenameColumn:
                return Call("RenameColumn", ("name", Arg("newName")), ("table", table), ("newName", name), ("schema", schema));
            case SchemaChangeKind.RenameIndex:
                return Call("RenameIndex", ("name", Arg("newName")), ("newName", name), ("table", table), ("schema", schema));
            case SchemaChangeKind.Sql:
                return RawSqlComment;
            default:
                return null;
        }
    }
}
