using System.Text.RegularExpressions;

namespace ReleasePolicy.Migrations;

/// <summary>
/// Flyway: <c>V&lt;ver&gt;__&lt;desc&gt;.sql</c> forward, <c>U&lt;ver&gt;__&lt;desc&gt;.sql</c> undo, paired by version
/// anywhere in the set (Flyway merges its locations). <c>_</c> in a version means <c>.</c>. Repeatable
/// <c>R__&lt;desc&gt;.sql</c> and baseline <c>B&lt;ver&gt;__&lt;desc&gt;.sql</c> scripts need no rollback.
/// </summary>
internal sealed class FlywayNaming : ScriptNaming
{
    private static readonly Regex Versioned = new(
        @"^(?<prefix>[VUB])(?<version>\d+(?:[._]\d+)*)__(?<description>.+)(?i:\.sql)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex Repeatable = new(
        @"^R__(?<description>.+)(?i:\.sql)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static readonly FlywayNaming Instance = new();

    public override MigrationConvention Convention => MigrationConvention.Flyway;

    public override string ExpectedNames =>
        "V<version>__<description>.sql, U<version>__<description>.sql or R__<description>.sql";

    /// <summary>True when the name is a Flyway script, for convention detection.</summary>
    public static bool Fits(string fileName) => Versioned.IsMatch(fileName) || Repeatable.IsMatch(fileName);

    public override ScriptName Classify(string fileName, string relativePath, string relativeDirectory)
    {
        var match = Versioned.Match(fileName);
        if (match.Success)
        {
            var written = match.Groups["version"].Value;
            var version = NormalizeVersion(written, trimTrailingZeroParts: true);
            var rest = written + "__" + match.Groups["description"].Value + fileName.Substring(fileName.Length - 4);
            switch (match.Groups["prefix"].Value)
            {
                case "V":
                    return new ScriptName(ScriptRole.Forward, "V" + version, version, "version " + version, "U" + rest);
                case "U":
                    return new ScriptName(ScriptRole.Rollback, "V" + version, version, "version " + version, "V" + rest);
                default:
                    return new ScriptName(
                        ScriptRole.ForwardOnly, "B" + version, version, "baseline version " + version, null, "baseline migration");
            }
        }

        match = Repeatable.Match(fileName);
        if (match.Success)
        {
            var id = fileName.Substring(0, fileName.Length - 4);
            var description = match.Groups["description"].Value;
            return new ScriptName(
                ScriptRole.ForwardOnly, "R" + description, id, "repeatable migration '" + description + "'", null, "repeatable migration");
        }

        return ScriptName.Unrecognized;
    }
}
