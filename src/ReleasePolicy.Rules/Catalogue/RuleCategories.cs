namespace ReleasePolicy.Rules;

/// <summary>Rule categories, as constants so that descriptors and release tracking (RS2008) can use them.</summary>
static partial class RuleCategories
{
    public const string Migrations = "Migrations";
    public const string FeatureFlags = "FeatureFlags";
    public const string Leaks = "Leaks";
    public const string Dependencies = "Dependencies";
    public const string Risk = "Risk";
    public const string Configuration = "Configuration";
}
