namespace ReleasePolicy.Cli.Summary;

/// <summary>Who a summary is for: each sees the sections of their job.</summary>
internal static class Audience
{
    /// <summary>Migrations, what can cause downtime, the rollback playbook and the release gates (<see cref="OperationsSummary"/>).</summary>
    public const string Operations = "operations";

    /// <summary>Dependencies and their signatures, vulnerabilities, leaked identifiers (<see cref="SecuritySummary"/>).</summary>
    public const string Security = "security";

    /// <summary>User impact, findings, feature flags, known defects, public API changes (<see cref="SupportSummary"/>).</summary>
    public const string Support = "support";

    public const string All = "all";

    public static readonly string[] Names = { Operations, Security, Support, All };

    public static bool Includes(string audience, string section) => audience == All || audience == section;
}
