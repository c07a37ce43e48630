namespace ReleasePolicy.Manifest;

/// <summary>
/// A feature flag as the manifest's <c>featureFlags</c> lists it: declared in a flag source, referenced by the code,
/// or both; read back from the feature-flag inventory the analyzers wrote during the compile (see docs/manifest.md).
/// </summary>
public sealed class FeatureFlag
{
    public FeatureFlag(string name, SourceLocation? declared, int references, string? expires, bool expired, bool undeclared)
    {
        Name = name;
        Declared = declared;
        References = references;
        Expires = expires;
        Expired = expired;
        Undeclared = undeclared;
    }

    /// <summary>As the first declaration writes it (as the first reference does when none declares it).</summary>
    public string Name { get; }

    /// <summary>Where the first flag source declares it (appsettings.json, a flags file, a constant); null when none does.</summary>
    public SourceLocation? Declared { get; }

    /// <summary>How many checks, gates and requirement attributes name it; 0 for a flag nothing references (RP2005).</summary>
    public int References { get; }

    /// <summary>The declared expiry date, <c>yyyy-MM-dd</c>.</summary>
    public string? Expires { get; }

    /// <summary>The expiry has passed by the build's clock (RP2003).</summary>
    public bool Expired { get; }

    /// <summary>The code references it and no flag source declares it (RP2002).</summary>
    public bool Undeclared { get; }

    /// <summary>Ordinal ignoring case (as configuration keys compare), then ordinal.</summary>
    public static int Compare(FeatureFlag a, FeatureFlag b)
    {
        var order = string.Compare(a.Name, b.Name, System.StringComparison.OrdinalIgnoreCase);
        return order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
    }
}
