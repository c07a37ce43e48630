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

        // A few words (the usual case: the flags left unchecked) are found with a vectorised search of the text, one
        // word at a time; many words with one pass that splits the text into runs.
        var search = words.Count <= DirectSearchLimit ? new List<string>(words.Keys) : null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (search is null)
            {
                Add(text, words, lengths);
                continue;
            }

            foreach (var word in search)
            {
                words[word] += Occurrences(text, word);
            }
        }

        return words;
    }

    private const int DirectSearchLimit = 8;

    /// <summary>
    /// How often <paramref name="word"/> is written in <paramref name="text"/> as a whole word: as a run of letters,
    /// digits and '_' with none of those on either side, or, for a word with '-' or '.', as a whole joined run (the
    /// same counting as the pass over runs, found with a vectorised search instead).
    /// </summary>
    public static int Occurrences(string text, string word)
    {
        if (word.Length == 0 || !IsWordChar(word[0]) || !IsWordChar(word[word.Length - 1]))
        {
            return 0; // never a run
        }

        var joined = word.IndexOfAny(Separators) >= 0;
        foreach (var c in word)
        {
            if (!IsWordChar(c) && c != '-' && c != '.')
            {
                return 0;
            }
        }

        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            var before = at > 0 ? text[at - 1] : ' ';
            var after = end < text.Length ? text[end] : ' ';
            if (IsWordChar(before) || IsWordChar(after))
            {
                continue;
            }

            // A joined run goes on through a separator between word characters: "x.new-checkout" is not "new-checkout".
            if (joined
                && (((before == '-' || before == '.') && at > 1 && IsWordChar(text[at - 2]))
                    || ((after == '-' || after == '.') && end + 1 < text.Length && IsWordChar(text[end + 1]))))
            {
                continue;
            }

            count++;
        }

        return count;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

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
