using System;
using System.Collections.Generic;
using System.Linq;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// Down's changes indexed by kind and name, so pairing each Up change with its inverse looks only at the Down changes
/// that could be it (a DropColumn of the same column name, any DropTable) instead of all of them: a scaffolded
/// migration of thousands of operations would otherwise pair in quadratic time. <see cref="Candidates"/> returns a
/// superset of the changes <c>OperationInverses.Reverses</c> accepts, which still decides.
/// </summary>
internal sealed class DownChangeIndex
{
    private static readonly IReadOnlyList<SchemaChange> None = Array.Empty<SchemaChange>();

    private const int SmallDown = 16;

    private readonly IReadOnlyList<SchemaChange> _all;
    private readonly bool _indexed;
    private readonly bool _tablesRenamed;
    // Built only for a Down of more than SmallDown changes.
    private readonly Dictionary<SchemaChangeKind, List<SchemaChange>> _byKind = null!;
    private readonly Dictionary<SchemaChangeKind, Dictionary<string, List<SchemaChange>>> _byKindAndName = null!;
    private readonly Dictionary<SchemaChangeKind, List<SchemaChange>> _unnamedByKind = null!;

    /// <param name="down">Down's changes.</param>
    /// <param name="tablesRenamed">Up or Down renames tables, so a table may be dropped under another name.</param>
    public DownChangeIndex(IReadOnlyList<SchemaChange> down, bool tablesRenamed)
    {
        _all = down;
        _tablesRenamed = tablesRenamed;

        // A Down of a few changes (most migrations) is scanned whole: three dictionaries of lists would cost more than
        // they save.
        _indexed = down.Count > SmallDown;
        if (_indexed)
        {
            _byKind = new Dictionary<SchemaChangeKind, List<SchemaChange>>();
            _byKindAndName = new Dictionary<SchemaChangeKind, Dictionary<string, List<SchemaChange>>>();
            _unnamedByKind = new Dictionary<SchemaChangeKind, List<SchemaChange>>();
        }

        foreach (var change in down)
        {
            HasRawSql |= change.IsRawSql;
            if (!_indexed)
            {
                continue;
            }

            Bucket(_byKind, change.Kind).Add(change);
            if (change.Name is null)
            {
                Bucket(_unnamedByKind, change.Kind).Add(change);
            }
            else
            {
                if (!_byKindAndName.TryGetValue(change.Kind, out var byName))
                {
                    byName = new Dictionary<string, List<SchemaChange>>(StringComparer.OrdinalIgnoreCase);
                    _byKindAndName.Add(change.Kind, byName);
                }

                if (!byName.TryGetValue(change.Name, out var named))
                {
                    named = new List<SchemaChange>();
                    byName.Add(change.Name, named);
                }

                named.Add(change);
            }
        }
    }

    /// <summary>Any raw SQL in Down, which counts as the counterpart of any raw SQL in Up.</summary>
    public bool HasRawSql { get; }

    /// <summary>The Down changes that may reverse <paramref name="up"/> (mirrors the cases of <c>Reverses</c>).</summary>
    public IEnumerable<SchemaChange> Candidates(SchemaChange up) => !_indexed ? _all : up.Kind switch
    {
        SchemaChangeKind.CreateTable => DropTable(up.Name),
        SchemaChangeKind.EnsureSchema => Named(SchemaChangeKind.DropSchema, up.Name),
        SchemaChangeKind.AddColumn => DropTable(up.Table).Concat(Named(SchemaChangeKind.DropColumn, up.Name)),
        SchemaChangeKind.CreateIndex => DropTable(up.Table).Concat(Named(SchemaChangeKind.DropIndex, up.Name)),
        SchemaChangeKind.AddForeignKey => DropTable(up.Table).Concat(Named(SchemaChangeKind.DropForeignKey, up.Name)),
        SchemaChangeKind.AddPrimaryKey => DropTable(up.Table).Concat(Named(SchemaChangeKind.DropPrimaryKey, up.Name)),
        SchemaChangeKind.AddUniqueConstraint => DropTable(up.Table).Concat(Named(SchemaChangeKind.DropUniqueConstraint, up.Name)),
        SchemaChangeKind.RenameTable or SchemaChangeKind.RenameColumn or SchemaChangeKind.RenameIndex => Named(up.Kind, up.NewName),
        _ => _all,
    };

    /// <summary>The DropTables that may drop <paramref name="table"/>: all of them when renames join table names.</summary>
    private IEnumerable<SchemaChange> DropTable(string? table) =>
        _tablesRenamed ? Kind(SchemaChangeKind.DropTable) : Named(SchemaChangeKind.DropTable, table);

    private IReadOnlyList<SchemaChange> Kind(SchemaChangeKind kind) => _byKind.TryGetValue(kind, out var changes) ? changes : None;

    /// <summary>Changes of <paramref name="kind"/> whose name may equal <paramref name="name"/>: unknown names match any.</summary>
    private IEnumerable<SchemaChange> Named(SchemaChangeKind kind, string? name)
    {
        if (name is null)
        {
            return Kind(kind);
        }

        var unnamed = _unnamedByKind.TryGetValue(kind, out var list) ? list : None;
        return _byKindAndName.TryGetValue(kind, out var byName) && byName.TryGetValue(name, out var named)
            ? named.Concat(unnamed)
            : unnamed;
    }

    private static List<SchemaChange> Bucket(Dictionary<SchemaChangeKind, List<SchemaChange>> buckets, SchemaChangeKind kind)
    {
        if (!buckets.TryGetValue(kind, out var bucket))
        {
            bucket = new List<SchemaChange>();
            buckets.Add(kind, bucket);
        }

        return bucket;
    }
}
