namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// RP1005's judgement of one change in Up: does it destroy data, rows that no Down can bring back? Drops of tables,
/// columns and schemas, NOT NULL or narrowing alters, FluentMigrator's Delete.FromTable, and raw SQL the shared
/// <see cref="ReleasePolicy.Rules.Sql.SqlLexer"/> calls destructive (DROP TABLE / COLUMN / SCHEMA / DATABASE,
/// TRUNCATE, DELETE without WHERE), as it does for <c>.sql</c> scripts. Dropping a foreign key, an index, a key,
/// a constraint, a view or a routine loses no rows: a rollback recreates it.
/// </summary>
internal static class DestructiveChange
{
    /// <summary>"drops table 'Orders'", or null when the change keeps the data.</summary>
    public static string? Describe(SchemaChange change)
    {
        if (change.Statement is { } statement)
        {
            return statement.DestroysData ? "runs raw SQL '" + statement.Describe() + "'" : null;
        }

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
            case SchemaChangeKind.DeleteData when fluent:
                return $"deletes rows{(change.Table is null ? string.Empty : " from '" + change.Table + "'")}";
            case SchemaChangeKind.AlterColumn when change.MakesColumnNotNullable:
                return $"makes column {name}{table} NOT NULL";
            case SchemaChangeKind.AlterColumn when change.NarrowsMaxLength is { } lengths:
                return $"narrows column {name}{table} from {lengths.Old} to {lengths.New} characters";
            default:
                return null;
        }
    }

    /// <summary>The table whose rows the change destroys (the dropped table, or the table of a dropped column).</summary>
    public static string? TableOf(SchemaChange change) =>
        change.Kind is SchemaChangeKind.DropTable ? change.Name : change.Table;
}
