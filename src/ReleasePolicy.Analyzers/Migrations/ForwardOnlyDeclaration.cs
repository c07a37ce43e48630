using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReleasePolicy.Rules.Sql;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// A migration's declaration that it is forward-only: <c>[ForwardOnly("reason")]</c> or
/// <c>[ForwardOnlyMigration("reason")]</c> from any namespace (recognised by name, so users need no runtime
/// dependency), or a <c>// release-policy: forward-only &lt;reason&gt;</c> comment on the class.
/// </summary>
internal sealed class ForwardOnlyDeclaration
{
    private ForwardOnlyDeclaration(string? reason, Location location, INamedTypeSymbol? declaredOn = null)
    {
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason!.Trim();
        Location = location;
        DeclaredOn = declaredOn;
    }

    /// <summary>The reason given, or null when none (or only whitespace) was given.</summary>
    public string? Reason { get; }

    /// <summary>The attribute or the marker comment.</summary>
    public Location Location { get; }

    /// <summary>
    /// The project base class that carries the declaration, for every migration deriving from it; null when the
    /// migration declares it itself.
    /// </summary>
    public INamedTypeSymbol? DeclaredOn { get; }

    /// <summary>
    /// The declaration that applies to <paramref name="migration"/>: its own, or else the nearest project base class's
    /// between it and the framework's <c>Migration</c> (declared once for a family of forward-only migrations). Null
    /// when there is none. Looked up once per migration; a base class's own declaration once per compilation.
    /// </summary>
    public static ForwardOnlyDeclaration? Find(MigrationClass migration, CancellationToken cancellationToken) =>
        migration.ForwardOnly(() =>
        {
            var type = migration.Type;
            var own = migration.SharesFacts
                ? MigrationFacts.ForwardOnlyOf(type, () => Read(type, cancellationToken))
                : Read(type, cancellationToken);
            if (own is not null)
            {
                return own;
            }

            for (var current = type.BaseType; current is not null && !migration.IsFrameworkBase(current); current = current.BaseType)
            {
                var baseType = current.OriginalDefinition;
                if (Declared(baseType, cancellationToken) is { } inherited)
                {
                    return new ForwardOnlyDeclaration(inherited.Reason, inherited.Location, baseType);
                }
            }

            return null;
        });

    /// <summary>
    /// The declaration a project base class carries itself (not one it inherits), or null; once per compilation,
    /// since every migration deriving from it asks.
    /// </summary>
    public static ForwardOnlyDeclaration? Declared(INamedTypeSymbol baseType, CancellationToken cancellationToken) =>
        MigrationFacts.ForwardOnlyOf(baseType, () => Read(baseType, cancellationToken));

    private static ForwardOnlyDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (IsForwardOnlyAttributeName(attribute.AttributeClass?.Name))
            {
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                return new ForwardOnlyDeclaration(ReadReason(attribute, syntax), syntax?.GetLocation() ?? Location.None);
            }
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            // An attribute whose type does not resolve may not surface through GetAttributes; read the syntax too.
            foreach (var list in declaration.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (IsForwardOnlyAttributeName(SimpleName(attribute.Name)))
                    {
                        return new ForwardOnlyDeclaration(ReadReason(null, attribute), attribute.GetLocation());
                    }
                }
            }

            var marker = FindMarkerComment(declaration);
            if (marker is not null)
            {
                return marker;
            }
        }

        return null;
    }

    private static bool IsForwardOnlyAttributeName(string? name) =>
        name is "ForwardOnly" or "ForwardOnlyAttribute" or "ForwardOnlyMigration" or "ForwardOnlyMigrationAttribute";

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static string? ReadReason(AttributeData? attribute, AttributeSyntax? syntax)
    {
        if (attribute is not null)
        {
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string text)
                {
                    return text;
                }
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key is "Reason" or "Justification" && named.Value.Value is string text)
                {
                    return text;
                }
            }
        }

        if (syntax?.ArgumentList is { } arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return literal.Token.ValueText;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Looks at the comments before the class name: above the attributes, modifiers or keyword (the leading trivia of
    /// each attribute list, modifier and the keyword, read directly rather than by walking the tokens).
    /// </summary>
    private static ForwardOnlyDeclaration? FindMarkerComment(TypeDeclarationSyntax declaration)
    {
        foreach (var list in declaration.AttributeLists)
        {
            if (FindMarkerComment(list.OpenBracketToken) is { } onAttributes)
            {
                return onAttributes;
            }
        }

        foreach (var modifier in declaration.Modifiers)
        {
            if (FindMarkerComment(modifier) is { } onModifier)
            {
                return onModifier;
            }
        }

        return FindMarkerComment(declaration.Keyword) ?? FindMarkerComment(declaration.Identifier);
    }

    private static ForwardOnlyDeclaration? FindMarkerComment(SyntaxToken token)
    {
        if (!token.HasLeadingTrivia)
        {
            return null;
        }

        foreach (var trivia in token.LeadingTrivia)
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                continue;
            }

            // The same marker syntax as a .sql script's leading comment, read by the same code.
            var text = trivia.ToString();
            text = trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)
                ? text.Substring(2)
                : text.Substring(2, Math.Max(0, text.Length - 4));
            if (ForwardOnlyMarker.TryRead(text, out var reason))
            {
                return new ForwardOnlyDeclaration(reason, trivia.GetLocation());
            }
        }

        return null;
    }
}
