using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.CodeFixes.Migrations;

/// <summary>
/// The lines to add to a migration's Down (EF Core or FluentMigrator), and where: into its body, or as a new Down
/// after Up.
/// </summary>
internal sealed class RollbackPlan
{
    private RollbackPlan(MethodDeclarationSyntax up, MethodDeclarationSyntax? down, List<string> lines, RollbackWriter writer)
    {
        Up = up;
        Down = down;
        Lines = lines;
        Writer = writer;
    }

    public MethodDeclarationSyntax Up { get; }

    public MethodDeclarationSyntax? Down { get; }

    public List<string> Lines { get; }

    public RollbackWriter Writer { get; }

    /// <summary>
    /// Null when there is nothing this fix can write (an AutoReversingMigration, parts in other files, a sealed
    /// Down, nothing missing...).
    /// </summary>
    public static RollbackPlan? Create(SemanticModel model, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var symbols = MigrationSymbols.TryCreate(model.Compilation);
        var migration = symbols?.GetMigrationClass(type);
        if (symbols is null || migration is null)
        {
            return null;
        }

        var up = DeclarationIn(model, migration.DeclaredUp, cancellationToken);
        if (up is null)
        {
            return null;
        }

        MethodDeclarationSyntax? down = null;
        if (migration.DeclaredDown is { } declaredDown)
        {
            down = DeclarationIn(model, declaredDown, cancellationToken);
            if (down is null)
            {
                return null;
            }
        }
        else if (migration.EffectiveDown is { IsSealed: true })
        {
            return null;
        }

        var writer = RollbackWriter.For(migration, up, down);
        if (writer is null)
        {
            return null;
        }

        var upChanges = SchemaChangeReader.Read(model, up, symbols, type, cancellationToken).Changes;
        var downChanges = down is null ? new List<SchemaChange>() : ReadWithHelpers(model, down, symbols, type, cancellationToken);
        var lines = writer.WriteInverses(OperationInverses.FindUnreversed(upChanges, downChanges));
        if (down is not null)
        {
            lines = WithoutCommentsAlreadyIn(down, lines);
        }

        return lines.Count == 0 && down is not null ? null : new RollbackPlan(up, down, lines, writer);
    }

    public TextChange? ToTextChange(SourceText text)
    {
        var newLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var memberIndent = IndentationOf(text, Up.SpanStart);
        const string Step = "    ";
        if (Down is null)
        {
            var method = new StringBuilder()
                .Append(newLine).Append(newLine)
                .Append(memberIndent).Append(Writer.DownSignature).Append(newLine)
                .Append(memberIndent).Append('{').Append(newLine);
            foreach (var line in Lines)
            {
                method.Append(memberIndent).Append(Step).Append(line).Append(newLine);
            }

            method.Append(memberIndent).Append('}');
            return new TextChange(new TextSpan(Up.Span.End, 0), method.ToString());
        }

        var statementIndent = IndentationOf(text, Down.SpanStart) + Step;
        var inserted = new StringBuilder();
        foreach (var line in Lines)
        {
            inserted.Append(statementIndent).Append(line).Append(newLine);
        }

        // A one-line body or an expression body becomes a block, keeping what was there after the new lines.
        string Block(string existing)
        {
            var indent = IndentationOf(text, Down.SpanStart);
            var block = new StringBuilder()
                .Append(newLine).Append(indent).Append('{').Append(newLine)
                .Append(inserted);
            if (existing.Length > 0)
            {
                block.Append(statementIndent).Append(existing).Append(newLine);
            }

            return block.Append(indent).Append('}').ToString();
        }

        if (Down.Body is { } body)
        {
            var openLine = text.Lines.GetLineFromPosition(body.OpenBraceToken.SpanStart);
            if (text.Lines.GetLineFromPosition(body.CloseBraceToken.SpanStart).LineNumber == openLine.LineNumber)
            {
                var inner = text.ToString(TextSpan.FromBounds(body.OpenBraceToken.Span.End, body.CloseBraceToken.SpanStart)).Trim();
                return new TextChange(TextSpan.FromBounds(Down.ParameterList.Span.End, body.CloseBraceToken.Span.End), Block(inner));
            }

            // Right after the opening brace's line: inverses of the last Up changes run first.
            return new TextChange(new TextSpan(openLine.EndIncludingLineBreak, 0), inserted.ToString());
        }

        if (Down.ExpressionBody is { } arrow && Down.SemicolonToken.Span.Length > 0)
        {
            var replaced = TextSpan.FromBounds(Down.ParameterList.Span.End, Down.SemicolonToken.Span.End);
            return new TextChange(replaced, Block(arrow.Expression.ToString() + ";"));
        }

        return null;
    }

    /// <summary>
    /// Drops the comments Down already has (one per copy), so that applying the fix again, while the raw SQL still
    /// waits for its hand-written rollback, adds nothing.
    /// </summary>
    private static List<string> WithoutCommentsAlreadyIn(MethodDeclarationSyntax down, List<string> lines)
    {
        SyntaxNode? body = (SyntaxNode?)down.Body ?? down.ExpressionBody;
        if (body is null)
        {
            return lines;
        }

        var existing = body.DescendantTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia))
            .Select(t => t.ToString().Trim())
            .ToList();
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (!line.StartsWith("//", System.StringComparison.Ordinal) || !existing.Remove(line))
            {
                result.Add(line);
            }
        }

        return result;
    }

    private static List<SchemaChange> ReadWithHelpers(SemanticModel model, MethodDeclarationSyntax down, MigrationSymbols symbols, INamedTypeSymbol type, CancellationToken cancellationToken) =>
        HelperWalk.Collect(
            SchemaChangeReader.Read(model, down, symbols, type, cancellationToken),
            helper => DeclarationIn(model, helper, cancellationToken) is { } declaration
                ? SchemaChangeReader.Read(model, declaration, symbols, type, cancellationToken)
                : null).ToList();

    private static MethodDeclarationSyntax? DeclarationIn(SemanticModel model, IMethodSymbol? method, CancellationToken cancellationToken) =>
        method?.DeclaringSyntaxReferences
            .Where(r => r.SyntaxTree == model.SyntaxTree)
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .FirstOrDefault();

    private static string IndentationOf(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var content = text.ToString(line.Span);
        return content.Substring(0, content.Length - content.TrimStart().Length);
    }
}
