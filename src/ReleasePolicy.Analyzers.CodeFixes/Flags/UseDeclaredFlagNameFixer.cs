using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReleasePolicy.Analyzers.Flags;

namespace ReleasePolicy.Analyzers.CodeFixes.Flags;

/// <summary>
/// RP2002: uses the declared flag the rule suggests. A string literal becomes the declared name; a constant or enum
/// member becomes its sibling whose value is the declared name, so the constant form stays. A constant with no such
/// sibling, or a <c>nameof</c>, gets no fix: renaming it is the user's decision, since other code may use it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDeclaredFlagNameFixer)), Shared]
public sealed class UseDeclaredFlagNameFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UndeclaredFlag);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FlagDeclarationAnalyzer.SuggestionProperty, out var suggestion) || suggestion is not { Length: > 0 }
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax key)
            {
                continue;
            }

            ExpressionSyntax? replacement = null;
            if (key is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion));
            }
            else if (key is IdentifierNameSyntax or MemberAccessExpressionSyntax
                     && await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is { } model
                     && model.GetSymbolInfo(key, context.CancellationToken).Symbol is IFieldSymbol { HasConstantValue: true } field
                     && Sibling(field, suggestion) is { } sibling)
            {
                replacement = key is MemberAccessExpressionSyntax access
                    ? access.WithName(SyntaxFactory.IdentifierName(sibling.Name))
                    : SyntaxFactory.IdentifierName(sibling.Name);
            }

            if (replacement is null)
            {
                continue;
            }

            var title = $"Use the declared flag '{suggestion}'";
            var fixedRoot = root.ReplaceNode(key, replacement.WithTriviaFrom(key));
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), equivalenceKey: "UseDeclaredFlagName"),
                diagnostic);
        }
    }

    /// <summary>The constant of the same type whose value (an enum member: whose name) is the declared flag.</summary>
    private static IFieldSymbol? Sibling(IFieldSymbol field, string suggestion)
    {
        var type = field.ContainingType;
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } candidate && !SymbolEqualityComparer.Default.Equals(candidate, field)
                && (type.TypeKind == TypeKind.Enum ? candidate.Name : candidate.ConstantValue as string) == suggestion)
            {
                return candidate;
            }
        }

        return null;
    }
}
