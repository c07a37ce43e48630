using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ReleasePolicy.DocGen;

namespace ReleasePolicy.Rules.Tests;

/// <summary>The catalogue is the one list of rules: every ID constant has exactly one rule, and each rule is well formed.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly string RepositoryRoot = GeneratedDocs.FindRepositoryRoot(AppContext.BaseDirectory);

    public static TheoryData<string> RuleIdsInCatalogue() => new(RuleCatalogue.All.Select(rule => rule.Id));

    [Fact]
    public void EveryIdConstantHasExactlyOneRuleOfTheSameName()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);
        var rules = typeof(RuleCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(PolicyRule))
            .ToDictionary(field => field.Name, field => ((PolicyRule)field.GetValue(null)!).Id);

        // Same names for the same IDs, so RuleIds.EmptyDown and RuleCatalogue.EmptyDown can never mean two rules.
        Assert.Equal(constants.OrderBy(pair => pair.Key), rules.OrderBy(pair => pair.Key));
        Assert.Equal(constants.Values.Order(), RuleCatalogue.All.Select(rule => rule.Id));
    }

    [Fact]
    public void IdsAreUniqueAndInOrder()
    {
        var ids = RuleCatalogue.All.Select(rule => rule.Id).ToList();
        Assert.Equal(ids.Distinct().Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [MemberData(nameof(RuleIdsInCatalogue))]
    public void RuleIsWellFormed(string id)
    {
        var rule = RuleCatalogue.Find(id)!;
        Assert.Matches(@"^RP\d{4}$", rule.Id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
        Assert.False(rule.Title.EndsWith('.'), "a title is a heading, without a full stop");
        Assert.Contains(rule.Category, CategoryConstants());
        Assert.Equal($"https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/{id}.md", rule.HelpLink);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
    }

    /// <summary>Enforce is how a team blocks, so it is never quieter than Audit.</summary>
    [Theory]
    [MemberData(nameof(RuleIdsInCatalogue))]
    public void EnforceIsAtLeastAsStrictAsAudit(string id)
    {
        var rule = RuleCatalogue.Find(id)!;
        Assert.True(Rank(rule.EnforceSeverity) >= Rank(rule.AuditSeverity), $"{id}: Enforce {rule.EnforceSeverity}, Audit {rule.AuditSeverity}");
    }

    [Theory]
    [MemberData(nameof(RuleIdsInCatalogue))]
    public void ATaskRuleReportsAtItsAuditSeverityByDefaultAndIsNeverHidden(string id)
    {
        var rule = RuleCatalogue.Find(id)!;
        if (rule.Kind == RuleKind.Task)
        {
            Assert.Same(rule.AuditSeverity, rule.DefaultSeverity);
            Assert.NotSame(RuleSeverity.Hidden, rule.AuditSeverity);
        }
    }

    /// <summary>A rule family (RP1xxx, RP9xxx, ...) belongs to one category, so the README and presets group cleanly.</summary>
    [Fact]
    public void RulesOfOneFamilyShareACategory()
    {
        foreach (var family in RuleCatalogue.All.GroupBy(rule => rule.Id.Substring(0, 3)))
        {
            Assert.Single(family.Select(rule => rule.Category).Distinct());
        }
    }

    [Fact]
    public void AnUnknownIdHasNoRule()
    {
        Assert.Null(RuleCatalogue.Find("RP0000"));
        Assert.Same(RuleCatalogue.EmptyDown, RuleCatalogue.Find(RuleIds.EmptyDown));
    }

    [Fact]
    public void EveryRulePageIsARuleInTheCatalogue()
    {
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "rules"), "*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            Assert.True(RuleCatalogue.Find(id) is not null, $"docs/rules/{id}.md has no rule in src/ReleasePolicy.Rules/Catalogue/RuleCatalogue.cs");
        }
    }

    /// <summary>
    /// The shared source is internal where it is compiled in; PublicSurface.cs makes each type public in this assembly.
    /// A new shared type missing there would be invisible to the engine.
    /// </summary>
    [Fact]
    public void EveryVocabularyTypeIsPublicInTheAssembly()
    {
        var hidden = typeof(RuleCatalogue).Assembly.GetTypes()
            .Where(type => !type.IsNested && type.Namespace == "ReleasePolicy.Rules" && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(type => !type.IsPublic)
            .Select(type => type.Name);
        Assert.Empty(hidden);
    }

    private static string[] CategoryConstants() =>
        typeof(RuleCategories).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToArray();

    private static int Rank(RuleSeverity severity) =>
        Array.IndexOf(new[] { RuleSeverity.Hidden, RuleSeverity.Info, RuleSeverity.Warning, RuleSeverity.Error }, severity);
}

/// <summary>The SDK's targets list the rules a build can report as warnings; the list is the catalogue's.</summary>
public sealed class SdkWarningRulesTests
{
    [Fact]
    public void TheTargetsWarningRuleListIsEveryRuleThatAuditDoesNotMakeAnError()
    {
        var root = GeneratedDocs.FindRepositoryRoot(AppContext.BaseDirectory);
        var targets = File.ReadAllText(Path.Combine(root, "src", "ReleasePolicy.Sdk", "build", "ReleasePolicy.Settings.targets"));
        var listed = Regex.Match(targets, "<_ReleasePolicyWarningRuleIds>(?<ids>[^<]*)</_ReleasePolicyWarningRuleIds>").Groups["ids"].Value.Split(';');

        var expected = RuleCatalogue.All.Where(rule => rule.AuditSeverity != RuleSeverity.Error && rule.AuditSeverity != RuleSeverity.Hidden).Select(rule => rule.Id);

        Assert.Equal(expected, listed);
    }
}
