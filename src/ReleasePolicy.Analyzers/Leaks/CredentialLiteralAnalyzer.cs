using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// RP3003: a connection string, URL or token with a secret in any string literal, sink or not: a secret in source is
/// a secret in every clone, build log and package. The message shows the key, never the value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialLiteralAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.CredentialInStringLiteral,
        title: RuleCatalogue.CredentialInStringLiteral.Title,
        messageFormat: "String literal contains a credential ({0}); move the secret to configuration or a secret store, and rotate it",
        RuleCategories.Leaks,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A password, key or token written in source is in every clone, build log and package; it has to be rotated once it has been committed.",
        helpLinkUri: RuleCatalogue.CredentialInStringLiteral.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!LeakInventoryOption.WriterReportsRules(start.Options))
            {
                Register(start, record: null);
            }
        });
    }

    /// <summary>The rule's actions; given <paramref name="record"/>, they also hand it their diagnostics (the leak inventory, which then reports the rule: see <see cref="LeakInventoryOption"/>).</summary>
    internal static void Register(CompilationStartAnalysisContext start, System.Action<Diagnostic>? record)
    {
        var options = new LeakOptions(start.Options);
        // Every string literal of the compilation comes through here: nothing is allocated for one that holds no
        // credential (no reporting delegate, no boxed context).
        start.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var literal = (LiteralExpressionSyntax)nodeContext.Node;
                if (Analyze(nodeContext.Node, literal.Token.ValueText, options) is { } diagnostic)
                {
                    nodeContext.ReportDiagnostic(diagnostic);
                    record?.Invoke(diagnostic);
                }
            },
            SyntaxKind.StringLiteralExpression);
        start.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                if (Analyze(nodeContext.Node, TextOf((InterpolatedStringExpressionSyntax)nodeContext.Node), options) is { } diagnostic)
                {
                    nodeContext.ReportDiagnostic(diagnostic);
                    record?.Invoke(diagnostic);
                }
            },
            SyntaxKind.InterpolatedStringExpression);
    }

    private static Diagnostic? Analyze(SyntaxNode node, string text, LeakOptions options)
    {
        if (!InternalIdentifierDetector.MightContainCredential(text))
        {
            return null;
        }

        var findings = InternalIdentifierDetector.Find(text, options.For(node.SyntaxTree));
        return InternalIdentifierDetector.Contains(findings, LeakKind.Credential)
            ? Diagnostic.Create(Rule, node.GetLocation(), LeakMessages.List(findings.Where(f => f.Kind == LeakKind.Credential)))
            : null;
    }

    /// <summary>An interpolated string's text parts, each hole a <c>{0}</c>: a secret in a hole is not in the source.</summary>
    private static string TextOf(InterpolatedStringExpressionSyntax interpolated)
    {
        var text = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            text.Append(content is InterpolatedStringTextSyntax part ? part.TextToken.ValueText : "{0}");
        }

        return text.ToString();
    }
}
