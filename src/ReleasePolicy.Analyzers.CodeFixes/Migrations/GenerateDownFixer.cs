using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.CodeFixes.Migrations;

/// <summary>
/// RP1001, RP1002, RP1004 for EF Core and FluentMigrator: writes the missing inverse of each Up operation into Down
/// (creating Down when it is missing), last operation first, with a comment where raw SQL needs a hand-written rollback.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateDownFixer)), Shared]
public sealed class GenerateDownFixer : CodeFixProvider
{
    private const string Title = "Write the missing rollback in Down";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.MigrationWithoutRollback,
        RuleIds.EmptyDown,
        RuleIds.DownDoesNotReverseUp);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            var declaration = node.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
            if (declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type)
            {
                continue;
            }

            var plan = RollbackPlan.Create(model, type, context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => ApplyAsync(context.Document, type, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, INamedTypeSymbol originalType, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return document;
        }

        // Resolve again in this document's compilation: the plan must see the current code.
        var type = SymbolFinderInDocument(model, originalType, cancellationToken);
        var plan = type is null ? null : RollbackPlan.Create(model, type, cancellationToken);
        var change = plan?.ToTextChange(text);
        return change is null ? document : document.WithText(text.WithChanges(change.Value));
    }

    private static INamedTypeSymbol? SymbolFinderInDocument(SemanticModel model, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree
                && model.GetDeclaredSymbol(reference.GetSyntax(cancellationToken), cancellationToken) is INamedTypeSymbol current)
            {
                return current;
            }
        }

        return null;
    }
}
