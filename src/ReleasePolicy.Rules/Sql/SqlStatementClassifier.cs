using System.Collections.Generic;

namespace ReleasePolicy.Rules.Sql;

/// <summary>
/// Decides what a statement does from its tokens: the verb, the object, the table and, for ALTER TABLE, each clause.
/// Anything it does not recognise is <see cref="SqlStatementKind.Other"/> (raw SQL that only raw SQL can undo), so an
/// unknown dialect makes the rules ask for a rollback, never wave a change through.
/// </summary>
static class SqlStatementClassifier
{
    public static void Classify(List<SqlToken> tokens, bool hasWhere, List<SqlStatement> into)
    {
        var reader = new Reader(tokens);
        var verb = reader.Next();
        if (verb.Is("CREATE"))
        {
            into.Add(Create(ref reader));
        }
        else if (verb.Is("DROP"))
        {
            Drop(ref reader, into);
        }
        else if (verb.Is("ALTER"))
        {
            Alter(ref reader, into);
        }
        else if (verb.Is("TRUNCATE"))
        {
            reader.Skip("TABLE");
            reader.Skip("ONLY");
            into.Add(new SqlStatement(SqlStatementKind.Truncate, table: reader.Name()));
        }
        else if (verb.Is("DELETE"))
        {
            // DELETE FROM t, DELETE t, and T-SQL's DELETE alias FROM t JOIN ...: the first name is the table.
            reader.Skip("FROM");
            into.Add(new SqlStatement(SqlStatementKind.Delete, table: reader.Name()) { HasWhere = hasWhere });
        }
        else if (verb.Is("UPDATE"))
        {
            into.Add(Update(ref reader));
        }
        else if (verb.Is("INSERT"))
        {
            reader.Skip("INTO");
            into.Add(new SqlStatement(SqlStatementKind.Insert, table: reader.Name()));
        }
        else if (verb.Is("SET") || verb.Is("USE") || verb.Is("PRINT") || verb.Is("DECLARE") || verb.Is("COMMIT")
                 || verb.Is("ROLLBACK") || verb.Is("START") || verb.Is("SAVEPOINT") || verb.Is("RAISERROR")
                 || (verb.Is("BEGIN") && (reader.Peek().Is("TRAN") || reader.Peek().Is("TRANSACTION") || reader.Peek().Kind != SqlTokenKind.Word)))
        {
            into.Add(new SqlStatement(SqlStatementKind.Session));
        }
        else
        {
            into.Add(new SqlStatement(SqlStatementKind.Other));
        }
    }

    private static SqlStatement Create(ref Reader reader)
    {
        if (reader.Skip("OR"))
        {
            reader.Skip("REPLACE");
            reader.Skip("ALTER");
        }

        while (reader.Skip("TEMP") || reader.Skip("TEMPORARY") || reader.Skip("UNLOGGED") || reader.Skip("GLOBAL")
               || reader.Skip("LOCAL") || reader.Skip("UNIQUE") || reader.Skip("CLUSTERED") || reader.Skip("NONCLUSTERED")
               || reader.Skip("MATERIALIZED"))
        {
        }

        var what = reader.Next();
        if (what.Is("TABLE"))
        {
            reader.SkipIfNotExists();
            return new SqlStatement(SqlStatementKind.CreateTable, table: reader.Name());
        }

        if (what.Is("SCHEMA"))
        {
            reader.SkipIfNotExists();
            return new SqlStatement(SqlStatementKind.CreateSchema, name: reader.Name());
        }

        if (what.Is("INDEX"))
        {
            reader.Skip("CONCURRENTLY");
            reader.SkipIfNotExists();
            var name = reader.Peek().Is("ON") ? null : reader.Name();
            return new SqlStatement(SqlStatementKind.CreateIndex, table: reader.Skip("ON") ? reader.Name() : null, name: name);
        }

        return IsObject(what)
            ? new SqlStatement(SqlStatementKind.CreateObject, name: what.Text.ToUpperInvariant() + " " + reader.Name())
            : new SqlStatement(SqlStatementKind.Other);
    }

