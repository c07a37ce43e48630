using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>
/// The ways the corpus breaks one real source file: each returns (mutation name, broken text) pairs, deterministically
/// (a seeded <see cref="Random"/>), so a failure names a mutation that reproduces.
/// </summary>
internal static class CorpusMutations
{
    /// <summary>At most this many truncated prefixes per file, spread evenly over its every-7th-token cuts.</summary>
    public const int MaxPrefixes = 40;

    public static IEnumerable<(string Name, string Text)> All(string text)
    {
        foreach (var item in Truncations(text))
        {
            yield return item;
        }

        foreach (var item in RandomDeletions(text))
        {
            yield return item;
        }

        foreach (var item in UnbalancedBraces(text))
        {
            yield return item;
        }

        yield return ("odd-unicode", OddUnicode(text));
        yield return ("if-maze", IfMaze(text, terminated: true));
        yield return ("if-maze-unterminated", IfMaze(text, terminated: false));
    }

    /// <summary>The file as an editor holds it mid-typing: cut after token 7, 14, 21, … (at most <see cref="MaxPrefixes"/> cuts).</summary>
    public static IEnumerable<(string Name, string Text)> Truncations(string text)
    {
        var tokens = Tokens(text);
        var cuts = Enumerable.Range(1, tokens.Count / 7).Select(i => i * 7).ToList();
        var chosen = cuts.Count <= MaxPrefixes
            ? cuts
            : Enumerable.Range(0, MaxPrefixes).Select(i => cuts[i * cuts.Count / MaxPrefixes]).Distinct().ToList();
        foreach (var cut in chosen)
        {
            yield return ($"truncated-at-token-{cut}", text.Substring(0, tokens[cut - 1].Span.End));
        }
    }

    /// <summary>A handful of tokens deleted at random places (three variants, each with its own seed).</summary>
    public static IEnumerable<(string Name, string Text)> RandomDeletions(string text)
    {
        var tokens = Tokens(text);
        for (var seed = 1; seed <= 3; seed++)
        {
            var random = new Random(seed);
            var doomed = Enumerable.Range(0, Math.Max(1, tokens.Count / 40)).Select(_ => random.Next(tokens.Count)).ToHashSet();
            var builder = new StringBuilder(text);
            foreach (var index in doomed.OrderByDescending(i => i))
            {
                builder.Remove(tokens[index].SpanStart, tokens[index].Span.Length);
            }

            yield return ($"random-deletions-seed-{seed}", builder.ToString());
        }
    }

    public static IEnumerable<(string Name, string Text)> UnbalancedBraces(string text)
    {
        var last = text.LastIndexOf('}');
        if (last >= 0)
        {
            yield return ("missing-last-close-brace", text.Remove(last, 1));
        }

        var closes = Enumerable.Range(0, text.Length).Where(i => text[i] == '}').ToList();
        if (closes.Count > 0)
        {
            yield return ("missing-every-close-brace", text.Replace("}", string.Empty));
            yield return ("extra-close-brace-mid-file", text.Insert(closes[closes.Count / 2], "}}"));
        }

        var opens = Enumerable.Range(0, text.Length).Where(i => text[i] == '{').ToList();
        if (opens.Count > 0)
        {
            yield return ("extra-open-brace-mid-file", text.Insert(opens[opens.Count / 2] + 1, "{ {"));
        }
    }

    /// <summary>
    /// Bidi overrides and isolates (U+202E, U+2066, U+2069), zero-width characters and lone surrogate halves inside
    /// every string literal and comment; combining marks and format characters appended to identifiers (some
    /// occurrences only, so a name no longer matches its declaration).
    /// </summary>
    public static string OddUnicode(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text);
        var edits = new List<(int Position, string Insert)>();
        var identifier = 0;
        foreach (var token in tree.GetRoot().DescendantTokens(descendIntoTrivia: true))
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
            {
                var inside = token.IsKind(SyntaxKind.StringLiteralToken) ? token.SpanStart + token.Text.IndexOf('"') + 1 : token.SpanStart;
                edits.Add((inside, "\u202E\u2066\u200B\uD800\u2069\uDC00\u200D"));
            }
            else if (token.IsKind(SyntaxKind.IdentifierToken) && identifier++ % 3 == 0)
            {
                edits.Add((token.Span.End, identifier % 2 == 0 ? "\u0301\u0323" : "\u200C"));
            }

            foreach (var trivia in token.LeadingTrivia.Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)))
            {
                edits.Add((trivia.Span.End, " \u202E\u2067 tricky \u2069"));
            }
        }

        var builder = new StringBuilder(text);
        foreach (var (position, insert) in edits.OrderByDescending(e => e.Position))
        {
            builder.Insert(position, insert);
        }

        return "// \u202Ereversed header\uFEFF\n" + builder;
    }

    /// <summary>
    /// Nested <c>#if</c>/<c>#elif</c>/<c>#else</c> with undefined symbols around runs of lines (so declarations, method
    /// heads and their bodies land in different branches), optionally leaving the outermost <c>#if</c> unterminated.
    /// </summary>
    public static string IfMaze(string text, bool terminated)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var random = new Random(lines.Count);
        var output = new List<string>();
        var open = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i % 4 == 1 && open < 6)
            {
                output.Add($"#if RP_UNDEFINED_{i} || (RP_NEVER && !DEBUG_{open})");
                open++;
            }

            output.Add(lines[i]);
            if (open > 0 && random.Next(5) == 0)
            {
                output.Add(random.Next(2) == 0 ? $"#elif RP_OTHER_{i}" : "#else");
                output.Add(lines[random.Next(lines.Count)]);
            }

            if (open > 1 && i % 5 == 3)
            {
                output.Add("#endif");
                open--;
            }
        }

        for (var close = terminated ? open : open - 1; close > 0; close--)
        {
            output.Add("#endif");
        }

        if (!terminated)
        {
            output.Insert(output.Count / 2, "#if RP_UNTERMINATED");
        }

        return string.Join("\n", output);
    }

    private static List<SyntaxToken> Tokens(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();
}
