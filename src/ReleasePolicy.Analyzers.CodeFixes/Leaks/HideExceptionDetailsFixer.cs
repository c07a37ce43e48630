using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ReleasePolicy.Analyzers.CodeFixes.Leaks;

/// <summary>
/// RP3005: replaces the exception detail with a generic message and the request's trace identifier, which the user
/// can quote and support can find in the logs: <c>HttpContext.TraceIdentifier</c> in a controller, the
/// <c>HttpContext</c> parameter or local in scope, else <c>Activity.Current?.Id</c>. Inside an interpolation the
/// hole becomes the trace identifier alone.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HideExceptionDetailsFixer)), Shared]
public sealed class HideExceptionDetailsFixer : CodeFixProvider
{
    private const string Title = "Show a generic message with the trace identifier instead";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ExceptionDetailsInResponse);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax detail
                || IsDeveloperExceptionPage(detail))
            {
                continue;
            }

            var replacement = Replacement(model, detail);
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(detail, replacement))),
                    equivalenceKey: Title),
                diagnostic);
        }
    }

    private static bool IsDeveloperExceptionPage(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseDeveloperExceptionPage" } };

    private static ExpressionSyntax Replacement(SemanticModel model, ExpressionSyntax detail)
    {
        var trace = TraceIdentifier(model, detail);
        var text = detail.Parent is InterpolationSyntax ? trace : "\"An unexpected error occurred. Trace id: \" + " + trace;
        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(detail).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static string TraceIdentifier(SemanticModel model, ExpressionSyntax detail)
    {
        var httpContext = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        if (httpContext is not null)
        {
            foreach (var symbol in model.LookupSymbols(detail.SpanStart))
            {
                var type = symbol switch
                {
                    IParameterSymbol parameter => parameter.Type,
                    ILocalSymbol local => local.Type,
                    IPropertySymbol { IsStatic: false } property when property.Name == "HttpContext" => property.Type,
                    _ => null,
                };
                if (type is not null && SymbolEqualityComparer.Default.Equals(type, httpContext))
                {
                    return symbol.Name + ".TraceIdentifier";
                }
            }
        }

        return "System.Diagnostics.Activity.Current?.Id";
    }
}
