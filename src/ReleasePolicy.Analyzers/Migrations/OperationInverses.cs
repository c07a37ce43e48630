using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// Pairs each change in Up with the change in Down that undoes it (CreateTable with DropTable on the same table,
/// a rename with the rename back, raw SQL with raw SQL) and groups the ones left unpaired by what is missing, so a
/// migration gets one RP1004 per kind of missing inverse rather than one per operation.
/// </summary>
/// <remarks>
/// Not to be confused with the script check's pairing of forward and rollback <c>.sql</c> files (ReleasePolicy.Core's
/// <c>ScriptPairing</c>): this one pairs operations inside one C# migration.
/// </remarks>
internal static class OperationInverses
{
    private const int ListedPerGroup = 5;

    /// <summary>
    /// Whether RP1004 looks at the migration at all: Up and Down both written in the class and Down doing something.
    /// No Down, an empty one or a throwing one are RP1001-RP1003; AutoReversingMigration is RP1006's; forward-only
    /// migrations are exempt.
    /// </summary>
    public static bool AppliesTo(MigrationClass migration, CancellationToken cancellationToken) =>
        migration.InversesApply(() =>
            !migration.IsAutoReversing
            && migration.UpMethods(cancellationToken).Count > 0
            && migration.DownMethods(cancellationToken).Any(down => MethodBodyShape.Of(down, cancellationToken) == BodyShape.HasStatements)
            && ForwardOnlyDeclaration.Find(migration, cancellationToken) is null);

    /// <summary>Up's changes that Down does not undo (both with the helpers they call), grouped by kind, in Up order.</summary>
    public static List<MissingInverse> FindMissing(MigrationClass migration, MigrationBodies bodies, CancellationToken cancellationToken) =>
        bodies.MissingInverses(() =>
        {
            var up = bodies.Up(migration, cancellationToken);
            var down = bodies.Down(migration, cancellationToken);
            return up is null || down is null
                ? new List<MissingInverse>()
                : Group(FindUnreversed(up, down));
        });

    /// <summary>Up changes whose inverse Down does not perform, in Up order.</summary>
    public static List<SchemaChange> FindUnreversed(IReadOnlyList<SchemaChange> up, IReadOnlyList<SchemaChange> down)
    {
        var tables = TableNames.From(up, down);
        var index = new DownChangeIndex(down, tables.HasRenames);
        return up.Where(change => NeedsInverse(change, up, tables) && !IsReversed(change, index, tables)).ToList();
    }

    /// <summary>Groups unreversed changes by the kind of inverse missing; raw SQL statements form one group.</summary>
    public static List<MissingInverse> Group(IEnumerable<SchemaChange> unreversed) =>
        unreversed
            .GroupBy(change => change.IsRawSql && change.Kind is SchemaChangeKind.Sql or SchemaChangeKind.InsertData or SchemaChangeKind.UpdateData or SchemaChangeKind.DeleteData
                ? SchemaChangeKind.Sql
                : change.Kind)
            .Select(group => new MissingInverse(group.ToList(), Describe(group.Key, group.ToList())))
            .ToList();

    /// <summary>"Up creates table 'Orders' but Down never drops it" for one change.</summary>
    public static string DescribeMissingInverse(SchemaChange up) => Describe(GroupKind(up), new[] { up });

    private static SchemaChangeKind GroupKind(SchemaChange change) =>
        change.IsRawSql && change.Kind is SchemaChangeKind.InsertData or SchemaChangeKind.UpdateData or SchemaChangeKind.DeleteData
            ? SchemaChangeKind.Sql
            : change.Kind;

