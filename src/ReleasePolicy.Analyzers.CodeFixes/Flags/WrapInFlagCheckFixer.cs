using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ReleasePolicy.Analyzers.Flags;

namespace ReleasePolicy.Analyzers.CodeFixes.Flags;

/// <summary>
/// RP2001: wraps the statement that makes the call (or sets the flagged property, or subscribes to the flagged event) in <c>if (await featureManager.IsEnabledAsync("X")) { … }</c>, with
/// the Microsoft.FeatureManagement feature manager already in scope (a parameter, local, field, property or primary
/// constructor parameter). Offered only for a statement of its own (a local declaration or a return would change
/// meaning if wrapped) in an async method or lambda with such a manager in scope; anything else is the user's design.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInFlagCheckFixer)), Shared]
public sealed class WrapInFlagCheckFixer : CodeFixProvider
{
    private static readonly string[] ManagerTypes = { "IFeatureManager", "IVariantFeatureManager", "IFeatureManagerSnapshot", "IVariantFeatureManagerSnapshot" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnguardedFlagRequirement);

    public override FixAllProvider? GetFixAllProvider() => null; // each call site is its own decision

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
            if (!diagnostic.Properties.TryGetValue(UnguardedFlagRequirementAnalyzer.FlagProperty, out var flag) || flag is not { Length: > 0 }
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } call
                || call.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement
                || !IsTheStatementsCall(statement, call)
                || !IsInAsyncCode(statement, model, context.CancellationToken)
                || FeatureManagerInScope(model, statement.SpanStart, context.CancellationToken) is not { } manager)
            {
                continue;
            }

            var title = $"Call only when '{flag}' is enabled";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, Wrap(statement, manager, flag)))), equivalenceKey: title),
                diagnostic);
        }
    }

    /// <summary>
    /// The statement is the use: the call, or an await of it, or an assignment to the flagged property or indexer, or
    /// a subscription to the flagged event (<c>prices.Discount = 5;</c>, <c>checkout.Completed += OnCompleted;</c>).
    /// Not a use buried in an argument of something else, which the user wraps as they see fit.
    /// </summary>
    private static bool IsTheStatementsCall(ExpressionStatementSyntax statement, SyntaxNode call)
    {
        if (statement.Expression is AssignmentExpressionSyntax assignment && assignment.Left == call)
        {
            return true;
        }

        var expression = statement.Expression;
        while (expression is AwaitExpressionSyntax awaited)
        {
            expression = awaited.Expression;
        }

        return expression == call || (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access } && access.Expression == call);
    }

    private static bool IsInAsyncCode(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return model.GetDeclaredSymbol(method, cancellationToken) is { IsAsync: true };
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The nearest feature manager the code can name here: locals and parameters first, then members.</summary>
    private static string? FeatureManagerInScope(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        string? member = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (type is not INamedTypeSymbol named || !ManagerTypes.Contains(named.Name) || named.ContainingNamespace?.ToDisplayString() != "Microsoft.FeatureManagement")
            {
                continue;
            }

            if (symbol is ILocalSymbol or IParameterSymbol)
            {
                return symbol.Name;
            }

            member ??= symbol.Name;
        }

        return member;
    }

    private static StatementSyntax Wrap(ExpressionStatementSyntax statement, string manager, string flag)
    {
        var check = SyntaxFactory.AwaitExpression(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(manager), SyntaxFactory.IdentifierName("IsEnabledAsync")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(flag)))))));
        return SyntaxFactory.IfStatement(check, SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
