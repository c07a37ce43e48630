using System;
using System.Collections.Generic;

namespace ReleasePolicy.Rules;

/// <summary>
/// "Did you mean …?" for a flag name no source declares: the declared name closest to it by edit distance, ignoring
/// case and the separators people mix up (<c>new-checkout</c>, <c>new_checkout</c>, <c>NewCheckout</c>). Only a
/// close name is suggested (at most one edit per three characters, at most three edits), so a suggestion is worth
/// reading; ties go to the name that sorts first, so the message is the same in every build.
/// </summary>
static partial class FlagNameSuggestion
{
    private const int MaxDistance = 3;

    public static string? Nearest(string name, IEnumerable<string> declared)
    {
        var wanted = Normalize(name);
        if (wanted.Length == 0)
        {
            return null;
        }

        var limit = Math.Min(MaxDistance, Math.Max(1, wanted.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in declared)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                continue;
            }

            var normalized = Normalize(candidate);
            if (Math.Abs(normalized.Length - wanted.Length) > limit)
            {
                continue;
            }

            var distance = Distance(wanted, normalized, limit);
            if (distance <= limit
                && (distance < bestDistance || distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Lower case without '-', '_', '.', ':' and spaces.</summary>
    private static string Normalize(string name)
    {
        var chars = new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c != '-' && c != '_' && c != '.' && c != ':' && !char.IsWhiteSpace(c))
            {
                chars[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, length);
    }

    /// <summary>Levenshtein distance, giving up (returning more than <paramref name="limit"/>) once a row exceeds it.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
