namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// RP1006's judgement: FluentMigrator's AutoReversingMigration derives Down by reversing each expression of Up, and
/// throws on rollback for the ones it cannot reverse (Execute.*, Delete.*, Alter.Column / AlterColumn, Update.*).
/// </summary>
internal static class AutoReversal
{
    /// <summary>True unless the change is a FluentMigrator expression its Reverse() does not support.</summary>
    public static bool CanBeReversed(SchemaChange change) =>
        change.Framework != MigrationFramework.FluentMigrator || (!change.IsRawSql && change.Kind is
            SchemaChangeKind.CreateTable or SchemaChangeKind.AddColumn or SchemaChangeKind.CreateIndex or
            SchemaChangeKind.AddForeignKey or SchemaChangeKind.AddPrimaryKey or SchemaChangeKind.AddUniqueConstraint or
            SchemaChangeKind.EnsureSchema or SchemaChangeKind.RenameTable or SchemaChangeKind.RenameColumn or
            SchemaChangeKind.InsertData or SchemaChangeKind.Other);
}
