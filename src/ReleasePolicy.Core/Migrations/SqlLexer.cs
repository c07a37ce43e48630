using System;

namespace ReleasePolicy.Migrations;

/// <summary>
/// A deliberately small SQL lexer fed in chunks: it knows <c>--</c> and (nested) <c>/* */</c> comments, and
/// <c>'...'</c> strings and <c>"..."</c> identifiers with doubled quotes, so a <c>--</c> or a keyword inside a string
/// is not mistaken for a comment or a statement. Statements end at <c>;</c> or a <c>GO</c> batch separator.
/// It reports whether there is any statement at all, and whether one destroys data: DROP TABLE / COLUMN / SCHEMA,
/// TRUNCATE, or DELETE without WHERE; and whether the comments before the first statement declare the script
/// forward-only (<see cref="ForwardOnlyMarker"/>).
/// </summary>
internal sealed class SqlLexer
{
    private const int MaxKeywordLength = 8;

    private readonly char[] _word = new char[MaxKeywordLength];
    private State _state;
    private char _quote;
    private char _pending;
    private char _previous;
    private int _depth;
    private int _wordLength;
    private bool _wordTooLong;
    private int _wordsInStatement;
    private Keyword _lastKeyword;
    private bool _deleting;
    private bool _deleteHasWhere;
    private ForwardOnlyMarker _marker;

    private enum State
    {
        Code,
        LineComment,
        BlockComment,
        Quoted,
        QuotedMaybeEnd,
    }

    private enum Keyword
    {
        None,
        Drop,
        Truncate,
        Delete,
    }

    public bool HasStatements { get; private set; }

    public bool Destructive { get; private set; }

    /// <summary>A comment before the first statement says <c>release-policy: forward-only</c>.</summary>
    public bool ForwardOnly => _marker.Found;

    /// <summary>The reason after the forward-only marker; null when there is none.</summary>
    public string? ForwardOnlyReason => _marker.Reason;

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
        _wordTooLong = false;
        _wordsInStatement = 0;
        _lastKeyword = Keyword.None;
        _deleting = false;
        _deleteHasWhere = false;
        _marker = default;
        HasStatements = false;
        Destructive = false;
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

        EndWord();
        EndStatement();
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

            case State.Quoted:
                if (c == _quote)
                {
                    _state = State.QuotedMaybeEnd;
                }

                return;

            case State.QuotedMaybeEnd:
                // A doubled quote is an escaped quote inside the string; anything else ends it.
                if (c == _quote)
                {
                    _state = State.Quoted;
                    return;
                }

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
        if (char.IsLetterOrDigit(c) || c == '_')
        {
            HasStatements = true;
            if (_wordLength < MaxKeywordLength)
            {
                _word[_wordLength++] = c;
            }
            else
            {
                _wordTooLong = true;
            }

            return;
        }

        EndWord();
        if (c == ';')
        {
            EndStatement();
        }
        else if (c == '\'' || c == '"')
        {
            HasStatements = true;
            _quote = c;
            _state = State.Quoted;
        }
        else if (!char.IsWhiteSpace(c) && c != '\uFEFF')
        {
            HasStatements = true;
        }
    }

    private void EndWord()
    {
        if (_wordLength == 0)
        {
            return;
        }

        var keyword = Keyword.None;
        if (!_wordTooLong)
        {
            var first = _wordsInStatement == 0;
            if (Is("GO"))
            {
                ResetWord();
                EndStatement();
                return;
            }

            if (_lastKeyword == Keyword.Drop && (Is("TABLE") || Is("COLUMN") || Is("SCHEMA")))
            {
                Destructive = true;
            }
            else if (Is("TRUNCATE"))
            {
                Destructive |= first;
                keyword = Keyword.Truncate;
            }
            else if (_lastKeyword == Keyword.Truncate && Is("TABLE"))
            {
                Destructive = true;
            }
            else if (Is("DELETE"))
            {
                // ON DELETE CASCADE or GRANT DELETE is not a deletion; a statement that starts with DELETE or says DELETE FROM is.
                _deleting |= first;
                keyword = Keyword.Delete;
            }
            else if (_lastKeyword == Keyword.Delete && Is("FROM"))
            {
                _deleting = true;
            }
            else if (Is("WHERE"))
            {
                _deleteHasWhere |= _deleting;
            }
            else if (Is("DROP"))
            {
                keyword = Keyword.Drop;
            }
        }

        _lastKeyword = keyword;
        _wordsInStatement++;
        ResetWord();
    }

    private void EndStatement()
    {
        if (_deleting && !_deleteHasWhere)
        {
            Destructive = true;
        }

        _deleting = false;
        _deleteHasWhere = false;
        _wordsInStatement = 0;
        _lastKeyword = Keyword.None;
    }

    private void ResetWord()
    {
        _wordLength = 0;
        _wordTooLong = false;
    }

    private bool Is(string keyword)
    {
        if (keyword.Length != _wordLength)
        {
            return false;
        }

        for (var i = 0; i < _wordLength; i++)
        {
            if (char.ToUpperInvariant(_word[i]) != keyword[i])
            {
                return false;
            }
        }

        return true;
    }
}
