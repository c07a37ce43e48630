namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>
/// Analyzers never throw and never hang, whatever the code: every shipped analyzer and inventory writer over the
/// broken-code corpus (see <see cref="BrokenCodeCorpus"/>), with the settings the SDK gives them, and every code fix
/// over what they report there.
/// </summary>
public sealed class AnalyzerResilienceTests
{
    [Fact]
    public void EveryShippedAnalyzerAndCodeFixIsDiscoveredInEveryFamily()
    {
        Assert.NotEmpty(ShippedAnalyzers.AnalyzerTypes);
        Assert.NotEmpty(ShippedAnalyzers.CodeFixTypes);
        foreach (var family in ShippedAnalyzers.Families)
        {
            Assert.Contains(ShippedAnalyzers.AnalyzerTypes, t => t.Assembly == ShippedAnalyzers.Rules && ShippedAnalyzers.Family(t) == family);
            Assert.Contains(ShippedAnalyzers.AnalyzerTypes, t => t.Assembly == ShippedAnalyzers.Inventory && ShippedAnalyzers.Family(t) == family);
            Assert.Contains(ShippedAnalyzers.CodeFixTypes, t => ShippedAnalyzers.Family(t) == family);
        }
    }

    [Theory]
    [MemberData(nameof(BrokenCodeCorpus.Cases), MemberType = typeof(BrokenCodeCorpus))]
    public async Task NoAnalyzerOrCodeFixThrowsOrHangs(CorpusCase item)
    {
        using var project = await CorpusProject.CreateAsync(BrokenCodeCorpus.ByName[item.Name]);

        var diagnostics = await CorpusRun.AnalyzeAsync(project, item.Name);

        await CorpusRun.FixAsync(project, diagnostics, item.Name);
    }

    /// <summary>
    /// The corpus reaches the rules: unbroken, the seeds give findings of every family and the inventories list them,
    /// so a corpus that silently stopped exercising an analyzer (a stub or setting gone) fails here.
    /// </summary>
    [Fact]
    public async Task UnbrokenSeedsGiveFindingsOfEveryFamilyAndInventoriesThatListThem()
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var inventoried = new List<string>();
        foreach (var seed in CorpusSeeds.All)
        {
            var name = BrokenCodeCorpus.PristineName(seed);
            using var project = await CorpusProject.CreateAsync(BrokenCodeCorpus.ByName[name]);
            foreach (var diagnostic in await CorpusRun.AnalyzeAsync(project, name))
            {
                reported.Add(diagnostic.Id);
            }

            inventoried.AddRange(project.InventoryFiles.SelectMany(File.ReadLines));
        }

        foreach (var family in new[] { "RP10", "RP20", "RP30" })
        {
            Assert.Contains(reported, id => id.StartsWith(family, StringComparison.Ordinal));
        }

        Assert.Contains(inventoried, line => line.StartsWith("//{\"migration\"", StringComparison.Ordinal));
        Assert.Contains(inventoried, line => line.StartsWith("//{\"flag\"", StringComparison.Ordinal));
        Assert.Contains(inventoried, line => line.StartsWith("//{\"finding\":{\"rule\":\"RP30", StringComparison.Ordinal));
    }
}
