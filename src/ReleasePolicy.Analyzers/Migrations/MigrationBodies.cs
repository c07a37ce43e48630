using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// The schema changes of every method body of one migration class (Up, Down and the helpers they call): for the rule
/// analyzers, read as the compiler hands over each code block (once per compilation, see <see cref="MigrationFacts"/>)
/// and complete by the time the class's symbol-end action runs (<see cref="Collect"/>); for the inventory writer, read
/// from the declarations at the end of the compilation (<see cref="Read"/>).
/// </summary>
internal sealed class MigrationBodies
{
    // Pushed without a lock (a migration has a handful of bodies, read by code-block actions that may run at once),
    // read once all are in: the symbol-end action. A concurrent dictionary's add lock was 50 ms of waiting on 400
    // migrations in a thread-time trace of the compiler.
    private ImmutableStack<(IMethodSymbol Method, MethodSchemaChanges Changes)> _added = ImmutableStack<(IMethodSymbol, MethodSchemaChanges)>.Empty;
    private Dictionary<IMethodSymbol, MethodSchemaChanges>? _bodies;

    // What the symbol-end action's questions share, read once the bodies are complete: every rule of a review asks for
    // Up and Down, and RP1004 and the inventory entry for the missing inverses.
    private Memo<IReadOnlyList<SchemaChange>?> _up;
    private Memo<IReadOnlyList<SchemaChange>?> _down;
    private Memo<List<MissingInverse>> _missing;

    private MigrationBodies()
    {
    }