    private static bool NeedsInverse(SchemaChange change, IReadOnlyList<SchemaChange> up, TableNames tables)
    {
        switch (change.Kind)
        {
            // EF Core's EnsureSchema is create-if-missing: its scaffolder never writes DropSchema, and SQLite has no
            // schemas. FluentMigrator's Create.Schema and raw CREATE SCHEMA really create one.
            case SchemaChangeKind.EnsureSchema:
                return change.Framework == MigrationFramework.FluentMigrator || change.IsRawSql;
            case SchemaChangeKind.CreateTable or SchemaChangeKind.AddColumn or SchemaChangeKind.CreateIndex or
                SchemaChangeKind.AddForeignKey or SchemaChangeKind.AddPrimaryKey or SchemaChangeKind.AddUniqueConstraint or
                SchemaChangeKind.RenameTable or SchemaChangeKind.RenameColumn or SchemaChangeKind.RenameIndex or
                SchemaChangeKind.Sql:
                return true;

            // Raw data statements need an inverse unless they only touch what Up itself creates (the inverse of the
            // create removes them): a backfill UPDATE of a column Up adds, an INSERT into a table Up creates.
            // EF Core's InsertData / UpdateData / DeleteData stay as they were: seed data a rollback may keep.
            case SchemaChangeKind.InsertData or SchemaChangeKind.UpdateData or SchemaChangeKind.DeleteData when change.IsRawSql:
                return !TouchesOnlyWhatUpCreates(change, up, tables);
            default:
                return false;
        }
    }

    private static bool TouchesOnlyWhatUpCreates(SchemaChange change, IReadOnlyList<SchemaChange> up, TableNames tables)
    {
        if (up.Any(other => other.Kind == SchemaChangeKind.CreateTable && tables.Same(other.Name, change.Table)))
        {
            return true;
        }

        return change.Kind == SchemaChangeKind.UpdateData
            && change.Columns.Count > 0
            && change.Columns.All(column => up.Any(other =>
                other.Kind == SchemaChangeKind.AddColumn && Same(other.Name, column) && tables.Same(other.Table, change.Table)));
    }

    private static string Describe(SchemaChangeKind kind, IReadOnlyList<SchemaChange> changes)
    {
        var one = changes.Count == 1;
        var first = changes[0];
        string Names(Func<SchemaChange, string> item)
        {
            var listed = changes.Take(ListedPerGroup).Select(item).ToList();
            var text = listed.Count == 1 ? listed[0] : string.Join(", ", listed.Take(listed.Count - 1)) + " and " + listed[listed.Count - 1];
            return changes.Count > ListedPerGroup ? string.Join(", ", listed) + $" and {changes.Count - ListedPerGroup} more" : text;
        }

        string OnTable(SchemaChange change) => Quote(change.Name) + (change.Table is null ? string.Empty : " on '" + change.Table + "'");
        string Renamed(SchemaChange change) => Quote(change.Name) + " to " + Quote(change.NewName);
        var it = one ? "it" : "them";
        return kind switch
        {
            SchemaChangeKind.EnsureSchema => $"Up creates {(one ? "schema" : "schemas")} {Names(c => Quote(c.Name))} but Down never drops {it}",
            SchemaChangeKind.CreateTable => $"Up creates {(one ? "table" : "tables")} {Names(c => Quote(c.Name))} but Down never drops {it}",
            SchemaChangeKind.AddColumn => $"Up adds {(one ? "column" : "columns")} {Names(OnTable)} but Down never drops {it}",
            SchemaChangeKind.CreateIndex => $"Up creates {(one ? "index" : "indexes")} {Names(OnTable)} but Down never drops {it}",
            SchemaChangeKind.AddForeignKey => $"Up adds {(one ? "foreign key" : "foreign keys")} {Names(OnTable)} but Down never drops {it}",
            SchemaChangeKind.AddPrimaryKey => $"Up adds {(one ? "primary key" : "primary keys")} {Names(OnTable)} but Down never drops {it}",
            SchemaChangeKind.AddUniqueConstraint => $"Up adds {(one ? "unique constraint" : "unique constraints")} {Names(OnTable)} but Down never drops {it}",
            SchemaChangeKind.RenameTable => $"Up renames {(one ? "table" : "tables")} {Names(Renamed)} but Down never renames {it} back",
            SchemaChangeKind.RenameColumn => $"Up renames {(one ? "column" : "columns")} {Names(c => Quote(c.Name) + (c.Table is null ? string.Empty : " on '" + c.Table + "'") + " to " + Quote(c.NewName))} but Down never renames {it} back",
            SchemaChangeKind.RenameIndex => $"Up renames {(one ? "index" : "indexes")} {Names(Renamed)} but Down never renames {it} back",
            SchemaChangeKind.Sql when first.Statement is null && one => $"Up runs raw SQL ({first.OperationName}) but Down runs none",
            SchemaChangeKind.Sql when one => $"Up runs raw SQL '{first.Statement!.Describe()}' ({first.OperationName}) but Down runs none",
            SchemaChangeKind.Sql => $"Up runs {changes.Count} raw SQL {(one ? "statement" : "statements")} with no counterpart in Down: {Names(c => c.Statement?.Describe() ?? "(" + c.OperationName + ")")}",
            _ => $"Up calls {first.OperationName} but Down never reverses it",
        };
    }

