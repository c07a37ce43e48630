using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// Reads an EF Core <c>Up</c> or <c>Down</c> the way <c>dotnet ef migrations add</c> writes it, from syntax alone:
/// statements that are each one <c>migrationBuilder.X(...)</c> call (with the scaffolder's <c>.Annotation(...)</c>
/// chains and column lambdas), whose arguments the rules read (<c>name</c>, <c>table</c>, <c>schema</c>, <c>newName</c>,
/// <c>newSchema</c>, <c>sql</c>, <c>nullable</c>, <c>maxLength</c> and their <c>old</c> forms) are literals. For such a
/// body the answer is the one <see cref="SchemaChangeReader"/> gives from the bound operations, without binding it:
/// a large project's hundreds of scaffolded migrations cost the migration rules a walk of their syntax.
/// Anything else (a helper call, a local, a loop, a constant or an expression where a literal is read, a positional
/// argument whose parameter the overloads disagree on) returns null, and the caller binds the body.
/// </summary>
internal static class ScaffoldedMigrationReader
{
    public static MethodSchemaChanges? TryRead(IMethodSymbol method, SyntaxNode codeBlock, MigrationSymbols symbols)
    {
        if (symbols.EfCoreMigrationBuilder is not { } builderType
            || method.Parameters.Length != 1
            || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type.OriginalDefinition, builderType)
            || codeBlock is not MethodDeclarationSyntax declaration)
        {
            return null;
        }

        var builder = method.Parameters[0].Name;
        var expressions = new List<ExpressionSyntax>();
        if (declaration.Body is { } body)
        {
            foreach (var statement in body.Statements)
            {
                if (statement is not ExpressionStatementSyntax { Expression: var expression })
                {
                    return null;
                }

                expressions.Add(expression);
            }
        }
        else if (declaration.ExpressionBody is { Expression: var single })
        {
            expressions.Add(single);
        }
        else
        {
            return null;
        }

        var changes = new List<SchemaChange>();
        foreach (var expression in expressions)
        {
            if (BuilderCall(expression, builder) is not { } call || CallsOutside(expression, call, builder) || ReadCall(call, builderType) is not { } change)
            {
                return null;
            }

            if (change.Kind == SchemaChangeKind.Sql)
            {
                RawSqlChanges.Expand(change, changes);
            }
            else if (change.Kind != SchemaChangeKind.Other)
            {
                changes.Add(change);
            }
        }

        // In source order already: one change (or one per SQL statement) per statement, statement by statement.
        return new MethodSchemaChanges(changes, new List<IMethodSymbol>());
    }

    /// <summary>
    /// The <c>migrationBuilder.X(...)</c> call a statement makes, through the calls chained on its result
    /// (<c>.Annotation("SqlServer:Identity", "1, 1")</c>): null when the statement is anything else.
    /// </summary>
    private static InvocationExpressionSyntax? BuilderCall(ExpressionSyntax expression, string builder)
    {
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            if (access.Expression is IdentifierNameSyntax { Identifier.ValueText: var receiver })
            {
                return receiver == builder ? invocation : null;
            }

            expression = access.Expression;
        }

        return null;
    }

    /// <summary>
    /// True when the statement does more than the builder call and the builder's own chained calls: it names the
    /// builder again (a builder call inside an argument), or calls something unqualified or on <c>this</c> / <c>base</c>
    /// (a helper of the migration, which the bound reader follows). Scaffolded code does neither.
    /// </summary>
    private static bool CallsOutside(ExpressionSyntax statement, InvocationExpressionSyntax call, string builder)
    {
        foreach (var node in statement.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax { Identifier.ValueText: var name } identifier when name == builder && identifier != ((MemberAccessExpressionSyntax)call.Expression).Expression:
                    return true;
                case InvocationExpressionSyntax { Expression: SimpleNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The change one builder call makes; a kind of <see cref="SchemaChangeKind.Other"/> for a builder method no rule reads, null when the call is not one this reader may answer for.</summary>
    private static SchemaChange? ReadCall(InvocationExpressionSyntax call, INamedTypeSymbol builderType)
    {
        var access = (MemberAccessExpressionSyntax)call.Expression;
        var methodName = access.Name.Identifier.ValueText;
        if (!SchemaChangeReader.EfCoreOperations.TryGetValue(methodName, out var kind))
        {
            // A builder method no rule reads (a sequence, a comment), as the bound reader ignores it; an extension
            // method named so (a team's own helper) is bound instead.
            return builderType.GetMembers(methodName).Any(member => member is IMethodSymbol) ? new SchemaChange(SchemaChangeKind.Other, MigrationFramework.EntityFrameworkCore, call, methodName) : null;
        }

        var change = new SchemaChange(kind, MigrationFramework.EntityFrameworkCore, call, methodName);
        var read = new EfCoreArguments(change);
        var arguments = call.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var parameterName = argument.NameColon?.Name.Identifier.ValueText ?? PositionalParameter(builderType, methodName, i);
            if (parameterName is null || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
            {
                return null;
            }

            if (EfCoreArguments.Read.Contains(parameterName))
            {
                if (!TryLiteral(argument.Expression, out var value))
                {
                    return null;
                }

                read.Add(parameterName, value);
            }
        }

        return read.Complete();
    }

    /// <summary>The parameter a positional argument binds to when every overload of the method agrees on it.</summary>
    private static string? PositionalParameter(INamedTypeSymbol builderType, string methodName, int position)
    {
        string? name = null;
        foreach (var member in builderType.GetMembers(methodName))
        {
            if (member is not IMethodSymbol method || position >= method.Parameters.Length)
            {
                continue;
            }

            var parameter = method.Parameters[position].Name;
            if (name is not null && name != parameter)
            {
                return null;
            }

            name = parameter;
        }

        return name;
    }

    /// <summary>A string, number, <c>true</c>/<c>false</c> or <c>null</c> literal, as the compiler's constant would be.</summary>
    private static bool TryLiteral(ExpressionSyntax expression, out object? value)
    {
        value = null;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                value = literal.Token.ValueText;
                return true;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression):
                value = literal.IsKind(SyntaxKind.TrueLiteralExpression);
                return true;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                return true;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int number:
                value = number;
                return true;
            default:
                return false;
        }
    }
}
