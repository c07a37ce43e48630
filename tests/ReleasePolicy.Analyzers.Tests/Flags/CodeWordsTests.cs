using Microsoft.CodeAnalysis.CSharp;
using ReleasePolicy.Analyzers.Flags;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>
/// How RP2005 decides that a declared flag is written somewhere in the code: a few words are searched for directly,
/// many with one pass over runs; both must count exactly the same occurrences.
/// </summary>
public sealed class CodeWordsTests
{
    private const string Code = """
        // FeatureManagement:Beta:EnabledFor and "new-checkout" in a comment
        public static class Flags
        {
            public const string NewCheckout = "new-checkout";
            public const string Beta = nameof(Beta);
            public const string Legacy = "x.new-checkout"; // a longer joined run, not new-checkout
            public const string Trailing = "new-checkout-";  // ends at the dash: new-checkout
            public const string Betamax = "BETA_2 beta2 BETA"; // only the last is Beta
            public const string Dotted = "checkout.v2 checkout.v2.1 Checkout.V2";
        }
        """;

    private static readonly string[] Words = { "new-checkout", "Beta", "NewCheckout", "checkout.v2", "EnabledFor", "Flags", "missing", "x", "new", "checkout", "v2" };

    [Theory]
    [InlineData("new-checkout", 5)]
    [InlineData("Beta", 5)]
    [InlineData("checkout.v2", 2)]
    [InlineData("missing", 0)]
    public void A_word_is_counted_only_as_a_whole_run(string word, int expected)
    {
        Assert.Equal(expected, CodeWords.Occurrences(Code, word));
    }

    [Fact]
    public void The_direct_search_and_the_pass_over_runs_count_alike()
    {
        var compilation = CSharpCompilation.Create("Words", new[] { CSharpSyntaxTree.ParseText(Code) });

        var runs = CodeWords.Count(compilation, Words, CancellationToken.None); // more than the direct-search limit
        foreach (var word in Words)
        {
            Assert.True(runs[word] == CodeWords.Count(compilation, new[] { word }, CancellationToken.None)[word], word);
        }
    }
}
