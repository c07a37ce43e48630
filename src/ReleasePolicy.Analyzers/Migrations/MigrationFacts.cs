using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// What every migration rule asks about a migration, computed once per compilation and shared by all of them and by
/// the inventory writer: its forward-only declaration, why its Down cannot roll back, and the schema changes of each
/// method body. Keyed weakly on the symbols, which are unique to one compilation, so nothing outlives it; a rule that
/// asks second reads what the first one computed, so adding a rule does not add another pass over the migrations.
/// </summary>
internal static class MigrationFacts
{
    private static readonly Sharded<INamedTypeSymbol, Box<ForwardOnlyDeclaration>> ForwardOnly = new();
    private static readonly Sharded<INamedTypeSymbol, Box<DownProblem>> DownProblems = new();
    private static readonly Sharded<IMethodSymbol, MethodSchemaChanges> Changes = new();
    private static readonly Sharded<IMethodSymbol, string[]> TemplateCalls = new();

    public static ForwardOnlyDeclaration? ForwardOnlyOf(INamedTypeSymbol type, Func<ForwardOnlyDeclaration?> find) =>
        ForwardOnly.GetValue(type, () => new Box<ForwardOnlyDeclaration>(find())).Value;

    public static DownProblem? DownProblemOf(INamedTypeSymbol type, Func<DownProblem?> find) =>
        DownProblems.GetValue(type, () => new Box<DownProblem>(find())).Value;

    public static MethodSchemaChanges ChangesOf(IMethodSymbol method, Func<MethodSchemaChanges> read) =>
        Changes.GetValue(method.OriginalDefinition, read);

    /// <summary>The names of the methods a project base class's Up or Down calls on itself (a template method).</summary>
    public static string[] TemplateCallsOf(IMethodSymbol method, Func<string[]> read) =>
        TemplateCalls.GetValue(method.OriginalDefinition, read);

    /// <summary>A box, because the table cannot hold null for "none".</summary>
    private sealed class Box<T>
        where T : class
    {
        public Box(T? value) => Value = value;

        public T? Value { get; }
    }

    /// <summary>
    /// Weak tables split sixteen ways by the key's identity. A <see cref="ConditionalWeakTable{TKey, TValue}"/> takes
    /// one lock to add; every migration adds its facts once, from every analysis thread, and on a busy two-core build
    /// a thread descheduled while holding that lock stalled the others (a thread-time trace of the compiler on 400
    /// migrations: 137 ms waiting in it). A found value is read without a lock.
    /// </summary>
    private sealed class Sharded<TKey, TValue>
        where TKey : class
        where TValue : class
    {
        private readonly ConditionalWeakTable<TKey, TValue>[] shards = Enumerable.Range(0, 16).Select(_ => new ConditionalWeakTable<TKey, TValue>()).ToArray();

        public TValue GetValue(TKey key, Func<TValue> create)
        {
            var shard = shards[RuntimeHelpers.GetHashCode(key) & 15];
            return shard.TryGetValue(key, out var found) ? found : shard.GetValue(key, _ => create());
        }
    }
}
