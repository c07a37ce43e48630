using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReleasePolicy.Rules.Sql;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>What a migration operation does to the database, independent of the framework that expresses it.</summary>
internal enum SchemaChangeKind
{
    Other,
    EnsureSchema,
    DropSchema,
    CreateTable,
    DropTable,
    RenameTable,
    AddColumn,
    AlterColumn,
    DropColumn,
    RenameColumn,
    CreateIndex,
    DropIndex,
    RenameIndex,
    AddForeignKey,
    DropForeignKey,
    AddPrimaryKey,
    DropPrimaryKey,
    AddUniqueConstraint,
    DropUniqueConstraint,
    InsertData,
    UpdateData,
    DeleteData,

    /// <summary>Raw SQL, a script file, or arbitrary code run by the migration.</summary>
    Sql,
}

/// <summary>
/// One operation read from a migration body: <c>migrationBuilder.CreateTable(...)</c> or <c>Create.Table(...)</c>.
/// Names are the constant arguments; null means not given or not a constant, and then matches any name.
/// </summary>
internal sealed class SchemaChange
{
    public SchemaChange(SchemaChangeKind kind, MigrationFramework framework, SyntaxNode syntax, string operationName)
    {
        Kind = kind;
        Framework = framework;
        Syntax = syntax;
        OperationName = operationName;
    }

    public SchemaChangeKind Kind { get; }

    public MigrationFramework Framework { get; }

    /// <summary>The invocation (EF Core) or the whole fluent chain (FluentMigrator).</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>How the user wrote it, for messages: <c>DropTable</c>, <c>Delete.Table</c>, <c>Execute.Script</c>.</summary>
    public string OperationName { get; }

    /// <summary>The table, column, index, key, constraint or schema name the operation is about.</summary>
    public string? Name { get; set; }

    /// <summary>The table a column, index, key or constraint belongs to.</summary>
    public string? Table { get; set; }

    public string? Schema { get; set; }

    /// <summary>The new name of a rename.</summary>
    public string? NewName { get; set; }

    public string? NewSchema { get; set; }

    /// <summary>The SQL text when it is a constant.</summary>
    public string? SqlText { get; set; }

    /// <summary>
    /// The statement of constant raw SQL this change was read from (one <c>Sql()</c> call gives one change per
    /// statement, classified by the shared <see cref="SqlLexer"/>); null for a framework operation or opaque SQL.
    /// </summary>
    public SqlStatement? Statement { get; set; }

    /// <summary>Raw SQL: a <c>Sql()</c> / <c>Execute.Sql()</c> statement, or SQL the analyzers cannot read (a script, a computed string).</summary>
    public bool IsRawSql => Kind == SchemaChangeKind.Sql || Statement is not null;

    /// <summary>UPDATE statements: the columns they set.</summary>
    public IReadOnlyList<string> Columns => Statement?.Columns ?? System.Array.Empty<string>();

    /// <summary>EF Core AlterColumn: nullable: false where oldNullable: true.</summary>
    public bool MakesColumnNotNullable { get; set; }

    /// <summary>EF Core AlterColumn: maxLength below oldMaxLength, as (new, old).</summary>
    public (int New, int Old)? NarrowsMaxLength { get; set; }

    /// <summary>
    /// EF Core argument expressions by parameter name, for code fixes that write the inverse: recorded only when the
    /// code fix reads a body (<see cref="SchemaChangeReader.Read(SemanticModel, Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax, MigrationSymbols, INamedTypeSymbol, System.Threading.CancellationToken)"/>),
    /// never in a build, where a dictionary per change of every migration was garbage.
    /// </summary>
    public Dictionary<string, ExpressionSyntax> Arguments => arguments ??= new Dictionary<string, ExpressionSyntax>();

    private Dictionary<string, ExpressionSyntax>? arguments;
}
