namespace ReleasePolicy.Migrations;

/// <summary>A file-name convention that pairs scripts by name alone (every convention but Sqitch).</summary>
internal abstract class ScriptNaming
{
    public abstract MigrationConvention Convention { get; }

    /// <summary>The shapes a script's name may take, for the RP1013 message about a name that fits none.</summary>
    public abstract string ExpectedNames { get; }

    /// <summary>
    /// True when <see cref="Classify"/> reads names with their extension spelled <c>.sql</c> (see
    /// <see cref="ScriptExtensions"/>); false when it reads them as written (the user's own patterns).
    /// </summary>
    public virtual bool ReadsCanonicalNames => true;

    /// <param name="fileName">The file name, for example <c>V3__add_index.sql</c>.</param>
    /// <param name="relativePath">The path relative to the project, with '/', for example <c>db/V3__add_index.sql</c>.</param>
    /// <param name="relativeDirectory">The folder part of <paramref name="relativePath"/> with a trailing '/', or empty.</param>
    public abstract ScriptName Classify(string fileName, string relativePath, string relativeDirectory);

    /// <summary>Names the missing partner for RP1010 and RP1012, in quotes: <c>'db/U3__add_index.sql'</c>.</summary>
    public virtual string DescribePartner(ScriptName name, string relativeDirectory) =>
        "'" + relativeDirectory + name.PartnerFileName + "'";

    protected static bool EndsWithIgnoreCase(string value, string suffix) =>
        value.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>A version with leading zeros removed from each part, so <c>V01</c> and <c>V1</c> claim one version.</summary>
    protected static string NormalizeVersion(string version, bool trimTrailingZeroParts)
    {
        var parts = version.Split('.', '_');
        var count = parts.Length;
        for (var i = 0; i < parts.Length; i++)
        {
            var trimmed = parts[i].TrimStart('0');
            parts[i] = trimmed.Length == 0 ? "0" : trimmed;
        }

        // Flyway compares versions numerically: 1.0 is 1.
        while (trimTrailingZeroParts && count > 1 && parts[count - 1] == "0")
        {
            count--;
        }

        return string.Join(".", parts, 0, count);
    }
}
