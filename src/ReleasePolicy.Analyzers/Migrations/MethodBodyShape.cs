using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReleasePolicy.Analyzers.Migrations;

internal enum BodyShape
{
    /// <summary>No body to look at (abstract, extern, metadata only, or broken syntax).</summary>
    Unknown,

    /// <summary>No statements: empty braces, comments only, or code excluded by <c>#if</c> in this build.</summary>
    Empty,

    /// <summary>Ends in an unconditional throw without doing any migration work before it.</summary>
    OnlyThrows,

    /// <summary>Anything else.</summary>
    HasStatements,
}

/// <summary>Classifies Up/Down bodies from syntax alone, so it also works on base classes in other files.</summary>
internal static class MethodBodyShape
{
    // FluentMigrator's expression roots; a call on one of these is migration work, not logging.
    private static readonly HashSet<string> FluentRoots = new() { "Create", "Delete", "Alter", "Rename", "Execute", "Insert", "Update", "IfDatabase", "Schema" };

    public static BodyShape Of(IMethodSymbol? method, CancellationToken cancellationToken)
    {
        if (method is null)
        {
            return BodyShape.Unknown;
        }

        var result = BodyShape.Unknown;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                var shape = Of(declaration);
                if (shape != BodyShape.Unknown)
                {
                    result = shape;
                }
            }
        }

        return result;
    }

    public static BodyShape Of(MethodDeclarationSyntax declaration)
    {
        if (declaration.ExpressionBody is { } arrow)
        {
            return arrow.Expression is ThrowExpressionSyntax ? BodyShape.OnlyThrows : BodyShape.HasStatements;
        }

        if (declaration.Body is not { } body)
        {
            return BodyShape.Unknown;
        }

        // No list of the statements: every Up and Down of a large project passes through here.
        StatementSyntax? last = null;
        foreach (var statement in body.Statements)
        {
            if (!statement.IsKind(SyntaxKind.EmptyStatement))
            {
                last = statement;
            }
        }

        if (last is null)
        {
            return BodyShape.Empty;
        }

        if (last is ThrowStatementSyntax)
        {
            var parameterName = declaration.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText;
            foreach (var statement in body.Statements)
            {
                if (statement == last)
                {
                    break;
                }

                if (!statement.IsKind(SyntaxKind.EmptyStatement) && DoesMigrationWork(statement, parameterName))
                {
                    return BodyShape.HasStatements;
                }
            }

            return BodyShape.OnlyThrows;
        }

        return BodyShape.HasStatements;
    }

    /// <summary>
    /// True when a statement calls the migration builder or a FluentMigrator root, or anything else we cannot see
    /// through (a method on this class, which may well be the rollback).
    /// </summary>
    private static bool DoesMigrationWork(StatementSyntax statement, string? builderParameterName)
    {
        foreach (var invocation in statement.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            var root = LeftmostIdentifier(invocation.Expression);
            if (root is null)
            {
                return true;
            }

            if (root == builderParameterName || FluentRoots.Contains(root))
            {
                return true;
            }

            if (invocation.Expression is IdentifierNameSyntax or GenericNameSyntax)
            {
                // An unqualified call: a helper on the migration itself.
                return true;
            }
        }

        return false;
    }

    private static string? LeftmostIdentifier(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } thisAccess:
                    return thisAccess.Name.Identifier.ValueText;
                case MemberAccessExpressionSyntax memberAccess:
                    expression = memberAccess.Expression;
                    break;
                case InvocationExpressionSyntax invocation:
                    expression = invocation.Expression;
                    break;
                case ConditionalAccessExpressionSyntax conditional:
                    expression = conditional.Expression;
                    break;
                default:
                    return null;
            }
        }
    }
}
