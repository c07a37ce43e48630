using System;
using System.Collections.Generic;
using System.Linq;

namespace ReleasePolicy.Rules;

/// <summary>
/// Every rule that exists, once: the analyzers' descriptors, the tasks' diagnostics, the README rule table, the rule
/// pages' headers and the SDK's Enforce/Audit presets all take their IDs, titles, categories, severities and help
/// links from here (the docs and presets through build/ReleasePolicy.DocGen).
/// </summary>
static partial class RuleCatalogue
{
    // Analyzer rules: default severities are the descriptors' (a test keeps them equal); the mode severities are what
    // the SDK's presets set.
    public static readonly PolicyRule MigrationWithoutRollback = AnalyzerRule(
        RuleIds.MigrationWithoutRollback, "Migration has no rollback", RuleCategories.Migrations,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule EmptyDown = AnalyzerRule(
        RuleIds.EmptyDown, "Down is empty while Up changes the database", RuleCategories.Migrations,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule DownOnlyThrows = AnalyzerRule(
        RuleIds.DownOnlyThrows, "Down only throws", RuleCategories.Migrations,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule DownDoesNotReverseUp = AnalyzerRule(
        RuleIds.DownDoesNotReverseUp, "Down does not reverse Up", RuleCategories.Migrations,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Informational in both modes: it feeds the risk, and a team that wants to gate on it raises it in .editorconfig.
    public static readonly PolicyRule DestructiveOperationInUp = AnalyzerRule(
        RuleIds.DestructiveOperationInUp, "Destructive operation in Up", RuleCategories.Migrations,
        RuleSeverity.Info, audit: RuleSeverity.Info, enforce: RuleSeverity.Info);

    public static readonly PolicyRule AutoReversingMigrationNotReversible = AnalyzerRule(
        RuleIds.AutoReversingMigrationNotReversible, "AutoReversingMigration uses an expression that cannot be reversed", RuleCategories.Migrations,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule ForwardOnlyWithoutReason = AnalyzerRule(
        RuleIds.ForwardOnlyWithoutReason, "Migration declared forward-only without a reason", RuleCategories.Migrations,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Task rules: the default is the Audit severity, because Audit is the mode outside Release builds.
    public static readonly PolicyRule ForwardScriptWithoutRollback = TaskRule(
        RuleIds.ForwardScriptWithoutRollback, "Forward SQL script has no rollback script", RuleCategories.Migrations,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule EmptyRollbackScript = TaskRule(
        RuleIds.EmptyRollbackScript, "Rollback script is empty or comment-only", RuleCategories.Migrations,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule OrphanRollbackScript = TaskRule(
        RuleIds.OrphanRollbackScript, "Rollback script has no forward script", RuleCategories.Migrations,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule AmbiguousMigrationScript = TaskRule(
        RuleIds.AmbiguousMigrationScript, "Ambiguous migration script", RuleCategories.Migrations,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Hidden in every mode: an inventory, not a finding (the build's manifest records it from the flag inventory file).
    public static readonly PolicyRule FlagInventory = AnalyzerRule(
        RuleIds.FlagInventory, "Feature flag inventory", RuleCategories.FeatureFlags,
        RuleSeverity.Hidden, audit: RuleSeverity.Hidden, enforce: RuleSeverity.Hidden);

    public static readonly PolicyRule UnguardedFlagRequirement = AnalyzerRule(
        RuleIds.UnguardedFlagRequirement, "Code that requires a feature flag is reached without a check of that flag", RuleCategories.FeatureFlags,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule UndeclaredFlag = AnalyzerRule(
        RuleIds.UndeclaredFlag, "Feature flag is not declared in any flag source", RuleCategories.FeatureFlags,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // A warning in both modes: the date passes without any change to the code, and a release should not start failing
    // on a calendar day; a team that wants expiry to block raises it in .editorconfig.
    public static readonly PolicyRule ExpiredFlag = AnalyzerRule(
        RuleIds.ExpiredFlag, "Feature flag is past its declared expiry and still referenced", RuleCategories.FeatureFlags,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Warning);

    // A warning in both modes: a computed key can be deliberate (a wrapper), it only keeps the other rules from checking it.
    public static readonly PolicyRule NonConstantFlagKey = AnalyzerRule(
        RuleIds.NonConstantFlagKey, "Feature flag key is not a compile-time constant", RuleCategories.FeatureFlags,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Warning);

    // Informational: a flag can be read in another project or by configuration alone, which one compilation cannot see.
    public static readonly PolicyRule UnreferencedFlag = AnalyzerRule(
        RuleIds.UnreferencedFlag, "Feature flag is declared but never referenced", RuleCategories.FeatureFlags,
        RuleSeverity.Info, audit: RuleSeverity.Info, enforce: RuleSeverity.Info);

    public static readonly PolicyRule DiscardedFlagCheck = AnalyzerRule(
        RuleIds.DiscardedFlagCheck, "Feature flag check result is discarded or not awaited", RuleCategories.FeatureFlags,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Leaks: warnings while developing, errors in Enforce, because a leak is fixed before it ships.
    public static readonly PolicyRule InternalHostInUserFacingString = AnalyzerRule(
        RuleIds.InternalHostInUserFacingString, "Internal host name or URL in a user-facing string", RuleCategories.Leaks,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule PrivateAddressInUserFacingString = AnalyzerRule(
        RuleIds.PrivateAddressInUserFacingString, "Private, loopback or link-local IP address in a user-facing string", RuleCategories.Leaks,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule CredentialInStringLiteral = AnalyzerRule(
        RuleIds.CredentialInStringLiteral, "Connection string or URL with credentials in a string literal", RuleCategories.Leaks,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule TicketReferenceInUserFacingString = AnalyzerRule(
        RuleIds.TicketReferenceInUserFacingString, "Internal ticket reference in a user-facing string", RuleCategories.Leaks,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule ExceptionDetailsInResponse = AnalyzerRule(
        RuleIds.ExceptionDetailsInResponse, "Exception details reach a response outside a development-only guard", RuleCategories.Leaks,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule DebugReferenceInUserFacingString = AnalyzerRule(
        RuleIds.DebugReferenceInUserFacingString, "Debug reference in a user-facing string", RuleCategories.Leaks,
        RuleSeverity.Warning, audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule InternalIdentifierInReleaseNotes = TaskRule(
        RuleIds.InternalIdentifierInReleaseNotes, "Release notes or shipped configuration contain an internal identifier", RuleCategories.Leaks,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Dependencies: every resolved package, checked from the files on disk (offline) on pack, publish and Release builds.
    public static readonly PolicyRule UnsignedPackage = TaskRule(
        RuleIds.UnsignedPackage, "Resolved package is unsigned", RuleCategories.Dependencies,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule TamperedPackage = TaskRule(
        RuleIds.TamperedPackage, "Package content does not match its hash or signature", RuleCategories.Dependencies,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule UntrustedPackageSigner = TaskRule(
        RuleIds.UntrustedPackageSigner, "Package signer is not trusted by policy", RuleCategories.Dependencies,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // At or above ReleaseVulnerabilityBlockingSeverity it follows the mode; one level below it is a warning in both.
    public static readonly PolicyRule KnownVulnerability = TaskRule(
        RuleIds.KnownVulnerability, "Known vulnerability in a resolved package", RuleCategories.Dependencies,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule InvalidVulnerabilitySuppression = TaskRule(
        RuleIds.InvalidVulnerabilitySuppression, "Vulnerability suppression has expired or has no justification", RuleCategories.Dependencies,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule VulnerabilityDataMissing = TaskRule(
        RuleIds.VulnerabilityDataMissing, "Vulnerability data missing or too old", RuleCategories.Dependencies,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Only checked when ReleaseRequireSignedCommit=true, a deliberate choice, so it blocks in Enforce like the others.
    public static readonly PolicyRule UnsignedCommit = TaskRule(
        RuleIds.UnsignedCommit, "HEAD's commit carries no signature while a signed commit is required", RuleCategories.Dependencies,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // The risk summary is a message in both modes; missing artifacts a high risk requires follow the mode.
    public static readonly PolicyRule RiskSummary = TaskRule(
        RuleIds.RiskSummary, "Release risk summary", RuleCategories.Risk,
        audit: RuleSeverity.Info, enforce: RuleSeverity.Info);

    public static readonly PolicyRule RiskArtifactsMissing = TaskRule(
        RuleIds.RiskArtifactsMissing, "Release risk requires artifacts that are missing", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Release gates follow the mode: a warning in Audit, an error (and no package) in Enforce.
    public static readonly PolicyRule ReleaseFreezeActive = TaskRule(
        RuleIds.ReleaseFreezeActive, "A release freeze window is active", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule RollbackPlaybookIncomplete = TaskRule(
        RuleIds.RollbackPlaybookIncomplete, "Rollback playbook missing or lacks its required sections", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule KnownDefectIncomplete = TaskRule(
        RuleIds.KnownDefectIncomplete, "Known defect carried forward without mitigation, monitoring trigger or owner", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule TestPassRateBelowThreshold = TaskRule(
        RuleIds.TestPassRateBelowThreshold, "Test pass rate below threshold", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule LineCoverageBelowThreshold = TaskRule(
        RuleIds.LineCoverageBelowThreshold, "Line coverage below threshold", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule ConfigurationDrift = TaskRule(
        RuleIds.ConfigurationDrift, "Configuration drift between environment files", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule DataResidencyViolation = TaskRule(
        RuleIds.DataResidencyViolation, "Deployment region not allowed for the data classification", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule IntegrationExpansionWithoutPenTest = TaskRule(
        RuleIds.IntegrationExpansionWithoutPenTest, "Public API surface expanded, or new external integration, without penetration-test evidence", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    public static readonly PolicyRule ComplianceEvidenceMissing = TaskRule(
        RuleIds.ComplianceEvidenceMissing, "Compliance control mapped without evidence", RuleCategories.Risk,
        audit: RuleSeverity.Warning, enforce: RuleSeverity.Error);

    // Bad configuration or unreadable input is an error in both modes: the build cannot tell whether the policy holds.
    public static readonly PolicyRule InvalidPolicyValue = TaskRule(
        RuleIds.InvalidPolicyValue, "Invalid policy value", RuleCategories.Configuration,
        audit: RuleSeverity.Error, enforce: RuleSeverity.Error);

    public static readonly PolicyRule UnreadableInput = TaskRule(
        RuleIds.UnreadableInput, "Input file cannot be read", RuleCategories.Configuration,
        audit: RuleSeverity.Error, enforce: RuleSeverity.Error);

    public static readonly PolicyRule InternalFailure = TaskRule(
        RuleIds.InternalFailure, "Unexpected internal failure", RuleCategories.Configuration,
        audit: RuleSeverity.Error, enforce: RuleSeverity.Error);

    // Declared after the rules: static fields initialise in textual order.
    private static readonly PolicyRule[] InIdOrder =
    {
        MigrationWithoutRollback,
        EmptyDown,
        DownOnlyThrows,
        DownDoesNotReverseUp,
        DestructiveOperationInUp,
        AutoReversingMigrationNotReversible,
        ForwardOnlyWithoutReason,
        ForwardScriptWithoutRollback,
        EmptyRollbackScript,
        OrphanRollbackScript,
        AmbiguousMigrationScript,
        FlagInventory,
        UnguardedFlagRequirement,
        UndeclaredFlag,
        ExpiredFlag,
        NonConstantFlagKey,
        UnreferencedFlag,
        DiscardedFlagCheck,
        InternalHostInUserFacingString,
        PrivateAddressInUserFacingString,
        CredentialInStringLiteral,
        TicketReferenceInUserFacingString,
        ExceptionDetailsInResponse,
        DebugReferenceInUserFacingString,
        InternalIdentifierInReleaseNotes,
        UnsignedPackage,
        TamperedPackage,
        UntrustedPackageSigner,
        KnownVulnerability,
        InvalidVulnerabilitySuppression,
        VulnerabilityDataMissing,
        UnsignedCommit,
        RiskSummary,
        RiskArtifactsMissing,
        ReleaseFreezeActive,
        RollbackPlaybookIncomplete,
        KnownDefectIncomplete,
        TestPassRateBelowThreshold,
        LineCoverageBelowThreshold,
        ConfigurationDrift,
        DataResidencyViolation,
        IntegrationExpansionWithoutPenTest,
        ComplianceEvidenceMissing,
        InvalidPolicyValue,
        UnreadableInput,
        InternalFailure,
    };

    private static readonly Dictionary<string, PolicyRule> ById = InIdOrder.ToDictionary(rule => rule.Id);

    /// <summary>Every rule, in ID order.</summary>
    public static IReadOnlyList<PolicyRule> All { get; } = Array.AsReadOnly(InIdOrder);

    /// <summary>The rule with this ID, or null when no rule has it.</summary>
    public static PolicyRule? Find(string ruleId) => ById.TryGetValue(ruleId, out var rule) ? rule : null;

    private static PolicyRule AnalyzerRule(string id, string title, string category, RuleSeverity defaultSeverity, RuleSeverity audit, RuleSeverity enforce) =>
        new(id, title, category, RuleKind.Analyzer, defaultSeverity, audit, enforce);

    private static PolicyRule TaskRule(string id, string title, string category, RuleSeverity audit, RuleSeverity enforce) =>
        new(id, title, category, RuleKind.Task, defaultSeverity: audit, audit, enforce);
}
