using ReleasePolicy.DocGen;

namespace ReleasePolicy.Rules.Tests;

/// <summary>
/// The committed README table, rule page headers and SDK presets are what the catalogue renders, so a rule cannot
/// change in one place only. On failure, regenerate with the command in the message and commit the result.
/// </summary>
public sealed class GeneratedDocsTests
{
    private static readonly string RepositoryRoot = GeneratedDocs.FindRepositoryRoot(AppContext.BaseDirectory);

    public static TheoryData<string> GeneratedPaths() => new(GeneratedDocs.Render(RepositoryRoot).Select(file => file.Path));

    [Theory]
    [MemberData(nameof(GeneratedPaths))]
    public void CommittedFileIsWhatTheCatalogueGenerates(string path)
    {
        var generated = GeneratedDocs.Render(RepositoryRoot).Single(file => file.Path == path).Content;
        var committed = GeneratedDocs.ReadCommitted(RepositoryRoot, path);
        Assert.True(
            committed == generated,
            $"{path} differs from what the rule catalogue (src/ReleasePolicy.Rules) generates{FirstDifference(committed, generated)}. " +
            $"Run `{GeneratedDocs.RegenerateCommand}` from the repository root and commit the result.");
    }

    [Fact]
    public void APageHeaderKeepsItsHandWrittenRowsAndText()
    {
        var page = "# RP1002: Old title\n\n| | |\n|---|---|\n| Category | Old |\n| Applies to | EF Core migrations |\n\n## What\n\nHand-written.\n";

        var rendered = RulePageHeader.Apply(page, RuleCatalogue.EmptyDown);

        Assert.Equal(
            "# RP1002: Down is empty while Up changes the database\n\n| | |\n|---|---|\n" +
            "| Category | Migrations |\n| Kind | Roslyn analyzer: reported as you type and by the build |\n" +
            "| Default severity | Warning |\n| In `Audit` / `Enforce` mode | Warning / Error |\n" +
            "| Applies to | EF Core migrations |\n\n## What\n\nHand-written.\n",
            rendered);
    }

    [Fact]
    public void ANewPageWithOnlyItsTitleGetsTheHeaderTable()
    {
        var rendered = RulePageHeader.Apply("# RP9002\n\n## What\n", RuleCatalogue.UnreadableInput);

        Assert.StartsWith("# RP9002: Input file cannot be read\n\n| | |\n|---|---|\n| Category | Configuration |\n", rendered);
        Assert.EndsWith("| In `Audit` / `Enforce` mode | Error / Error |\n\n## What\n", rendered);
    }

    [Fact]
    public void ThePresetsNameAnalyzerRulesOnly()
    {
        var enforce = SeverityPreset.Render("Enforce", RuleCatalogue.All);

        Assert.Contains("dotnet_diagnostic.RP1001.severity = error\n", enforce);
        Assert.Contains("dotnet_diagnostic.RP1005.severity = suggestion\n", enforce);
        Assert.DoesNotContain("RP1010", enforce);
    }

    [Fact]
    public void AReadmeWithoutMarkersIsAnErrorThatShowsTheMarkers()
    {
        var error = Assert.Throws<GeneratedDocsException>(() => ReadmeRuleTable.Apply("# ReleasePolicy\n", RuleCatalogue.All));

        Assert.Contains(ReadmeRuleTable.Begin, error.Message);
        Assert.Contains(ReadmeRuleTable.End, error.Message);
    }

    private static string FirstDifference(string committed, string generated)
    {
        var committedLines = committed.Split('\n');
        var generatedLines = generated.Split('\n');
        for (var i = 0; i < Math.Max(committedLines.Length, generatedLines.Length); i++)
        {
            var was = i < committedLines.Length ? committedLines[i] : "(end of file)";
            var expected = i < generatedLines.Length ? generatedLines[i] : "(end of file)";
            if (was != expected)
            {
                return $" from line {i + 1}: committed '{was}', generated '{expected}'";
            }
        }

        return string.Empty;
    }
}
