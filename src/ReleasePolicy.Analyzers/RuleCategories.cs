namespace ReleasePolicy.Analyzers;

internal static class RuleCategories
{
    public const string Migrations = "Migrations";
}
