using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.CodeFixes.Migrations;

/// <summary>
/// Writes the statements that undo Up's changes, last change first, in the migration framework's own API; where no
/// inverse can be derived (raw SQL, a computed name) it writes a comment asking for a hand-written one.
/// </summary>
internal abstract class RollbackWriter
{
    public const string RawSqlComment = "// ReleasePolicy: write the rollback for this raw SQL by hand";

    /// <summary>The header of a Down written from scratch, without its body.</summary>
    public abstract string DownSignature { get; }

    /// <summary>Null for migrations whose Down this fix does not write (FluentMigrator's AutoReversingMigration).</summary>
    public static RollbackWriter? For(MigrationClass migration, MethodDeclarationSyntax up, MethodDeclarationSyntax? down)
    {
        switch (migration.Framework)
        {
            case MigrationFramework.EntityFrameworkCore:
                // Reuse the builder parameter's name, so the new lines read like the rest of the migration.
                var builder = down?.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText
                    ?? up.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText
                    ?? "migrationBuilder";
                return new EfCoreRollbackWriter(builder);
            case MigrationFramework.FluentMigrator when !migration.IsAutoReversing:
                return new FluentMigratorRollbackWriter();
            default:
                return null;
        }
    }

    /// <summary>One line per change: a statement, or a comment where no inverse can be derived.</summary>
    public List<string> WriteInverses(IEnumerable<SchemaChange> unreversedUpChanges)
    {
        var lines = new List<string>();
        var rawSqlCalls = new HashSet<Microsoft.CodeAnalysis.SyntaxNode>();
        foreach (var change in unreversedUpChanges.Reverse())
        {
            // The statements of one Sql() call get one comment: the user writes its rollback as one piece of SQL.
            if (change.IsRawSql && !rawSqlCalls.Add(change.Syntax))
            {
                continue;
            }

            var line = change.IsRawSql ? HandWrittenRollback(change) : WriteInverse(change);
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>The inverse statement, a comment, or null when the change needs no inverse.</summary>
    protected abstract string? WriteInverse(SchemaChange change);

    protected static string HandWrittenRollback(SchemaChange change) =>
        change.IsRawSql
            ? RawSqlComment
            : "// ReleasePolicy: write the rollback for this " + change.OperationName + " by hand";
}
