using System.Collections.Generic;

namespace ReleasePolicy.Rules.Sql;

/// <summary>
/// The one SQL reader: the build's check of <c>.sql</c> migration scripts streams files through it, and the analyzers
/// feed it the constant text of EF Core <c>Sql()</c> and FluentMigrator <c>Execute.Sql()</c> calls, so "destructive"
/// means the same for every migration kind.
/// </summary>
/// <remarks>
/// Deliberately small, fed in chunks: it knows <c>--</c> and (nested) <c>/* */</c> comments, <c>'...'</c> strings and
/// <c>"..."</c>, <c>`...`</c> and <c>[...]</c> identifiers with doubled quotes, so a <c>--</c>, a <c>;</c> or a keyword
/// inside a string is not mistaken for a comment, a statement end or a statement. Statements end at <c>;</c> or a
/// <c>GO</c> batch separator; each is classified from its first tokens (<see cref="SqlStatementClassifier"/>), and
/// <see cref="Destructive"/> is true when one destroys data: DROP TABLE / COLUMN / SCHEMA / DATABASE, TRUNCATE, or
/// DELETE without WHERE. Dropping an index, a constraint, a view or a routine destroys no rows. The comments before the
/// first statement can declare the script forward-only (<see cref="ForwardOnlyMarker"/>).
/// </remarks>
sealed partial class SqlLexer
{
    // A statement is classified from its first tokens; an INSERT with ten thousand rows keeps only these.
    private const int MaxTokens = 256;
    private const int MaxTokenLength = 128;

    private readonly char[] _word = new char[MaxTokenLength];
    private readonly List<SqlToken> _tokens = new();
    private readonly List<SqlStatement>? _statements;
    private readonly List<SqlStatement> _scratch = new();
    private State _state;
    private char _quote;
    private char _pending;
    private char _previous;
    private int _depth;
    private int _wordLength;
    private bool _qualify;
    private bool _statementHasWhere;
    private ForwardOnlyMarker _marker;

    /// <param name="keepStatements">
    /// Keep every statement for <see cref="Statements"/> (the analyzers pair Up's statements with Down's); the script
    /// check needs only the verdicts and keeps none.
    /// </param>
    public SqlLexer(bool keepStatements = false)
    {
        _statements = keepStatements ? new List<SqlStatement>() : null;
    }

    private enum State
    {
        Code,
        LineComment,
        BlockComment,
        String,
        StringMaybeEnd,
        Identifier,
        IdentifierMaybeEnd,
    }

    public bool HasStatements { get; private set; }

    /// <summary>A statement destroys data (<see cref="DestructiveStatement"/> says which).</summary>
    public bool Destructive => DestructiveStatement is not null;

    /// <summary>The first statement that destroys data, described for a message ("DROP TABLE Orders"); null when none.</summary>
    public string? DestructiveStatement { get; private set; }

    /// <summary>A comment before the first statement says <c>release-policy: forward-only</c>.</summary>
    public bool ForwardOnly => _marker.Found;

    /// <summary>The reason after the forward-only marker; null when there is none.</summary>
    public string? ForwardOnlyReason => _marker.Reason;

    /// <summary>The statements read so far, in order, when the lexer keeps them; empty otherwise.</summary>
    internal IReadOnlyList<SqlStatement> Statements => (IReadOnlyList<SqlStatement>?)_statements ?? System.Array.Empty<SqlStatement>();

    /// <summary>Reads a whole SQL text (an analyzer's constant string) and keeps its statements.</summary>
    internal static SqlLexer Read(string sql)
    {
        var lexer = new SqlLexer(keepStatements: true);
        foreach (var c in sql)
        {
            lexer.Feed(c);
        }

        lexer.Finish();
        return lexer;
    }

