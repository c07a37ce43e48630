using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// Whether code only runs in development: inside <c>if (env.IsDevelopment())</c> (also
/// <c>env.EnvironmentName == "Development"</c>, <c>env.IsEnvironment(Environments.Development)</c>; any receiver:
/// <c>app.Environment</c>, <c>builder.Environment</c>, an <c>IHostEnvironment</c> / <c>IWebHostEnvironment</c>
/// parameter or field), in the true branch of <c>env.IsDevelopment() ? … : …</c>, in the else branch of
/// <c>if (!env.IsDevelopment())</c>, or after <c>if (!env.IsDevelopment()) return …;</c> in the same block.
/// Lambdas do not break the guard: a handler registered inside the <c>if</c> runs only in development too.
/// </summary>
internal static class DevelopmentGuard
{
    public static bool Dominates(SyntaxNode node)
    {
        // By kind first: one integer comparison per ancestor instead of a type test per case.
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent.Kind())
            {
                case SyntaxKind.IfStatement:
                    var @if = (IfStatementSyntax)parent;
                    if (@if.Statement == child && IsDevelopmentCheck(@if.Condition, negated: false))
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.ElseClause:
                    if (parent.Parent is IfStatementSyntax elseOf && IsDevelopmentCheck(elseOf.Condition, negated: true))
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.ConditionalExpression:
                    var conditional = (ConditionalExpressionSyntax)parent;
                    if (conditional.WhenTrue == child && IsDevelopmentCheck(conditional.Condition, negated: false)
                        || conditional.WhenFalse == child && IsDevelopmentCheck(conditional.Condition, negated: true))
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.Block:
                    if (child is StatementSyntax statement && EarlyExitBefore((BlockSyntax)parent, statement))
                    {
                        return true;
                    }

                    break;
                default:
                    if (parent is MemberDeclarationSyntax)
                    {
                        return false;
                    }

                    break;
            }
        }

        return false;
    }

    private static bool EarlyExitBefore(BlockSyntax block, StatementSyntax statement)
    {
        foreach (var earlier in block.Statements)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IfStatementSyntax { Else: null } @if && IsDevelopmentCheck(@if.Condition, negated: true) && Exits(@if.Statement))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax { Statements.Count: > 0 } block => block.Statements[block.Statements.Count - 1] is ReturnStatementSyntax or ThrowStatementSyntax,
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="condition"/> holds only in development (<c>env.IsDevelopment()</c>, also as one side
    /// of <c>&amp;&amp;</c>), or, when <paramref name="negated"/>, only outside it (<c>!env.IsDevelopment()</c>, also
    /// as one side of <c>||</c>).
    /// </summary>
    private static bool IsDevelopmentCheck(ExpressionSyntax condition, bool negated)
    {
        condition = Unwrap(condition);
        if (negated)
        {
            return condition switch
            {
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => IsDevelopmentCheck(not.Operand, negated: false),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or => IsDevelopmentCheck(or.Left, true) || IsDevelopmentCheck(or.Right, true),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression } notEquals => ComparesEnvironmentNameWithDevelopment(notEquals),
                _ => false,
            };
        }

        return condition switch
        {
            InvocationExpressionSyntax invocation => IsDevelopmentCall(invocation),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and => IsDevelopmentCheck(and.Left, false) || IsDevelopmentCheck(and.Right, false),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals => ComparesEnvironmentNameWithDevelopment(equals),
            _ => false,
        };
    }

    /// <summary><c>env.IsDevelopment()</c>, <c>env.IsEnvironment("Development")</c> or <c>string.Equals(env.EnvironmentName, "Development"…)</c>.</summary>
    private static bool IsDevelopmentCall(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
        var arguments = invocation.ArgumentList.Arguments;
        return name switch
        {
            "IsDevelopment" => true,
            "IsEnvironment" => arguments.Count == 1 && IsDevelopmentName(arguments[0].Expression),
            "Equals" => arguments.Count >= 2
                && ((IsEnvironmentName(arguments[0].Expression) && IsDevelopmentName(arguments[1].Expression))
                    || (IsDevelopmentName(arguments[0].Expression) && IsEnvironmentName(arguments[1].Expression))),
            _ => false,
        };
    }

    /// <summary><c>env.EnvironmentName == "Development"</c> (or <c>!=</c>, either side, or <c>Environments.Development</c>).</summary>
    private static bool ComparesEnvironmentNameWithDevelopment(BinaryExpressionSyntax comparison) =>
        (IsEnvironmentName(comparison.Left) && IsDevelopmentName(comparison.Right))
        || (IsDevelopmentName(comparison.Left) && IsEnvironmentName(comparison.Right));

    private static bool IsEnvironmentName(ExpressionSyntax expression) => Unwrap(expression) switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "EnvironmentName",
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText == "EnvironmentName",
        ConditionalAccessExpressionSyntax conditional => IsEnvironmentName(conditional.WhenNotNull),
        _ => false,
    };

    private static bool IsDevelopmentName(ExpressionSyntax expression) => Unwrap(expression) switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText == "Development",
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Environments" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Environments" } } member
            => member.Name.Identifier.ValueText == "Development",
        _ => false,
    };

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