    private static string Quote(string? name) => name is null ? "(computed name)" : "'" + name + "'";

    private static bool IsReversed(SchemaChange up, DownChangeIndex down, TableNames tables) => up.Kind switch
    {
        SchemaChangeKind.Sql => down.HasRawSql, // what Reverses says for raw SQL, without looking at every Down change
        _ => down.Candidates(up).Any(candidate => Reverses(candidate, up, tables)),
    };

    private static bool Reverses(SchemaChange down, SchemaChange up, TableNames tables)
    {
        switch (up.Kind)
        {
            case SchemaChangeKind.CreateTable:
                return down.Kind == SchemaChangeKind.DropTable && tables.Same(down.Name, up.Name) && Same(down.Schema, up.Schema);
            case SchemaChangeKind.EnsureSchema:
                return down.Kind == SchemaChangeKind.DropSchema && Same(down.Name, up.Name);
            case SchemaChangeKind.AddColumn:
                return DropsTableOf(down, up, tables) || (down.Kind == SchemaChangeKind.DropColumn && Same(down.Name, up.Name) && tables.Same(down.Table, up.Table));
            case SchemaChangeKind.CreateIndex:
                return DropsTableOf(down, up, tables) || (down.Kind == SchemaChangeKind.DropIndex && Same(down.Name, up.Name));
            case SchemaChangeKind.AddForeignKey:
                return DropsTableOf(down, up, tables) || (down.Kind == SchemaChangeKind.DropForeignKey && Same(down.Name, up.Name));
            case SchemaChangeKind.AddPrimaryKey:
                return DropsTableOf(down, up, tables) || (down.Kind == SchemaChangeKind.DropPrimaryKey && Same(down.Name, up.Name));
            case SchemaChangeKind.AddUniqueConstraint:
                return DropsTableOf(down, up, tables) || (down.Kind == SchemaChangeKind.DropUniqueConstraint && Same(down.Name, up.Name));
            case SchemaChangeKind.RenameTable:
            case SchemaChangeKind.RenameColumn:
            case SchemaChangeKind.RenameIndex:
                return down.Kind == up.Kind && Same(down.Name, up.NewName) && Same(down.NewName, up.Name);

            // Raw SQL Down cannot be read: any raw SQL in Down counts as its counterpart.
            case SchemaChangeKind.Sql:
                return down.IsRawSql;

            // A raw DELETE is undone by putting the rows back; a raw UPDATE or INSERT by raw SQL or data operations on the table.
            case SchemaChangeKind.DeleteData:
                return (down.Kind == SchemaChangeKind.InsertData && tables.Same(down.Table, up.Table)) || (down.Kind == SchemaChangeKind.Sql && down.IsRawSql);
            case SchemaChangeKind.InsertData:
                return DropsTableOf(down, up, tables)
                       || (down.Kind is SchemaChangeKind.DeleteData && tables.Same(down.Table, up.Table))
                       || (down.Kind == SchemaChangeKind.Sql && down.IsRawSql);
            case SchemaChangeKind.UpdateData:
                return (down.Kind is SchemaChangeKind.UpdateData && tables.Same(down.Table, up.Table))
                       || (down.Kind == SchemaChangeKind.Sql && down.IsRawSql);
            default:
                return true;
        }
    }

