namespace ReleasePolicy.Rules.Tests.Flags;

public sealed class FlagNameSuggestionTests
{
    private static readonly string[] Declared = { "NewCheckout", "Beta", "DarkMode", "Recommendations" };

    [Theory]
    [InlineData("NewChekout", "NewCheckout")]
    [InlineData("newcheckout2", "NewCheckout")]
    [InlineData("new-checkout", "NewCheckout")]
    [InlineData("new_check_out", "NewCheckout")]
    [InlineData("Bta", "Beta")]
    [InlineData("Darkmod", "DarkMode")]
    [InlineData("Recomendations", "Recommendations")]
    public void ACloseNameIsSuggested(string name, string suggestion)
    {
        Assert.Equal(suggestion, FlagNameSuggestion.Nearest(name, Declared));
    }

    [Theory]
    [InlineData("Payments")]
    [InlineData("Alpha")]
    [InlineData("B")]
    [InlineData("NewCheckoutV2Experiment")]
    [InlineData("")]
    [InlineData("---")]
    public void ANameCloseToNothingGetsNoSuggestion(string name)
    {
        Assert.Null(FlagNameSuggestion.Nearest(name, Declared));
    }

    [Fact]
    public void TiesGoToTheNameThatSortsFirst()
    {
        Assert.Equal("Betb", FlagNameSuggestion.Nearest("Betx", new[] { "Betc", "Betb" }));
    }

    [Fact]
    public void TheClosestNameWins()
    {
        Assert.Equal("Checkout2", FlagNameSuggestion.Nearest("Checkout2x", new[] { "Checkout", "Checkout2" }));
    }

    [Fact]
    public void NoDeclaredNamesMeansNoSuggestion()
    {
        Assert.Null(FlagNameSuggestion.Nearest("Beta", Array.Empty<string>()));
    }
}
