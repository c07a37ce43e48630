using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Rules;

namespace ReleasePolicy.Analyzers.Tests;

/// <summary>
/// Keeps every shipped descriptor, the rule catalogue (src/ReleasePolicy.Rules), its doc page and the release tracking
/// files in step. A backstop for the generated-docs check in ReleasePolicy.Rules.Tests, from the analyzers' side.
/// </summary>
public sealed class RuleCatalogueTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string, string> Descriptors()
    {
        // One row per rule: RP2002 and RP2006 have two descriptors each (two message forms) with the same ID and page.
        var data = new TheoryData<string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (var analyzer in AllAnalyzers())
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                if (seen.Add((descriptor.Id, descriptor.HelpLinkUri)))
                {
                    data.Add(descriptor.Id, descriptor.HelpLinkUri);
                }
            }
        }

        return data;
    }

    [Fact]
    public void TheAssemblyHasAnalyzers()
    {
        Assert.NotEmpty(AllAnalyzers());
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void HelpLinkPointsToTheRuleDocPage(string id, string helpLinkUri)
    {
        Assert.Equal($"https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/{id}.md", helpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void RuleDocPageExists(string id, string helpLinkUri)
    {
        _ = helpLinkUri;
        var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith($"# {id}:", File.ReadAllText(page));
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void RuleIsTrackedInAnalyzerReleases(string id, string helpLinkUri)
    {
        _ = helpLinkUri;
        var folder = Path.Combine(RepositoryRoot, "src", "ReleasePolicy.Analyzers");
        var tracked = File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex("^" + id + @"\s*\|", RegexOptions.Multiline), tracked);
    }

    /// <summary>The SDK's Enforce and Audit presets name every rule a user can see, so no rule escapes the mode.</summary>
    [Theory]
    [MemberData(nameof(Descriptors))]
    public void EveryVisibleRuleHasASeverityInBothModePresets(string id, string helpLinkUri)
    {
        _ = helpLinkUri;
        var descriptor = AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        foreach (var mode in new[] { "Enforce", "Audit" })
        {
            var preset = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "ReleasePolicy.Sdk", "build", $"ReleasePolicy.{mode}.globalconfig"));
            var named = Regex.IsMatch(preset, $@"^dotnet_diagnostic\.{id}\.severity\s*=", RegexOptions.Multiline);
            // A hidden rule (none today) shows nothing in any mode, so it stays out of the presets.
            Assert.True(named == (descriptor.DefaultSeverity != Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden), $"{id} in ReleasePolicy.{mode}.globalconfig");
        }
    }

    /// <summary>The README's rule table lists every rule that has a doc page.</summary>
    [Fact]
    public void TheReadmeRuleTableListsEveryDocumentedRule()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "rules"), "RP*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            Assert.Matches(new Regex("^\\| " + id + " \\|", RegexOptions.Multiline), readme);
        }
    }

    /// <summary>A descriptor takes its ID, title, category, severity and help link from the rule catalogue.</summary>
    [Theory]
    [MemberData(nameof(Descriptors))]
    public void DescriptorIsTheCataloguesRule(string id, string helpLinkUri)
    {
        var rule = RuleCatalogue.Find(id);
        Assert.NotNull(rule);
        Assert.Same(RuleKind.Analyzer, rule.Kind);
        foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            // Release tracking (RS2008) reads the descriptor's constant severity; the catalogue must agree with it.
            Assert.Equal(rule.DefaultSeverity.Name, descriptor.DefaultSeverity.ToString());
            Assert.Equal(rule.HelpLink, helpLinkUri);
        }
    }

    [Fact]
    public void EveryAnalyzerRuleInTheCatalogueHasADescriptor()
    {
        var described = AllDescriptors().Select(d => d.Id).ToHashSet();
        var missing = RuleCatalogue.All.Where(rule => rule.Kind == RuleKind.Analyzer && !described.Contains(rule.Id)).Select(rule => rule.Id);
        Assert.Empty(missing);
    }

    /// <summary>
    /// A rule's page quotes the messages a user sees (lines starting with '> '); each quote must be one the rule's
    /// descriptor can produce, and each page quotes at least one, so the words on the page are the words in the IDE.
    /// </summary>
    [Theory]
    [MemberData(nameof(Descriptors))]
    public void MessagesQuotedInTheRulePageAreTheRulesMessages(string id, string helpLinkUri)
    {
        _ = helpLinkUri;
        var formats = AllDescriptors().Where(d => d.Id == id).Select(d => MessagePattern(d.MessageFormat.ToString())).ToList();
        var quotes = File.ReadAllLines(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md"))
            .Where(line => line.StartsWith("> ", StringComparison.Ordinal))
            .Select(line => line.Substring(2))
            .ToList();

        Assert.NotEmpty(quotes);
        foreach (var quote in quotes)
        {
            Assert.True(formats.Any(format => format.IsMatch(quote)), $"docs/rules/{id}.md quotes a message {id} never reports: {quote}");
        }
    }

    /// <summary>The message format as a pattern: its literal text exactly, each {n} argument as any text.</summary>
    private static Regex MessagePattern(string messageFormat) =>
        new("^" + string.Join(".+", Regex.Split(messageFormat, @"\{\d+\}").Select(Regex.Escape)) + "$");

    private static IEnumerable<Microsoft.CodeAnalysis.DiagnosticDescriptor> AllDescriptors() =>
        AllAnalyzers().SelectMany(a => a.SupportedDiagnostics);

    private static List<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(MigrationWithoutRollbackAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReleasePolicy.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ReleasePolicy.slnx not found above " + AppContext.BaseDirectory);
    }
}
