using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// The schema changes of every method body of one migration class (Up, Down and the helpers they call): in an analyzer,
/// read as the compiler hands over each operation block and complete by the time the class's symbol-end action runs;
/// in the migration inventory generator, read from the semantic model of each declaration.
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
                bodies._bodies[method.OriginalDefinition] = SchemaChangeReader.Read(blockContext.OperationBlocks, symbols, type);
            }
        });

        return bodies;
    }

    /// <summary>Reads the bodies of <paramref name="migration"/> from its declarations, outside an analyzer.</summary>
    public static MigrationBodies Read(Compilation compilation, MigrationSymbols symbols, MigrationClass migration, CancellationToken cancellationToken)
    {
        var bodies = new MigrationBodies();
        foreach (var member in migration.Type.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                    && (declaration.Body is not null || declaration.ExpressionBody is not null))
                {
                    var model = compilation.GetSemanticModel(declaration.SyntaxTree);
                    bodies._bodies[method.OriginalDefinition] = SchemaChangeReader.Read(model, declaration, symbols, migration.Type, cancellationToken);
                }
            }
        }

        return bodies;
    }

    /// <summary>The changes of a method of the class, or null when it has no body the compiler analysed.</summary>
    public MethodSchemaChanges? Get(IMethodSymbol? method) =>
        method is not null && _bodies.TryGetValue(method.OriginalDefinition, out var changes) ? changes : null;
}
