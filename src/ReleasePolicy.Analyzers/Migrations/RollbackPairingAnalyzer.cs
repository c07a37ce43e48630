using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>RP1004: an operation in Up whose inverse Down never performs (looking one helper deep into Down).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RollbackPairingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.DownDoesNotReverseUp,
        title: "Down does not reverse Up",
        messageFormat: "Migration '{0}': {1}; add the inverse to Down, or declare the migration forward-only with a reason",
        RuleCategories.Migrations,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every change Up makes needs its inverse in Down, or a rollback leaves the database half-way between two releases.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DownDoesNotReverseUp));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(compilationContext =>
        {
            var symbols = MigrationSymbols.TryCreate(compilationContext.Compilation);
            if (symbols is null)
            {
                return;
            }

            compilationContext.RegisterSymbolStartAction(symbolContext => AnalyzeMigration(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeMigration(SymbolStartAnalysisContext context, MigrationSymbols symbols)
    {
        var migration = symbols.GetMigrationClass(context.Symbol as INamedTypeSymbol);
        var up = migration?.DeclaredUp;
        var down = migration?.DeclaredDown;
        if (migration is null || up is null || down is null || migration.IsAutoReversing
            || MethodBodyShape.Of(down, context.CancellationToken) != BodyShape.HasStatements
            || ForwardOnlyDeclaration.Find(migration.Type, context.CancellationToken) is not null)
        {
            // No Down, an empty one or a throwing one are RP1001-RP1003; forward-only migrations are exempt.
            return;
        }

        var type = migration.Type;
        var bodies = new ConcurrentDictionary<IMethodSymbol, MethodSchemaChanges>(SymbolEqualityComparer.Default);
        context.RegisterOperationBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is IMethodSymbol method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, type))
            {
                bodies[method.OriginalDefinition] = SchemaChangeReader.Read(blockContext.OperationBlocks, symbols, type);
            }
        });

        context.RegisterSymbolEndAction(endContext =>
        {
            if (!bodies.TryGetValue(up.OriginalDefinition, out var upChanges) || !bodies.TryGetValue(down.OriginalDefinition, out var downChanges))
            {
                return;
            }

            foreach (var missing in RollbackPairing.FindUnreversed(upChanges.Changes, CollectWithHelpers(downChanges, bodies)))
            {
                endContext.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    missing.Syntax.GetLocation(),
                    type.Name,
                    RollbackPairing.DescribeMissingInverse(missing)));
            }
        });
    }

    /// <summary>Down's own changes plus those of the helpers it calls, and of the helpers they call.</summary>
    private static List<SchemaChange> CollectWithHelpers(MethodSchemaChanges down, ConcurrentDictionary<IMethodSymbol, MethodSchemaChanges> bodies)
    {
        var result = new List<SchemaChange>(down.Changes);
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<(IMethodSymbol Method, int Depth)>();
        foreach (var helper in down.HelperCalls)
        {
            pending.Enqueue((helper, 1));
        }

        while (pending.Count > 0)
        {
            var (method, depth) = pending.Dequeue();
            if (depth > 2 || !visited.Add(method) || !bodies.TryGetValue(method, out var helperChanges))
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
