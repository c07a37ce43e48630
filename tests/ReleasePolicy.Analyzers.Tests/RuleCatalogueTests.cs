using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.Tests;

/// <summary>Keeps every shipped descriptor, its doc page and the release tracking files in step.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string, string> Descriptors()
    {
        var data = new TheoryData<string, string>();
        foreach (var analyzer in AllAnalyzers())
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                data.Add(descriptor.Id, descriptor.HelpLinkUri);
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
