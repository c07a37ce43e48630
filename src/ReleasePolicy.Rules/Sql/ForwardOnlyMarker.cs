using System.Text;

namespace ReleasePolicy.Rules.Sql;

/// <summary>
/// Watches the comment lines of a script's leading comment block for <c>release-policy: forward-only &lt;reason&gt;</c>,
/// the same marker the analyzers accept on a C# migration class (RP1007). <see cref="SqlLexer"/> feeds it comment
/// characters, so the marker is found in the one streamed read of the script. On a line, the marker may follow
/// spaces, <c>-</c> and <c>*</c> (<c>-- </c>, <c>/* </c>, <c> * </c>); the reason is the rest of the line, up to
/// <c>*/</c> in a block comment. The first marker counts.
/// </summary>
/// <remarks>
/// A mutable struct, held in a field of the lexer: scanning a script allocates nothing more unless it has a marker.
/// </remarks>
partial struct ForwardOnlyMarker
{
    public const string Text = "release-policy: forward-only";

    // A reason is a sentence; a longer comment line is cut rather than held whole.
    private const int MaxReasonLength = 1000;

    private StringBuilder? _reason;
    private bool _watching;
    private int _matched;
    private bool _capturing;
    private bool _lastAppended;

    /// <summary>
    /// Reads one comment's text (without its <c>//</c>, <c>--</c> or <c>/* */</c>) the way a script's leading comment
    /// is read: the C# marker comment on a migration class and the SQL one are one syntax.
    /// </summary>
    public static bool TryRead(string comment, out string? reason)
    {
        var marker = default(ForwardOnlyMarker);
        marker.StartLine();
        foreach (var c in comment)
        {
            if (c == '\n')
            {
                marker.EndLine();
                marker.StartLine();
            }
            else if (c != '\r')
            {
                marker.Feed(c);
            }
        }

        marker.EndLine();
        reason = marker.Reason;
        return marker.Found;
    }

    /// <summary>True once a comment line in the leading block starts with the marker.</summary>
    public bool Found { get; private set; }

    /// <summary>What follows the marker, trimmed; null when nothing (or only whitespace) does.</summary>
    public string? Reason { get; private set; }

    /// <summary>A comment line of the leading block starts (after <c>--</c>, after <c>/*</c>, or after a newline inside one).</summary>
    public void StartLine()
    {
        _watching = !Found;
        _matched = 0;
    }

    public void Feed(char c)
    {
        if (_capturing)
        {
            _lastAppended = _reason!.Length < MaxReasonLength;
            if (_lastAppended)
            {
                _reason.Append(c);
            }

            return;
        }

        if (!_watching)
        {
            return;
        }

        if (_matched == 0 && (c == ' ' || c == '\t' || c == '-' || c == '*' || c == '\uFEFF'))
        {
            return;
        }

        if (_matched == Text.Length)
        {
            // "release-policy: forward-onlyish" is another word, not the marker.
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                _watching = false;
                return;
            }

            Found = true;
            _capturing = true;
            _reason ??= new StringBuilder();
            _reason.Append(c);
            _lastAppended = true;
            return;
        }

        if (char.ToLowerInvariant(c) == Text[_matched])
        {
            _matched++;
        }
        else
        {
            _watching = false;
        }
    }

    /// <summary>The comment line ends: at a newline, or at the end of a <c>--</c> comment or of the file.</summary>
    public void EndLine() => End(dropLast: false);

    /// <summary>A block comment ends: the <c>*</c> of its <c>*/</c> was already fed and is no part of the reason.</summary>
    public void EndBlock() => End(dropLast: true);

    private void End(bool dropLast)
    {
        if (_capturing)
        {
            if (dropLast && _lastAppended)
            {
                _reason!.Length--;
            }

            var reason = _reason!.ToString().TrimStart(':', '-', ' ', '\t').Trim();
            Reason = reason.Length == 0 ? null : reason;
            _capturing = false;
        }
        else if (_watching && _matched == Text.Length)
        {
            Found = true;
        }

        _watching = false;
    }
}
