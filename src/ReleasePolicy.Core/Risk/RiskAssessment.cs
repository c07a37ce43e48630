using System.Collections.Generic;

namespace ReleasePolicy.Risk;

/// <summary>The manifest's <c>risk</c> section: score 0–100, level, and the factors that made it, highest weight first.</summary>
public sealed class RiskAssessment
{
    public RiskAssessment(int score, string level, IReadOnlyList<RiskFactor> factors)
    {
        Score = score;
        Level = level;
        Factors = factors;
    }

    public int Score { get; }

    /// <summary>One of <see cref="RiskLevels.All"/>.</summary>
    public string Level { get; }

    public IReadOnlyList<RiskFactor> Factors { get; }
}

/// <summary>One reason a release is risky, with the points it adds and what shows it applies.</summary>
public sealed class RiskFactor
{
    public RiskFactor(string id, int weight, IReadOnlyList<string> evidence)
    {
        Id = id;
        Weight = weight;
        Evidence = evidence;
    }

    /// <summary>One of <see cref="RiskFactors"/>.</summary>
    public string Id { get; }

    public int Weight { get; }

    /// <summary>Which migration, package, finding or setting: what a reviewer checks.</summary>
    public IReadOnlyList<string> Evidence { get; }
}

/// <summary>The factor IDs the model knows, as the manifest, <c>ReleaseRiskWeights</c> and docs/risk.md spell them.</summary>
public static class RiskFactors
{
    public const string UserImpact = "user-impact";
    public const string DataSensitivity = "data-sensitivity";
    public const string DestructiveMigrations = "destructive-migrations";
    public const string MigrationsWithoutRollback = "migrations-without-rollback";
    public const string FindingsLeftAsWarnings = "findings-left-as-warnings";
    public const string Hotfix = "hotfix";
    public const string DependenciesAdded = "dependencies-added";
    public const string DependenciesRemoved = "dependencies-removed";
    public const string DependencyMajorUpgrades = "dependency-major-upgrades";
    public const string KnownDefects = "known-defects";
    public const string UntrustedDependencies = "untrusted-dependencies";
    public const string Vulnerabilities = "vulnerabilities";
    public const string PublicApiChange = "public-api-change";

    /// <summary>Every factor with its default weight, in the order docs/risk.md lists them.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, int>> Defaults = new[]
    {
        new KeyValuePair<string, int>(UserImpact, 15),
        new KeyValuePair<string, int>(DataSensitivity, 20),
        new KeyValuePair<string, int>(DestructiveMigrations, 20),
        new KeyValuePair<string, int>(MigrationsWithoutRollback, 20),
        new KeyValuePair<string, int>(FindingsLeftAsWarnings, 10),
        new KeyValuePair<string, int>(Hotfix, 10),
        new KeyValuePair<string, int>(DependenciesAdded, 5),
        new KeyValuePair<string, int>(DependenciesRemoved, 3),
        new KeyValuePair<string, int>(DependencyMajorUpgrades, 10),
        new KeyValuePair<string, int>(KnownDefects, 10),
        new KeyValuePair<string, int>(UntrustedDependencies, 15),
        new KeyValuePair<string, int>(Vulnerabilities, 15),
        new KeyValuePair<string, int>(PublicApiChange, 10),
    };
}

/// <summary>The risk levels, lowest first.</summary>
public static class RiskLevels
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = new[] { Low, Medium, High, Critical };

    /// <summary>0 for low up to 3 for critical; -1 for a level this version does not know.</summary>
    public static int Rank(string? level)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], level?.Trim(), System.StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
