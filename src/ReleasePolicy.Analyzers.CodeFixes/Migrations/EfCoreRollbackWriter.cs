using System.Linq;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.CodeFixes.Migrations;

/// <summary>
/// EF Core: <c>migrationBuilder.DropTable(name: "Orders")</c> for <c>CreateTable</c> and so on, copying the argument
/// expressions Up used, so computed names carry over as they are.
/// </summary>
internal sealed class EfCoreRollbackWriter : RollbackWriter
{
    private readonly string _builder;

    public EfCoreRollbackWriter(string builder)
    {
        _builder = builder;
    }

    public override string DownSignature => "protected override void Down(MigrationBuilder " + _builder + ")";

    protected override string? WriteInverse(SchemaChange change)
    {
        string? Arg(string parameter) => change.Arguments.TryGetValue(parameter, out var expression) ? expression.ToString() : null;
        string Call(string method, params (string Name, string? Value)[] arguments) =>
            $"{_builder}.{method}({string.Join(", ", arguments.Where(a => a.Value is not null).Select(a => a.Name + ": " + a.Value))});";

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
                return HandWrittenRollback(change);
            default:
                return null;
        }
    }
}
