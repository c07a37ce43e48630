namespace ReleasePolicy.Cli.Summary;

/// <summary>Who a summary is for: each sees the sections of their job.</summary>
internal static class Audience
{
    /// <summary>Migrations, rollback, what can cause downtime.</summary>
    public const string Operations = "operations";

    /// <summary>Dependencies, data sensitivity.</summary>
    public const string Security = "security";

    /// <summary>User-visible impact and the findings left in the release.</summary>
    public const string Support = "support";

    public const string All = "all";

    public static readonly string[] Names = { Operations, Security, Support, All };

    public static bool Includes(string audience, string section) => audience == All || audience == section;
}
