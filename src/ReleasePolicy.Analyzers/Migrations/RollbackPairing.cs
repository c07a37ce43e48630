using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// Pairs each change in Up with the change in Down that undoes it (CreateTable with DropTable on the same table,
/// a rename with the rename back, raw SQL with any raw SQL) and reports the ones left unpaired.
/// </summary>
internal static class RollbackPairing
{
    /// <summary>
    /// Whether RP1004 looks at the migration at all: Up and Down both written in the class and Down doing something.
    /// No Down, an empty one or a throwing one are RP1001-RP1003; AutoReversingMigration is RP1006's; forward-only
    /// migrations are exempt.
    /// </summary>
    public static bool AppliesTo(MigrationClass migration, CancellationToken cancellationToken) =>
        !migration.IsAutoReversing
        && migration.DeclaredUp is not null
        && migration.DeclaredDown is { } down
        && MethodBodyShape.Of(down, cancellationToken) == BodyShape.HasStatements
        && ForwardOnlyDeclaration.Find(migration.Type, cancellationToken) is null;

    /// <summary>
    /// Up changes that neither Down nor the helpers it calls (two levels deep) reverse, in Up order; empty when the
    /// bodies were not analysed.
    /// </summary>
    public static List<SchemaChange> FindUnreversed(MigrationClass migration, MigrationBodies bodies)
    {
        var up = bodies.Get(migration.DeclaredUp);
        var down = bodies.Get(migration.DeclaredDown);
        return up is null || down is null ? new List<SchemaChange>() : FindUnreversed(up.Changes, CollectWithHelpers(down, bodies));
    }

    /// <summary>Up changes whose inverse Down does not perform, in Up order.</summary>
    public static List<SchemaChange> FindUnreversed(IEnumerable<SchemaChange> up, IReadOnlyCollection<SchemaChange> down) =>
        up.Where(change => NeedsInverse(change.Kind) && !down.Any(candidate => Reverses(candidate, change))).ToList();

    public static bool NeedsInverse(SchemaChangeKind kind) => kind is
        SchemaChangeKind.CreateTable or SchemaChangeKind.AddColumn or SchemaChangeKind.CreateIndex or
        SchemaChangeKind.AddForeignKey or SchemaChangeKind.AddPrimaryKey or SchemaChangeKind.AddUniqueConstraint or
        SchemaChangeKind.EnsureSchema or SchemaChangeKind.RenameTable or SchemaChangeKind.RenameColumn or
        SchemaChangeKind.RenameIndex or SchemaChangeKind.Sql;

    /// <summary>"Up creates table 'Orders' but Down never drops it".</summary>
    public static string DescribeMissingInverse(SchemaChange up)
    {
        var name = Quote(up.Name);
        var table = up.Table is null ? string.Empty : " on '" + up.Table + "'";
        return up.Kind switch
        {
            SchemaChangeKind.CreateTable => $"Up creates table {name} but Down never drops it",
            SchemaChangeKind.AddColumn => $"Up adds column {name}{table} but Down never drops it",
            SchemaChangeKind.CreateIndex => $"Up creates index {name}{table} but Down never drops it",
            SchemaChangeKind.AddForeignKey => $"Up adds foreign key {name}{table} but Down never drops it",
            SchemaChangeKind.AddPrimaryKey => $"Up adds primary key {name}{table} but Down never drops it",
            SchemaChangeKind.AddUniqueConstraint => $"Up adds unique constraint {name}{table} but Down never drops it",
            SchemaChangeKind.EnsureSchema => $"Up creates schema {name} but Down never drops it",
            SchemaChangeKind.RenameTable => $"Up renames table {name} to {Quote(up.NewName)} but Down never renames it back",
            SchemaChangeKind.RenameColumn => $"Up renames column {name}{table} to {Quote(up.NewName)} but Down never renames it back",
            SchemaChangeKind.RenameIndex => $"Up renames index {name} to {Quote(up.NewName)} but Down never renames it back",
            SchemaChangeKind.Sql => $"Up runs raw SQL ({up.OperationName}) but Down runs none",
            _ => $"Up calls {up.OperationName} but Down never reverses it",
        };
    }

    /// <summary>Down's own changes plus those of the helpers it calls, and of the helpers they call.</summary>
    private static List<SchemaChange> CollectWithHelpers(MethodSchemaChanges down, MigrationBodies bodies)
    {
        var result = new List<SchemaChange>(down.Changes);
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<(IMethodSymbol Method, int Depth)>();
        foreach (var helper in down.HelperCalls)
        {
            pending.Enqueue((helper, 1));
        }

        while (pending.Count > 0)
        {
            var (method, depth) = pending.Dequeue();
            if (depth > 2 || !visited.Add(method) || bodies.Get(method) is not { } helperChanges)
            {
                continue;
            }

            result.AddRange(helperChanges.Changes);
            foreach (var next in helperChanges.HelperCalls)
            {
                pending.Enqueue((next, depth + 1));
            }
        }

        return result;
    }

    private static string Quote(string? name) => name is null ? "(computed name)" : "'" + name + "'";

    private static bool Reverses(SchemaChange down, SchemaChange up)
    {
        switch (up.Kind)
        {
            case SchemaChangeKind.CreateTable:
                return down.Kind == SchemaChangeKind.DropTable && Same(down.Name, up.Name) && Same(down.Schema, up.Schema);
            case SchemaChangeKind.EnsureSchema:
                return down.Kind == SchemaChangeKind.DropSchema && Same(down.Name, up.Name);
            case SchemaChangeKind.AddColumn:
                return DropsTableOf(down, up) || (down.Kind == SchemaChangeKind.DropColumn && Same(down.Name, up.Name) && Same(down.Table, up.Table));
            case SchemaChangeKind.CreateIndex:
                return DropsTableOf(down, up) || (down.Kind == SchemaChangeKind.DropIndex && Same(down.Name, up.Name));
            case SchemaChangeKind.AddForeignKey:
                return DropsTableOf(down, up) || (down.Kind == SchemaChangeKind.DropForeignKey && Same(down.Name, up.Name));
            case SchemaChangeKind.AddPrimaryKey:
                return DropsTableOf(down, up) || (down.Kind == SchemaChangeKind.DropPrimaryKey && Same(down.Name, up.Name));
            case SchemaChangeKind.AddUniqueConstraint:
                return DropsTableOf(down, up) || (down.Kind == SchemaChangeKind.DropUniqueConstraint && Same(down.Name, up.Name));
            case SchemaChangeKind.RenameTable:
            case SchemaChangeKind.RenameColumn:
            case SchemaChangeKind.RenameIndex:
                return down.Kind == up.Kind && Same(down.Name, up.NewName) && Same(down.NewName, up.Name);
            case SchemaChangeKind.Sql:
                return down.Kind == SchemaChangeKind.Sql;
            default:
                return true;
        }
    }

    /// <summary>Dropping the whole table also drops the columns, indexes and keys Up added to it.</summary>
    private static bool DropsTableOf(SchemaChange down, SchemaChange up) =>
        down.Kind == SchemaChangeKind.DropTable && up.Table is not null && Same(down.Name, up.Table);

    /// <summary>Unknown (computed or omitted) names match anything: better a missed finding than a false one.</summary>
    private static bool Same(string? a, string? b) =>
        a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
