using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// Why a migration's Down cannot roll anything back, judged from symbols and syntax alone: RP1001 (no Down of its own,
/// or an inherited one that only throws), RP1002 (empty while Up changes the database) and RP1003 (only throws).
/// Forward-only declarations are left to the caller: the rules skip such migrations, the inventory reports them.
/// </summary>
internal sealed class DownProblem
{
    private DownProblem(string ruleId, string reason, IMethodSymbol? down, INamedTypeSymbol? inheritedFrom)
    {
        RuleId = ruleId;
        Reason = reason;
        Down = down;
        InheritedFrom = inheritedFrom;
    }

    /// <summary>RP1001, RP1002 or RP1003.</summary>
    public string RuleId { get; }

    /// <summary>"Down is not overridden", "the Down it inherits from 'OneWayMigration' only throws", ...</summary>
    public string Reason { get; }

    /// <summary>The Down at fault; null when there is none.</summary>
    public IMethodSymbol? Down { get; }

    /// <summary>The project base class whose throwing Down the migration inherits (RP1001), if that is the problem.</summary>
    public INamedTypeSymbol? InheritedFrom { get; }

    /// <summary>Null when Down can roll back, or when the migration is an AutoReversingMigration (RP1006's business).</summary>
    public static DownProblem? Find(MigrationClass migration, CancellationToken cancellationToken) =>
        migration.DownProblem(() => migration.SharesFacts
            ? MigrationFacts.DownProblemOf(migration.Type, () => Judge(migration, cancellationToken))
            : Judge(migration, cancellationToken));

    private static DownProblem? Judge(MigrationClass migration, CancellationToken cancellationToken)
    {
        if (migration.IsAutoReversing)
        {
            return null;
        }

        var down = migration.EffectiveDown;
        if (down is null)
        {
            // FluentMigrator declares Down abstract: the compiler already reports the missing override.
            return migration.FrameworkDownIsAbstract
                ? null
                : new DownProblem(RuleIds.MigrationWithoutRollback, "Down is not overridden", null, null);
        }

        var downShape = MethodBodyShape.Of(down, cancellationToken);
        if (!SymbolEqualityComparer.Default.Equals(down.ContainingType, migration.Type))
        {
            return downShape == BodyShape.OnlyThrows
                ? new DownProblem(
                    RuleIds.MigrationWithoutRollback,
                    $"the Down it inherits from '{down.ContainingType.Name}' only throws",
                    down,
                    down.ContainingType)
                : null;
        }

        switch (downShape)
        {
            case BodyShape.Empty when MethodBodyShape.Of(migration.DeclaredUp, cancellationToken) == BodyShape.HasStatements:
                return new DownProblem(RuleIds.EmptyDown, "Down is empty or comment-only while Up changes the database", down, null);
            case BodyShape.OnlyThrows:
                return new DownProblem(RuleIds.DownOnlyThrows, "Down only throws", down, null);
            default:
                return null;
        }
    }
}
