using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The words written in a compilation's code, with how often: runs of letters, digits and '_' (identifiers, and the
/// parts of strings and configuration keys), and the same runs joined by '-' and '.' (flag names such as
/// <c>new-checkout</c>). Case is ignored, as configuration keys ignore it.
/// </summary>
internal static class CodeWords
{
    public static Dictionary<string, int> Count(Compilation compilation, CancellationToken cancellationToken)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(tree.GetText(cancellationToken).ToString(), words);
        }

        return words;
    }

    /// <summary>How often <paramref name="word"/> is written in <paramref name="text"/> as a whole word.</summary>
    public static int Occurrences(string text, string word)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Add(text, words);
        return words.TryGetValue(word, out var count) ? count : 0;
    }

    private static void Add(string text, Dictionary<string, int> words)
    {
        var start = -1;      // start of the current identifier run
        var joinedStart = -1; // start of the current run including '-' and '.'
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isWordChar = char.IsLetterOrDigit(c) || c == '_';
            if (isWordChar)
            {
                if (start < 0)
                {
                    start = i;
                }

                if (joinedStart < 0)
                {
                    joinedStart = i;
                }

                continue;
            }

            if (start >= 0)
            {
                Increment(words, text.Substring(start, i - start));
                start = -1;
            }

            if ((c == '-' || c == '.') && joinedStart >= 0 && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
            {
                continue; // the joined run goes on
            }

            if (joinedStart >= 0)
            {
                var joined = text.Substring(joinedStart, i - joinedStart);
                if (joined.IndexOf('-') >= 0 || joined.IndexOf('.') >= 0)
                {
                    Increment(words, joined);
                }

                joinedStart = -1;
            }
        }
    }

    private static void Increment(Dictionary<string, int> words, string word) =>
        words[word] = words.TryGetValue(word, out var count) ? count + 1 : 1;
}
