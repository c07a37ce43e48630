using System;
using System.Collections.Generic;

namespace ReleasePolicy.Rules.Sql;

/// <summary>What one SQL statement (or one clause of an <c>ALTER TABLE</c>) does, as far as a rollback cares.</summary>
enum SqlStatementKind
{
    /// <summary>Anything not recognised below: it changes the database in a way only raw SQL can undo.</summary>
    Other,

    /// <summary>SET, USE, PRINT, DECLARE, transaction control: no change that needs undoing.</summary>
    Session,
    CreateTable,
    DropTable,
    RenameTable,
    AddColumn,
    DropColumn,
    RenameColumn,
    AlterColumn,
    CreateSchema,
    DropSchema,
    DropDatabase,
    CreateIndex,
    DropIndex,
    AddConstraint,
    DropConstraint,

    /// <summary>CREATE VIEW / PROCEDURE / FUNCTION / TRIGGER / SEQUENCE / TYPE.</summary>
    CreateObject,

    /// <summary>DROP VIEW / PROCEDURE / FUNCTION / TRIGGER / SEQUENCE / TYPE: no rows are lost.</summary>
    DropObject,
    Truncate,
    Delete,
    Update,
    Insert,
}

/// <summary>One classified statement: its kind and the names it is about, as written (unqualified, unquoted).</summary>
sealed class SqlStatement
{
    private static readonly IReadOnlyList<string> NoColumns = Array.Empty<string>();

    public SqlStatement(SqlStatementKind kind, string? table = null, string? name = null, string? newName = null)
    {
        Kind = kind;
        Table = table;
        Name = name;
        NewName = newName;
    }

    public SqlStatementKind Kind { get; }

    /// <summary>The table the statement is about (for CREATE / DROP TABLE, the table itself).</summary>
    public string? Table { get; }

    /// <summary>The column, index, constraint, schema or object name.</summary>
    public string? Name { get; }

    /// <summary>The new name of a rename.</summary>
    public string? NewName { get; }

    /// <summary>DELETE: the statement has a WHERE clause.</summary>
    public bool HasWhere { get; set; }

    /// <summary>UPDATE: the columns it sets.</summary>
    public IReadOnlyList<string> Columns { get; set; } = NoColumns;

    /// <summary>Rows are lost: DROP TABLE / COLUMN / SCHEMA / DATABASE, TRUNCATE, DELETE without WHERE.</summary>
    public bool DestroysData => Kind switch
    {
        SqlStatementKind.DropTable or SqlStatementKind.DropColumn or SqlStatementKind.DropSchema or
        SqlStatementKind.DropDatabase or SqlStatementKind.Truncate => true,
        SqlStatementKind.Delete => !HasWhere,
        _ => false,
    };

    /// <summary>For messages: "DROP TABLE Orders", "ALTER TABLE Orders DROP COLUMN Total", "DELETE FROM Orders without WHERE".</summary>
    public string Describe()
    {
        var table = Table ?? "?";
        return Kind switch
        {
            SqlStatementKind.CreateTable => "CREATE TABLE " + table,
            SqlStatementKind.DropTable => "DROP TABLE " + table,
            SqlStatementKind.RenameTable => "ALTER TABLE " + table + " RENAME TO " + NewName,
            SqlStatementKind.AddColumn => "ALTER TABLE " + table + " ADD " + Name,
            SqlStatementKind.DropColumn => "ALTER TABLE " + table + " DROP COLUMN " + Name,
            SqlStatementKind.RenameColumn => "ALTER TABLE " + table + " RENAME COLUMN " + Name + " TO " + NewName,
            SqlStatementKind.AlterColumn => "ALTER TABLE " + table + " ALTER COLUMN " + Name,
            SqlStatementKind.CreateSchema => "CREATE SCHEMA " + Name,
            SqlStatementKind.DropSchema => "DROP SCHEMA " + Name,
            SqlStatementKind.DropDatabase => "DROP DATABASE " + Name,
            SqlStatementKind.CreateIndex => "CREATE INDEX " + Name + (Table is null ? string.Empty : " ON " + Table),
            SqlStatementKind.DropIndex => "DROP INDEX " + Name,
            SqlStatementKind.AddConstraint => "ALTER TABLE " + table + " ADD CONSTRAINT" + (Name is null ? string.Empty : " " + Name),
            SqlStatementKind.DropConstraint => "ALTER TABLE " + table + " DROP CONSTRAINT" + (Name is null ? string.Empty : " " + Name),
            SqlStatementKind.CreateObject => "CREATE " + Name,
            SqlStatementKind.DropObject => "DROP " + Name,
            SqlStatementKind.Truncate => "TRUNCATE " + table,
            SqlStatementKind.Delete => "DELETE FROM " + table + (HasWhere ? string.Empty : " without WHERE"),
            SqlStatementKind.Update => "UPDATE " + table,
            SqlStatementKind.Insert => "INSERT INTO " + table,
            SqlStatementKind.Session => "session statement",
            _ => "raw SQL statement",
        };
    }

    public override string ToString() => Describe();
}

enum SqlTokenKind
{
    /// <summary>Past the last token.</summary>
    None,
    Word,
    QuotedIdentifier,
    String,
    Punctuation,
}

readonly struct SqlToken
{
    private static readonly string[] Punctuation = CreatePunctuation();

    public SqlToken(SqlTokenKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public SqlTokenKind Kind { get; }

    public string Text { get; }

    /// <summary>A word or a quoted identifier: something that can name a table or column.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    /// <summary>An unquoted word equal to <paramref name="keyword"/> (upper case), ignoring case.</summary>
    public bool Is(string keyword) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char c) => Kind == SqlTokenKind.Punctuation && Text.Length == 1 && Text[0] == c;

    /// <summary>One cached string per ASCII punctuation character, so reading punctuation allocates nothing.</summary>
    public static string PunctuationText(char c) => c < 128 ? Punctuation[c] : c.ToString();

    private static string[] CreatePunctuation()
    {
        var texts = new string[128];
        for (var c = 0; c < texts.Length; c++)
        {
            texts[c] = ((char)c).ToString();
        }

        return texts;
    }

    public override string ToString() => Text;
}
