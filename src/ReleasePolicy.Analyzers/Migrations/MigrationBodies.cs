using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// The schema changes of every method body of one migration class (Up, Down and the helpers they call), read as the
/// compiler hands over each operation block (once per compilation, see <see cref="MigrationFacts"/>) and complete by
/// the time the class's symbol-end action runs.
/// </summary>
internal sealed class MigrationBodies
{
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSchemaChanges> _bodies = new(SymbolEqualityComparer.Default);

    private MigrationBodies()
    {
    }

    /// <summary>Starts collecting the bodies of <paramref name="migration"/> in a symbol-start context.</summary>
    public static MigrationBodies Collect(SymbolStartAnalysisContext context, MigrationSymbols symbols, MigrationClass migration)
    {
        var bodies = new MigrationBodies();
        var type = migration.Type;
        context.RegisterOperationBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is IMethodSymbol method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, type))
            {
                var blocks = blockContext.OperationBlocks;
                bodies._bodies[method.OriginalDefinition] = MigrationFacts.ChangesOf(method, () => SchemaChangeReader.Read(blocks, symbols, type));
            }
        });

        return bodies;
    }

    /// <summary>The changes of a method of the class, or null when it has no body the compiler analysed.</summary>
    public MethodSchemaChanges? Get(IMethodSymbol? method) =>
        method is not null && _bodies.TryGetValue(method.OriginalDefinition, out var changes) ? changes : null;
}
