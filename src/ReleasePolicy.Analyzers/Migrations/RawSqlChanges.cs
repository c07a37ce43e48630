using System.Collections.Generic;
using ReleasePolicy.Rules.Sql;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// Splits the constant text of a <c>Sql()</c> / <c>Execute.Sql()</c> call into one change per statement, classified
/// by the same <see cref="SqlLexer"/> that checks <c>.sql</c> scripts: raw <c>ALTER TABLE T DROP COLUMN C</c> in Down
/// is the inverse of <c>AddColumn</c> in Up, a backfill <c>UPDATE</c> of a column Up adds needs no inverse of its own,
/// and "destructive" means for raw SQL what it means for a script.
/// </summary>
internal static class RawSqlChanges
{
    public static void Expand(SchemaChange sql, List<SchemaChange> into)
    {
        if (sql.SqlText is not { } text)
        {
            into.Add(sql);
            return;
        }

        var statements = SqlLexer.Read(text).Statements;
        foreach (var statement in statements)
        {
            if (statement.Kind == SqlStatementKind.Session)
            {
                continue;
            }

            var change = new SchemaChange(KindOf(statement.Kind), sql.Framework, sql.Syntax, sql.OperationName)
            {
                Statement = statement,
                SqlText = text,
            };
            switch (statement.Kind)
            {
                case SqlStatementKind.CreateTable:
                case SqlStatementKind.DropTable:
                case SqlStatementKind.RenameTable:
                    change.Name = statement.Table;
                    change.NewName = statement.NewName;
                    break;
                case SqlStatementKind.CreateSchema:
                case SqlStatementKind.DropSchema:
                    change.Name = statement.Name;
                    break;
                default:
                    change.Name = statement.Name;
                    change.Table = statement.Table;
                    change.NewName = statement.NewName;
                    break;
            }

            into.Add(change);
        }
    }

    private static SchemaChangeKind KindOf(SqlStatementKind kind) => kind switch
    {
        SqlStatementKind.CreateTable => SchemaChangeKind.CreateTable,
        SqlStatementKind.DropTable => SchemaChangeKind.DropTable,
        SqlStatementKind.RenameTable => SchemaChangeKind.RenameTable,
        SqlStatementKind.AddColumn => SchemaChangeKind.AddColumn,
        SqlStatementKind.DropColumn => SchemaChangeKind.DropColumn,
        SqlStatementKind.RenameColumn => SchemaChangeKind.RenameColumn,
        SqlStatementKind.AlterColumn => SchemaChangeKind.AlterColumn,
        SqlStatementKind.CreateSchema => SchemaChangeKind.EnsureSchema,
        SqlStatementKind.DropSchema => SchemaChangeKind.DropSchema,
        SqlStatementKind.CreateIndex => SchemaChangeKind.CreateIndex,
        SqlStatementKind.DropIndex => SchemaChangeKind.DropIndex,
        SqlStatementKind.Insert => SchemaChangeKind.InsertData,
        SqlStatementKind.Update => SchemaChangeKind.UpdateData,
        SqlStatementKind.Delete or SqlStatementKind.Truncate => SchemaChangeKind.DeleteData,

        // Constraints, views, routines, DROP DATABASE and anything unrecognised: only raw SQL undoes raw SQL.
        _ => SchemaChangeKind.Sql,
    };
}
