using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.CodeFixes.Migrations;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>
/// Every analyzer and code fix the packages ship, found the way the compiler and the IDE find them (the
/// <c>[DiagnosticAnalyzer]</c> and <c>[ExportCodeFixProvider]</c> attributes), so a new one is covered without a test change.
/// </summary>
internal static class ShippedAnalyzers
{
    /// <summary>The rule families; each has analyzers in ReleasePolicy.Analyzers and an inventory writer.</summary>
    public static readonly string[] Families = { "Migrations", "Flags", "Leaks" };

    public static readonly Assembly Rules = typeof(MigrationWithoutRollbackAnalyzer).Assembly;

    public static readonly Assembly Inventory = typeof(MigrationInventoryWriter).Assembly;

    public static readonly Assembly CodeFixes = typeof(GenerateDownFixer).Assembly;

    public static ImmutableArray<Type> AnalyzerTypes { get; } = new[] { Rules, Inventory }
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => !type.IsAbstract
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    public static ImmutableArray<Type> CodeFixTypes { get; } = CodeFixes.GetTypes()
        .Where(type => !type.IsAbstract
            && typeof(CodeFixProvider).IsAssignableFrom(type)
            && type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>New instances (analyzers keep per-compilation state in their closures, never in fields, but a fresh set costs nothing).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        AnalyzerTypes.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CreateCodeFixes() =>
        CodeFixTypes.Select(type => (CodeFixProvider)Activator.CreateInstance(type)!).ToImmutableArray();

    public static string Family(Type type) => type.Namespace?.Substring(type.Namespace.LastIndexOf('.') + 1) ?? string.Empty;
}
