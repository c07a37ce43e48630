using System.Text.RegularExpressions;

namespace ReleasePolicy.Migrations;

/// <summary>
/// golang-migrate: <c>&lt;ver&gt;_&lt;name&gt;.up.sql</c> / <c>&lt;ver&gt;_&lt;name&gt;.down.sql</c>, paired by numeric
/// version within one folder (golang-migrate reads one folder per source).
/// </summary>
internal sealed class GolangMigrateNaming : ScriptNaming
{
    private static readonly Regex Script = new(
        @"^(?<version>\d+)_(?<name>.+)\.(?<direction>(?i:up|down))(?i:\.sql)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static readonly GolangMigrateNaming Instance = new();

    public override MigrationConvention Convention => MigrationConvention.GolangMigrate;

    public override string ExpectedNames => "<version>_<name>.up.sql or <version>_<name>.down.sql";

    /// <summary>True when the name is a golang-migrate script, for convention detection.</summary>
    public static bool Fits(string fileName) => Script.IsMatch(fileName);

    public override ScriptName Classify(string fileName, string relativePath, string relativeDirectory)
    {
        var match = Script.Match(fileName);
        if (!match.Success)
        {
            return ScriptName.Unrecognized;
        }

        var written = match.Groups["version"].Value;
        var version = NormalizeVersion(written, trimTrailingZeroParts: false);
        var stem = written + "_" + match.Groups["name"].Value;
        var key = relativeDirectory + "|" + version;
        var claim = "version " + version;
        return string.Equals(match.Groups["direction"].Value, "up", System.StringComparison.OrdinalIgnoreCase)
            ? new ScriptName(ScriptRole.Forward, key, version, claim, stem + ".down.sql")
            : new ScriptName(ScriptRole.Rollback, key, version, claim, stem + ".up.sql");
    }
}
