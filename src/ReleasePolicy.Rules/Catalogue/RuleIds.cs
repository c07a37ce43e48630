namespace ReleasePolicy.Rules;

/// <summary>
/// Every rule ID, as constants: descriptors need compile-time constants so that release tracking (RS2008) can read
/// them, and switch patterns over IDs need them too. IDs are stable once shipped; each has an entry in
/// <see cref="RuleCatalogue"/> and a page under docs/rules.
/// </summary>
static partial class RuleIds
{
    // Migrations and rollback: analyzers over EF Core and FluentMigrator migrations.
    public const string MigrationWithoutRollback = "RP1001";
    public const string EmptyDown = "RP1002";
    public const string DownOnlyThrows = "RP1003";
    public const string DownDoesNotReverseUp = "RP1004";
    public const string DestructiveOperationInUp = "RP1005";
    public const string AutoReversingMigrationNotReversible = "RP1006";
    public const string ForwardOnlyWithoutReason = "RP1007";

    // Migrations and rollback: the build's check of SQL migration scripts.
    public const string ForwardScriptWithoutRollback = "RP1010";
    public const string EmptyRollbackScript = "RP1011";
    public const string OrphanRollbackScript = "RP1012";
    public const string AmbiguousMigrationScript = "RP1013";

    // Feature flags: analyzers over flag checks, flag-requirement attributes and the project's flag sources.
    public const string FlagInventory = "RP2000";
    public const string UnguardedFlagRequirement = "RP2001";
    public const string UndeclaredFlag = "RP2002";
    public const string ExpiredFlag = "RP2003";
    public const string NonConstantFlagKey = "RP2004";
    public const string UnreferencedFlag = "RP2005";
    public const string DiscardedFlagCheck = "RP2006";

    // Leaked internal identifiers: analyzers over user-facing strings, and the build's check of release notes.
    public const string InternalHostInUserFacingString = "RP3001";
    public const string PrivateAddressInUserFacingString = "RP3002";
    public const string CredentialInStringLiteral = "RP3003";
    public const string TicketReferenceInUserFacingString = "RP3004";
    public const string ExceptionDetailsInResponse = "RP3005";
    public const string DebugReferenceInUserFacingString = "RP3006";
    public const string InternalIdentifierInReleaseNotes = "RP3010";

    // Dependencies and supply chain: the build's check of every resolved NuGet package (RP4007 is the commit signature check).
    public const string UnsignedPackage = "RP4001";
    public const string TamperedPackage = "RP4002";
    public const string UntrustedPackageSigner = "RP4003";
    public const string KnownVulnerability = "RP4004";
    public const string InvalidVulnerabilitySuppression = "RP4005";
    public const string VulnerabilityDataMissing = "RP4006";

    // Dependencies and supply chain: the source the release is built from.
    public const string UnsignedCommit = "RP4007";

    // Risk and release gates, reported by the manifest task on pack and publish.
    public const string RiskSummary = "RP5000";
    public const string RiskArtifactsMissing = "RP5001";

    // Release gates, checked on pack and publish (and on build with ReleaseGatesOnBuild=true).
    public const string ReleaseFreezeActive = "RP5002";
    public const string RollbackPlaybookIncomplete = "RP5003";
    public const string KnownDefectIncomplete = "RP5004";
    public const string TestPassRateBelowThreshold = "RP5005";
    public const string LineCoverageBelowThreshold = "RP5006";
    public const string ConfigurationDrift = "RP5007";
    public const string DataResidencyViolation = "RP5008";
    public const string IntegrationExpansionWithoutPenTest = "RP5009";
    public const string ComplianceEvidenceMissing = "RP5010";

    // Configuration and input errors, reported by the build tasks.
    public const string InvalidPolicyValue = "RP9001";
    public const string UnreadableInput = "RP9002";
    public const string InternalFailure = "RP9003";
}
