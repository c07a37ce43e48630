using System;
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
    private static readonly ConditionalWeakTable<INamedTypeSymbol, Box<ForwardOnlyDeclaration>> ForwardOnly = new();
    private static readonly ConditionalWeakTable<INamedTypeSymbol, Box<DownProblem>> DownProblems = new();
    private static readonly ConditionalWeakTable<IMethodSymbol, MethodSchemaChanges> Changes = new();
    private static readonly ConditionalWeakTable<IMethodSymbol, string[]> TemplateCalls = new();

    public static ForwardOnlyDeclaration? ForwardOnlyOf(INamedTypeSymbol type, Func<ForwardOnlyDeclaration?> find) =>
        ForwardOnly.GetValue(type, _ => new Box<ForwardOnlyDeclaration>(find())).Value;

    public static DownProblem? DownProblemOf(INamedTypeSymbol type, Func<DownProblem?> find) =>
        DownProblems.GetValue(type, _ => new Box<DownProblem>(find())).Value;

    public static MethodSchemaChanges ChangesOf(IMethodSymbol method, Func<MethodSchemaChanges> read) =>
        Changes.GetValue(method.OriginalDefinition, _ => read());

    /// <summary>The names of the methods a project base class's Up or Down calls on itself (a template method).</summary>
    public static string[] TemplateCallsOf(IMethodSymbol method, Func<string[]> read) =>
        TemplateCalls.GetValue(method.OriginalDefinition, _ => read());

    /// <summary>A box, because the table cannot hold null for "none".</summary>
    private sealed class Box<T>
        where T : class
    {
        public Box(T? value) => Value = value;

        public T? Value { get; }
    }
}