    private static void Drop(ref Reader reader, List<SqlStatement> into)
    {
        var what = reader.Next();
        if (what.Is("TABLE"))
        {
            reader.SkipIfExists();
            // DROP TABLE a, b drops both.
            do
            {
                into.Add(new SqlStatement(SqlStatementKind.DropTable, table: reader.Name()));
            }
            while (reader.SkipPunctuation(','));

            return;
        }

        if (what.Is("SCHEMA"))
        {
            reader.SkipIfExists();
            into.Add(new SqlStatement(SqlStatementKind.DropSchema, name: reader.Name()));
        }
        else if (what.Is("DATABASE"))
        {
            reader.SkipIfExists();
            into.Add(new SqlStatement(SqlStatementKind.DropDatabase, name: reader.Name()));
        }
        else if (what.Is("INDEX"))
        {
            reader.Skip("CONCURRENTLY");
            reader.SkipIfExists();
            var name = reader.Name();
            into.Add(new SqlStatement(SqlStatementKind.DropIndex, table: reader.Skip("ON") ? reader.Name() : null, name: name));
        }
        else if (IsObject(what))
        {
            reader.SkipIfExists();
            into.Add(new SqlStatement(SqlStatementKind.DropObject, name: what.Text.ToUpperInvariant() + " " + reader.Name()));
        }
        else
        {
            // DROP USER, ROLE, LOGIN, SYNONYM...: not data, but a change only raw SQL undoes.
            into.Add(new SqlStatement(SqlStatementKind.Other));
        }
    }

    private static void Alter(ref Reader reader, List<SqlStatement> into)
    {
        if (!reader.Skip("TABLE"))
        {
            into.Add(new SqlStatement(SqlStatementKind.Other));
            return;
        }

        reader.SkipIfExists();
        reader.Skip("ONLY");
        var table = reader.Name();
        var previous = SqlStatementKind.Other;
        do
        {
            previous = AlterClause(ref reader, table, previous, into);
            reader.SkipToClauseEnd();
        }
        while (reader.SkipPunctuation(','));
    }

    // One clause of ALTER TABLE t ...; a clause that starts with a name continues the one before it, as in
    // SQL Server's ALTER TABLE t ADD a int, b int and ALTER TABLE t DROP COLUMN a, b.
    private static SqlStatementKind AlterClause(ref Reader reader, string? table, SqlStatementKind previous, List<SqlStatement> into)
    {
        var verb = reader.Peek();
        if (verb.Is("ADD"))
        {
            reader.Next();
            if (IsConstraintWord(reader.Peek()))
            {
                return AddConstraint(ref reader, table, SqlStatementKind.AddConstraint, into);
            }

            reader.Skip("COLUMN");
            reader.SkipIfNotExists();
            into.Add(new SqlStatement(SqlStatementKind.AddColumn, table: table, name: reader.Name()));
            return SqlStatementKind.AddColumn;
        }

        if (verb.Is("DROP"))
        {
            reader.Next();
            if (IsConstraintWord(reader.Peek()) || reader.Peek().Is("DEFAULT") || reader.Peek().Is("PARTITION"))
            {
                return AddConstraint(ref reader, table, SqlStatementKind.DropConstraint, into);
            }

            reader.Skip("COLUMN");
            reader.SkipIfExists();
            into.Add(new SqlStatement(SqlStatementKind.DropColumn, table: table, name: reader.Name()));
            return SqlStatementKind.DropColumn;
        }

        if (verb.Is("RENAME"))
        {
            reader.Next();
            if (reader.Skip("TO") || reader.Skip("AS"))
            {
                into.Add(new SqlStatement(SqlStatementKind.RenameTable, table: table, newName: reader.Name()));
                return SqlStatementKind.RenameTable;
            }

            reader.Skip("COLUMN");
            var column = reader.Name();
            reader.Skip("TO");
            into.Add(new SqlStatement(SqlStatementKind.RenameColumn, table: table, name: column, newName: reader.Name()));
            return SqlStatementKind.RenameColumn;
        }

        if (verb.Is("ALTER") || verb.Is("MODIFY") || verb.Is("CHANGE"))
        {
            reader.Next();
            reader.Skip("COLUMN");
            into.Add(new SqlStatement(SqlStatementKind.AlterColumn, table: table, name: reader.Name()));
            return SqlStatementKind.AlterColumn;
        }

        if (IsConstraintWord(verb) && previous is SqlStatementKind.AddColumn or SqlStatementKind.AddConstraint)
        {
            return AddConstraint(ref reader, table, SqlStatementKind.AddConstraint, into);
        }

        if (verb.IsName && (previous == SqlStatementKind.AddColumn || previous == SqlStatementKind.DropColumn))
        {
            into.Add(new SqlStatement(previous, table: table, name: reader.Name()));
            return previous;
        }

        into.Add(new SqlStatement(SqlStatementKind.Other, table: table));
        return SqlStatementKind.Other;
    }