    public void Feed(char[] chars, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Feed(chars[i]);
        }
    }

    /// <summary>Forgets the last script, so one lexer serves script after script without an allocation each.</summary>
    public void Reset()
    {
        _state = State.Code;
        _quote = '\0';
        _pending = '\0';
        _previous = '\0';
        _depth = 0;
        _wordLength = 0;
        _qualify = false;
        _statementHasWhere = false;
        _tokens.Clear();
        _statements?.Clear();
        _marker = default;
        HasStatements = false;
        DestructiveStatement = null;
    }

    public void Finish()
    {
        if (_state == State.Code && _pending != '\0')
        {
            Code(_pending);
            _pending = '\0';
        }

        if (_state == State.LineComment || _state == State.BlockComment)
        {
            _marker.EndLine();
        }

        if (_state is State.Identifier or State.IdentifierMaybeEnd)
        {
            EndQuotedIdentifier();
        }

        EndWord();
        EndStatement();
        _state = State.Code;
    }

    private void Feed(char c)
    {
        switch (_state)
        {
            case State.Code:
                if (_pending != '\0')
                {
                    var pending = _pending;
                    _pending = '\0';
                    if (pending == '-' && c == '-')
                    {
                        EndWord();
                        _state = State.LineComment;
                        StartCommentLine();
                        return;
                    }

                    if (pending == '/' && c == '*')
                    {
                        EndWord();
                        _state = State.BlockComment;
                        _depth = 1;
                        _previous = '\0';
                        StartCommentLine();
                        return;
                    }

                    Code(pending);
                }

                if (c == '-' || c == '/')
                {
                    _pending = c;
                    return;
                }

                Code(c);
                return;

            case State.LineComment:
                if (c == '\n')
                {
                    _state = State.Code;
                    _marker.EndLine();
                }
                else if (!HasStatements)
                {
                    _marker.Feed(c);
                }

                return;

            case State.BlockComment:
                if (_previous == '*' && c == '/')
                {
                    _previous = '\0';
                    if (--_depth == 0)
                    {
                        _state = State.Code;
                        _marker.EndBlock();
                    }

                    return;
                }

                if (!HasStatements)
                {
                    if (c == '\n')
                    {
                        _marker.EndLine();
                        StartCommentLine();
                    }
                    else
                    {
                        _marker.Feed(c);
                    }
                }

                if (_previous == '/' && c == '*')
                {
                    _previous = '\0';
                    _depth++;
                    return;
                }

                _previous = c;
                return;

            case State.String:
                if (c == '\'')
                {
                    _state = State.StringMaybeEnd;
                }

                return;

            case State.StringMaybeEnd:
                // A doubled quote is an escaped quote inside the string; anything else ends it.
                if (c == '\'')
                {
                    _state = State.String;
                    return;
                }

                _state = State.Code;
                AddToken(SqlTokenKind.String, string.Empty);
                Feed(c);
                return;

            case State.Identifier:
                if (c == _quote)
                {
                    _state = State.IdentifierMaybeEnd;
                    return;
                }

                Append(c);
                return;

            case State.IdentifierMaybeEnd:
                if (c == _quote)
                {
                    Append(c);
                    _state = State.Identifier;
                    return;
                }

                EndQuotedIdentifier();
                _state = State.Code;
                Feed(c);
                return;
        }
    }

    // Only the comments before the first statement can declare the script forward-only.
    private void StartCommentLine()
    {
        if (!HasStatements)
        {
            _marker.StartLine();
        }
    }

    private void Code(char c)
    {
        if (char.IsLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$')
        {
            // A statement once the word ends and is not GO.
            Append(c);
            return;
        }

        EndWord();
        switch (c)
        {
            case ';':
                EndStatement();
                return;
            case '\'':
                HasStatements = true;
                _state = State.String;
                return;
            case '"':
            case '`':
                HasStatements = true;
                _quote = c;
                _state = State.Identifier;
                return;
            case '[':
                HasStatements = true;
                _quote = ']';
                _state = State.Identifier;
                return;
            case '.':
                // dbo.Orders and "dbo"."Orders" name the table Orders: the next name replaces this one.
                HasStatements = true;
                _qualify = true;
                return;
        }

        if (!char.IsWhiteSpace(c) && c != '\uFEFF')
        {
            HasStatements = true;
            AddToken(SqlTokenKind.Punctuation, SqlToken.PunctuationText(c));
        }
    }

    private void Append(char c)
    {
        if (_wordLength < MaxTokenLength)
        {
            _word[_wordLength] = c;
        }

        _wordLength++;
    }

    private void EndWord()
    {
        if (_wordLength == 0)
        {
            return;
        }

        var length = _wordLength < MaxTokenLength ? _wordLength : MaxTokenLength;
        _wordLength = 0;
        if (length == 2 && Is("GO", length))
        {
            EndStatement();
            return;
        }

        HasStatements = true;
        if (length == 5 && Is("WHERE", length))
        {
            // Seen even past the tokens kept, so a long DELETE ... WHERE is never called a DELETE without WHERE.
            _statementHasWhere = true;
        }

        if (_tokens.Count < MaxTokens)
        {
            AddToken(SqlTokenKind.Word, new string(_word, 0, length));
        }
    }

    private void EndQuotedIdentifier()
    {
        var length = _wordLength < MaxTokenLength ? _wordLength : MaxTokenLength;
        _wordLength = 0;
        AddToken(SqlTokenKind.QuotedIdentifier, new string(_word, 0, length));
    }

    private void AddToken(SqlTokenKind kind, string text)
    {
        var qualify = _qualify;
        _qualify = false;
        if (_tokens.Count >= MaxTokens)
        {
            return;
        }

        var token = new SqlToken(kind, text);
        if (qualify && token.IsName && _tokens.Count > 0 && _tokens[_tokens.Count - 1].IsName)
        {
            _tokens[_tokens.Count - 1] = token;
            return;
        }

        _tokens.Add(token);
    }

    private void EndStatement()
    {
        if (_tokens.Count > 0)
        {
            var first = _statements?.Count ?? 0;
            var statements = _statements ?? _scratch;
            SqlStatementClassifier.Classify(_tokens, _statementHasWhere, statements);
            for (var i = first; i < statements.Count && DestructiveStatement is null; i++)
            {
                if (statements[i].DestroysData)
                {
                    DestructiveStatement = statements[i].Describe();
                }
            }
        }

        _scratch.Clear();
        _tokens.Clear();
        _qualify = false;
        _statementHasWhere = false;
    }

    private bool Is(string keyword, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (char.ToUpperInvariant(_word[i]) != keyword[i])
            {
                return false;
            }
        }

        return true;
    }
}
