namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// RP1005's judgement of one change in Up: does it destroy data that no Down can bring back (drops, NOT NULL or
/// narrowing alters, FluentMigrator deletes, raw SQL with DROP, TRUNCATE or DELETE without WHERE)?
/// </summary>
internal static class DestructiveChange
{
    /// <summary>"drops table 'Orders'", or null when the change keeps the data.</summary>
    public static string? Describe(SchemaChange change)
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
