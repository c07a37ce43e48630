namespace ReleasePolicy.Rules;

/// <summary>
/// One rule as a user meets it: its stable ID, its title (the heading of its page and the analyzer's title), its
/// category, where it runs, and how loudly it reports by default and in each <c>ReleasePolicyMode</c>.
/// Only <see cref="RuleCatalogue"/> creates rules.
/// </summary>
sealed partial class PolicyRule
{
    internal PolicyRule(
        string id,
        string title,
        string category,
        RuleKind kind,
        RuleSeverity defaultSeverity,
        RuleSeverity auditSeverity,
        RuleSeverity enforceSeverity)
    {
        Id = id;
        Title = title;
        Category = category;
        Kind = kind;
        DefaultSeverity = defaultSeverity;
        AuditSeverity = auditSeverity;
        EnforceSeverity = enforceSeverity;
        HelpLink = RuleHelpLink.For(id);
    }

    public string Id { get; }

    public string Title { get; }

    public string Category { get; }

    public RuleKind Kind { get; }

    /// <summary>
    /// The severity without the SDK's mode presets: an analyzer descriptor's default (what the standalone
    /// ReleasePolicy.Analyzers package reports), and for a task rule its severity in the default mode, Audit.
    /// </summary>
    public RuleSeverity DefaultSeverity { get; }

    /// <summary>The severity in <c>ReleasePolicyMode=Audit</c>: report, don't block.</summary>
    public RuleSeverity AuditSeverity { get; }

    /// <summary>The severity in <c>ReleasePolicyMode=Enforce</c>: how a team blocks a release.</summary>
    public RuleSeverity EnforceSeverity { get; }

    public string HelpLink { get; }

    public override string ToString() => Id + ": " + Title;
}
