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
    /// <summary>How often each of <paramref name="wanted"/> is written in the compilation's code.</summary>
    public static Dictionary<string, int> Count(Compilation compilation, IEnumerable<string> wanted, CancellationToken cancellationToken)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lengths = new HashSet<int>();
        foreach (var word in wanted)
        {
            words[word] = 0;
            lengths.Add(word.Length);
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(tree.GetText(cancellationToken).ToString(), words, lengths);
        }

        return words;
    }

    /// <summary>How often <paramref name="word"/> is written in <paramref name="text"/> as a whole word.</summary>
    public static int Occurrences(string text, string word)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { [word] = 0 };
        Add(text, words, new HashSet<int> { word.Length });
        return words[word];
    }

    /// <summary>Counts the runs of <paramref name="text"/> that are keys of <paramref name="words"/>; only runs of a wanted length are looked up.</summary>
    private static void Add(string text, Dictionary<string, int> words, HashSet<int> lengths)
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
                Increment(words, lengths, text, start, i - start);
                start = -1;
            }

            if ((c == '-' || c == '.') && joinedStart >= 0 && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
            {
                continue; // the joined run goes on
            }

            if (joinedStart >= 0)
            {
                if (text.IndexOfAny(Separators, joinedStart, i - joinedStart) >= 0)
                {
                    Increment(words, lengths, text, joinedStart, i - joinedStart);
                }

                joinedStart = -1;
            }
        }
    }

    private static readonly char[] Separators = { '-', '.' };

    private static void Increment(Dictionary<string, int> words, HashSet<int> lengths, string text, int start, int length)
    {
        if (!lengths.Contains(length))
        {
            return;
        }

        var word = text.Substring(start, length);
        if (words.TryGetValue(word, out var count))
        {
            words[word] = count + 1;
        }
    }
}