    /// <summary>Starts collecting the bodies of <paramref name="migration"/> in a symbol-start context.</summary>
    /// <remarks>
    /// A code-block action, not an operation-block one: the compiler builds operations for every method an
    /// operation-block action covers, and an EF Core Designer part's <c>BuildTargetModel</c> (hundreds of lines per
    /// migration, which the .NET analyzers skip as generated code) would be bound for nothing. Here a method costs a
    /// symbol check unless it is Up, Down, an override a base class's template Up or Down calls, or a helper (an
    /// ordinary method that overrides nothing); only those are read, a scaffolded EF Core body from its syntax and
    /// any other through the compiler's shared semantic model.
    /// </remarks>
    public static MigrationBodies Collect(SymbolStartAnalysisContext context, MigrationSymbols symbols, MigrationClass migration)
    {
        var bodies = new MigrationBodies();
        var type = migration.Type;
        var read = BodyNames(migration, context.CancellationToken);
        context.RegisterCodeBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is not IMethodSymbol method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, type)
                || !IsRead(method, read))
            {
                return;
            }

            var model = blockContext.SemanticModel;
            var block = blockContext.CodeBlock;
            var cancellationToken = blockContext.CancellationToken;
            MethodSchemaChanges Read() => ReadBody(method, block, () => model, symbols, type, cancellationToken);

            // Where the inventory writer is the only reader of these bodies, no compilation-wide table is needed.
            ImmutableInterlocked.Push(ref bodies._added, (method.OriginalDefinition, symbols.SharesFacts ? MigrationFacts.ChangesOf(method, Read) : Read()));
        });

        return bodies;
    }

    /// <summary>
    /// Reads the bodies of <paramref name="migration"/> from its declarations once the compiler is done with them (the
    /// inventory writer's compilation-end pass): the same methods <see cref="Collect"/> reads, each a scaffolded EF Core
    /// body from its syntax and any other through the compilation's shared semantic model.
    /// </summary>
    public static MigrationBodies Read(Compilation compilation, MigrationSymbols symbols, MigrationClass migration, CancellationToken cancellationToken)
    {
        var read = BodyNames(migration, cancellationToken);
        var bodies = new Dictionary<IMethodSymbol, MethodSchemaChanges>(SymbolEqualityComparer.Default);
        foreach (var member in migration.Type.GetMembers())
        {
            if (member is not IMethodSymbol declared || !IsRead(declared, read))
            {
                continue;
            }

            var method = declared.PartialImplementationPart ?? declared;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                    && (declaration.Body is not null || declaration.ExpressionBody is not null))
                {
                    bodies[declared.OriginalDefinition] = ReadBody(method, declaration, () => compilation.GetSemanticModel(declaration.SyntaxTree), symbols, migration.Type, cancellationToken);
                }
            }
        }

        return new MigrationBodies { _bodies = bodies };
    }

    /// <summary>The names of the overrides whose bodies are read: Up, Down, and those a base class's template Up or Down calls.</summary>
    private static HashSet<string> BodyNames(MigrationClass migration, CancellationToken cancellationToken)
    {
        var read = new HashSet<string>(StringComparer.Ordinal) { "Up", "Down" };
        foreach (var method in migration.UpMethods(cancellationToken).Concat(migration.DownMethods(cancellationToken)))
        {
            read.Add(method.Name);
        }

        return read;
    }

    /// <summary>Up, Down, an override a base class's template Up or Down calls, or a helper (an ordinary method that overrides nothing).</summary>
    private static bool IsRead(IMethodSymbol method, HashSet<string> overridesRead) =>
        method.MethodKind == MethodKind.Ordinary && (!method.IsOverride || overridesRead.Contains(method.Name));

    /// <summary>A scaffolded EF Core body from its syntax (<see cref="ScaffoldedMigrationReader"/>); any other bound, through <paramref name="model"/>.</summary>
    private static MethodSchemaChanges ReadBody(IMethodSymbol method, SyntaxNode block, Func<SemanticModel> model, MigrationSymbols symbols, INamedTypeSymbol type, CancellationToken cancellationToken) =>
        ScaffoldedMigrationReader.TryRead(method, block, symbols)
        ?? (model().GetOperation(block, cancellationToken) is { } operation
            ? SchemaChangeReader.Read(new[] { operation }, symbols, type)
            : MethodSchemaChanges.Empty);

    /// <summary>
    /// The changes of the class's Up (<see cref="MigrationClass.UpMethods"/>: the declared Up or the overrides a base
    /// class's template Up calls), with the helpers they call; null when there is none.
    /// </summary>
    public IReadOnlyList<SchemaChange>? Up(MigrationClass migration, CancellationToken cancellationToken) =>
        _up.Get(() => Collect(migration.UpMethods(cancellationToken)));

    /// <summary>The changes of the class's Down with the helpers it calls, as <see cref="Up"/> finds Up's.</summary>
    public IReadOnlyList<SchemaChange>? Down(MigrationClass migration, CancellationToken cancellationToken) =>
        _down.Get(() => Collect(migration.DownMethods(cancellationToken)));

    /// <summary>Up's changes that Down does not undo (<see cref="OperationInverses.FindMissing"/>), found once.</summary>
    internal List<MissingInverse> MissingInverses(Func<List<MissingInverse>> find) => _missing.Get(find);

    private IReadOnlyList<SchemaChange>? Collect(IReadOnlyList<IMethodSymbol> methods)
    {
        if (methods.Count == 1)
        {
            return Get(methods[0]) is { } only ? HelperWalk.Collect(only, Get) : null;
        }

        List<SchemaChange>? result = null;
        foreach (var method in methods)
        {
            if (Get(method) is { } body)
            {
                result ??= new List<SchemaChange>();
                result.AddRange(HelperWalk.Collect(body, Get));
            }
        }

        return result;
    }

    /// <summary>The changes of a method of the class, or null when it has no body the compiler analysed.</summary>
    public MethodSchemaChanges? Get(IMethodSymbol? method) =>
        method is not null && Bodies().TryGetValue(method.OriginalDefinition, out var changes) ? changes : null;

    private Dictionary<IMethodSymbol, MethodSchemaChanges> Bodies()
    {
        if (_bodies is null)
        {
            var bodies = new Dictionary<IMethodSymbol, MethodSchemaChanges>(SymbolEqualityComparer.Default);
            foreach (var (method, changes) in Volatile.Read(ref _added))
            {
                bodies[method] = changes;
            }

            _bodies = bodies;
        }

        return _bodies;
    }
}
