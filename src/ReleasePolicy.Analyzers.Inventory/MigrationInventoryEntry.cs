using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// One migration as the release manifest lists it: its ID, framework, class, and whether it can be rolled back, judged
/// by the same code as RP1001-RP1006. Written by <see cref="MigrationInventoryFile"/> under these names, where
/// ReleasePolicy.Core's MigrationInventory reads them back.
/// </summary>
internal sealed class MigrationInventoryEntry
{

    public const string Reversible = "reversible";
    public const string MissingRollback = "missing-rollback";
    public const string EmptyRollback = "empty-rollback";
    public const string IncompleteRollback = "incomplete-rollback";
    public const string ForwardOnly = "forward-only";

    private static readonly SymbolDisplayFormat ClassNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    private MigrationInventoryEntry(string id, MigrationClass migration, string status, string? reason, bool destructive)
    {
        Id = id;
        Migration = migration;
        Status = status;
        Reason = reason;
        Destructive = destructive;
    }

    /// <summary>EF Core: the <c>[Migration("…")]</c> ID; FluentMigrator: the <c>[Migration(…)]</c> version; else the class name.</summary>
    public string Id { get; }

    public MigrationClass Migration { get; }

    /// <summary><c>efcore</c> or <c>fluentmigrator</c>.</summary>
    public string Kind => Migration.Framework == MigrationFramework.EntityFrameworkCore ? "efcore" : "fluentmigrator";

    /// <summary>Namespace-qualified, e.g. <c>Contoso.Orders.Data.Migrations.AddOrderNotes</c>.</summary>
    public string ClassName => Migration.Type.ToDisplayString(ClassNameFormat);

    /// <summary>One of <see cref="Reversible"/>, <see cref="MissingRollback"/>, <see cref="EmptyRollback"/>, <see cref="IncompleteRollback"/>, <see cref="ForwardOnly"/>.</summary>
    public string Status { get; }

    /// <summary>The forward-only reason, or what makes the rollback missing, empty or incomplete; null when none.</summary>
    public string? Reason { get; }

    /// <summary>Up destroys data (RP1005).</summary>
    public bool Destructive { get; }

    public static MigrationInventoryEntry Create(MigrationClass migration, MigrationSymbols symbols, MigrationBodies bodies, CancellationToken cancellationToken)
    {
        var upChanges = bodies.Up(migration, cancellationToken) ?? MethodSchemaChanges.Empty.Changes;
        var destructive = upChanges.Any(change => DestructiveChange.Describe(change) is not null);
        var id = migration.ReadId(symbols);

        if (ForwardOnlyDeclaration.Find(migration, cancellationToken) is { } forwardOnly)
        {
            // Declared once on a project base class for the migrations deriving from it: the manifest names that class.
            var reason = forwardOnly.DeclaredOn is { } declaredOn && forwardOnly.Reason is { } inherited
                ? $"{inherited} (declared on '{declaredOn.Name}')"
                : forwardOnly.Reason;
            return new MigrationInventoryEntry(id, migration, ForwardOnly, reason, destructive);
        }

        if (migration.IsAutoReversing)
        {
            // FluentMigrator reverses every expression before running any, so one it cannot reverse fails the whole rollback.
            var irreversible = upChanges.FirstOrDefault(change => !AutoReversal.CanBeReversed(change));
            return irreversible is null
                ? new MigrationInventoryEntry(id, migration, Reversible, null, destructive)
                : new MigrationInventoryEntry(id, migration, MissingRollback, $"FluentMigrator cannot reverse {irreversible.OperationName}", destructive);
        }

        if (DownProblem.Find(migration, cancellationToken) is { } problem)
        {
            var status = problem.RuleId == RuleIds.EmptyDown ? EmptyRollback : MissingRollback;
            return new MigrationInventoryEntry(id, migration, status, problem.Reason, destructive);
        }

        if (OperationInverses.AppliesTo(migration, cancellationToken))
        {
            var missing = OperationInverses.FindMissing(migration, bodies, cancellationToken);
            if (missing.Count > 0)
            {
                var reason = string.Join("; ", missing.Select(group => group.Description).Distinct());
                return new MigrationInventoryEntry(id, migration, IncompleteRollback, reason, destructive);
            }
        }

        return new MigrationInventoryEntry(id, migration, Reversible, null, destructive);
    }
}