    private static SqlStatementKind AddConstraint(ref Reader reader, string? table, SqlStatementKind kind, List<SqlStatement> into)
    {
        string? name = null;
        if (reader.Skip("CONSTRAINT") || reader.Skip("INDEX") || reader.Skip("KEY"))
        {
            reader.SkipIfExists();
            name = reader.Peek().IsName && !IsConstraintWord(reader.Peek()) ? reader.Name() : null;
        }

        into.Add(new SqlStatement(kind, table: table, name: name));
        return kind;
    }

    private static SqlStatement Update(ref Reader reader)
    {
        var table = reader.Name();
        var columns = new List<string>();
        if (reader.SkipUntil("SET"))
        {
            // SET a = ..., b = ...: a name right before '=' at the top level, up to FROM or WHERE.
            while (reader.HasMore && !reader.Peek().Is("FROM") && !reader.Peek().Is("WHERE"))
            {
                var token = reader.Next();
                if (token.IsName && reader.Peek().IsPunctuation('=') && reader.Depth == 0)
                {
                    columns.Add(token.Text);
                }
            }
        }

        return new SqlStatement(SqlStatementKind.Update, table: table) { Columns = columns };
    }

    private static bool IsObject(SqlToken token) =>
        token.Is("VIEW") || token.Is("PROCEDURE") || token.Is("PROC") || token.Is("FUNCTION") || token.Is("TRIGGER")
        || token.Is("SEQUENCE") || token.Is("TYPE") || token.Is("SYNONYM") || token.Is("EXTENSION");

    private static bool IsConstraintWord(SqlToken token) =>
        token.Is("CONSTRAINT") || token.Is("PRIMARY") || token.Is("FOREIGN") || token.Is("UNIQUE") || token.Is("CHECK")
        || token.Is("INDEX") || token.Is("KEY");

    /// <summary>A cursor over a statement's tokens that tracks parenthesis depth.</summary>
    private struct Reader
    {
        private readonly List<SqlToken> _tokens;
        private int _index;

        public Reader(List<SqlToken> tokens)
        {
            _tokens = tokens;
            _index = 0;
            Depth = 0;
        }

        public int Depth { get; private set; }

        public bool HasMore => _index < _tokens.Count;

        public SqlToken Peek() => _index < _tokens.Count ? _tokens[_index] : default;

        public SqlToken Next()
        {
            if (_index >= _tokens.Count)
            {
                return default;
            }

            var token = _tokens[_index++];
            if (token.IsPunctuation('('))
            {
                Depth++;
            }
            else if (token.IsPunctuation(')') && Depth > 0)
            {
                Depth--;
            }

            return token;
        }

        public bool Skip(string keyword)
        {
            if (Peek().Is(keyword))
            {
                _index++;
                return true;
            }

            return false;
        }

        public bool SkipPunctuation(char c)
        {
            if (Peek().IsPunctuation(c))
            {
                _index++;
                return true;
            }

            return false;
        }

        public void SkipIfExists()
        {
            if (Peek().Is("IF") && _index + 1 < _tokens.Count && _tokens[_index + 1].Is("EXISTS"))
            {
                _index += 2;
            }
        }

        public void SkipIfNotExists()
        {
            if (Peek().Is("IF") && _index + 2 < _tokens.Count && _tokens[_index + 1].Is("NOT") && _tokens[_index + 2].Is("EXISTS"))
            {
                _index += 3;
            }
        }

        /// <summary>The next token when it is a name (dbo.Orders already folded into Orders); null otherwise.</summary>
        public string? Name()
        {
            if (Peek().IsName)
            {
                return Next().Text;
            }

            return null;
        }

        /// <summary>Moves past <paramref name="keyword"/> at the top level; false when the statement has none.</summary>
        public bool SkipUntil(string keyword)
        {
            while (HasMore)
            {
                var token = Next();
                if (Depth == 0 && token.Is(keyword))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Moves to the next top-level comma (the end of an ALTER TABLE clause) or the end.</summary>
        public void SkipToClauseEnd()
        {
            var depth = Depth;
            while (HasMore && !(Peek().IsPunctuation(',') && Depth == depth))
            {
                Next();
            }
        }
    }
}