    /// <summary>Dropping the whole table also drops the columns, indexes and keys Up added to it.</summary>
    private static bool DropsTableOf(SchemaChange down, SchemaChange up, TableNames tables) =>
        down.Kind == SchemaChangeKind.DropTable && up.Table is not null && tables.Same(down.Name, up.Table);

    /// <summary>Unknown (computed or omitted) names match anything: better a missed finding than a false one.</summary>
    private static bool Same(string? a, string? b) =>
        a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Table names across the renames of Up and Down: when Up renames A to B and then adds a column to B, Down's
    /// rename back to A followed by dropping the column from A is a complete rollback.
    /// </summary>
    private sealed class TableNames
    {
        private readonly List<(string From, string To)> _renames;

        private TableNames(List<(string From, string To)> renames) => _renames = renames;

        public bool HasRenames => _renames.Count > 0;

        private static readonly TableNames NoRenames = new(new List<(string From, string To)>());

        public static TableNames From(IReadOnlyList<SchemaChange> up, IReadOnlyList<SchemaChange> down)
        {
            List<(string From, string To)>? renames = null;
            Add(up, ref renames);
            Add(down, ref renames);
            return renames is null ? NoRenames : new TableNames(renames);
        }

        private static void Add(IReadOnlyList<SchemaChange> changes, ref List<(string From, string To)>? renames)
        {
            foreach (var change in changes)
            {
                if (change is { Kind: SchemaChangeKind.RenameTable, Name: { } from, NewName: { } to })
                {
                    (renames ??= new List<(string From, string To)>()).Add((from, to));
                }
            }
        }

        public bool Same(string? a, string? b)
        {
            if (OperationInverses.Same(a, b))
            {
                return true;
            }

            if (_renames.Count == 0)
            {
                return false;
            }

            // Names joined by renames, followed in both directions (a handful per migration).
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { a! };
            var pending = new Queue<string>();
            pending.Enqueue(a!);
            while (pending.Count > 0)
            {
                var name = pending.Dequeue();
                foreach (var (from, to) in _renames)
                {
                    var other = string.Equals(from, name, StringComparison.OrdinalIgnoreCase) ? to
                        : string.Equals(to, name, StringComparison.OrdinalIgnoreCase) ? from
                        : null;
                    if (other is null || !seen.Add(other))
                    {
                        continue;
                    }

                    if (string.Equals(other, b, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    pending.Enqueue(other);
                }
            }

            return false;
        }
    }
}

/// <summary>One kind of inverse Down lacks, and the Up changes that need it.</summary>
internal sealed class MissingInverse
{
    public MissingInverse(IReadOnlyList<SchemaChange> changes, string description)
    {
        Changes = changes;
        Description = description;
    }

    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>"Up adds columns 'A' on 'T' and 'B' on 'T' but Down never drops them".</summary>
    public string Description { get; }
}

/// <summary>
/// "Down calls a helper": the changes of a method body plus those of the helpers of the class it calls, two levels
/// deep; one walk for the analyzers (bodies read by the compiler) and the code fix (bodies read from a semantic model).
/// </summary>
internal static class HelperWalk
{
    public const int MaxDepth = 2;

    public static IReadOnlyList<SchemaChange> Collect(MethodSchemaChanges start, Func<IMethodSymbol, MethodSchemaChanges?> bodyOf)
    {
        // A body that calls no helper (every scaffolded Up and Down) is its own answer: no copy of its changes.
        if (start.HelperCalls.Count == 0)
        {
            return start.Changes;
        }

        var result = new List<SchemaChange>(start.Changes);
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<(IMethodSymbol Method, int Depth)>();
        foreach (var helper in start.HelperCalls)
        {
            pending.Enqueue((helper, 1));
        }

        while (pending.Count > 0)
        {
            var (method, depth) = pending.Dequeue();
            if (depth > MaxDepth || !visited.Add(method) || bodyOf(method) is not { } helperChanges)
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
}
