using System;

namespace ReleasePolicy.Migrations;

/// <summary>
/// The suffix style, paired by name within one folder: <c>&lt;name&gt;.sql</c> / <c>&lt;name&gt;.rollback.sql</c>;
/// <c>_Up_</c> / <c>_Down_</c> inside the name (<c>2022-03-01_00_Up_MigrateKeys.sql</c>); or
/// <c>&lt;name&gt;.up.sql</c> / <c>&lt;name&gt;.down.sql</c> without a numeric version. Every other <c>.sql</c> file is
/// a forward script.
/// </summary>
internal sealed class SuffixNaming : ScriptNaming
{
    private const string RollbackSuffix = ".rollback.sql";
    private const string UpSuffix = ".up.sql";
    private const string DownSuffix = ".down.sql";
    private const string UpMarker = "_Up_";
    private const string DownMarker = "_Down_";

    public static readonly SuffixNaming Instance = new();

    public override MigrationConvention Convention => MigrationConvention.Suffix;

    public override string ExpectedNames => "<name>.sql with <name>.rollback.sql";

    /// <summary>True when the name has a rollback suffix or an up/down marker, for convention detection.</summary>
    public static bool HasMarker(string fileName) =>
        EndsWithIgnoreCase(fileName, RollbackSuffix) || EndsWithIgnoreCase(fileName, UpSuffix) ||
        EndsWithIgnoreCase(fileName, DownSuffix) || fileName.IndexOf(UpMarker, StringComparison.Ordinal) >= 0 ||
        fileName.IndexOf(DownMarker, StringComparison.Ordinal) >= 0;

    public override ScriptName Classify(string fileName, string relativePath, string relativeDirectory)
    {
        if (!EndsWithIgnoreCase(fileName, ".sql"))
        {
            return ScriptName.Unrecognized;
        }

        if (EndsWithIgnoreCase(fileName, RollbackSuffix))
        {
            var stem = Strip(fileName, RollbackSuffix);
            return Name(ScriptRole.Rollback, "r|", relativeDirectory, stem, stem, stem + ".sql");
        }

        if (EndsWithIgnoreCase(fileName, DownSuffix))
        {
            var stem = Strip(fileName, DownSuffix);
            return Name(ScriptRole.Rollback, "u|", relativeDirectory, stem, stem, stem + UpSuffix);
        }

        if (EndsWithIgnoreCase(fileName, UpSuffix))
        {
            var stem = Strip(fileName, UpSuffix);
            return Name(ScriptRole.Forward, "u|", relativeDirectory, stem, stem, stem + DownSuffix);
        }

        var name = Strip(fileName, ".sql");
        var down = name.IndexOf(DownMarker, StringComparison.Ordinal);
        if (down >= 0)
        {
            var forward = name.Substring(0, down) + UpMarker + name.Substring(down + DownMarker.Length);
            return Name(ScriptRole.Rollback, "m|", relativeDirectory, forward, Id(forward), forward + ".sql");
        }

        var up = name.IndexOf(UpMarker, StringComparison.Ordinal);
        if (up >= 0)
        {
            var rollback = name.Substring(0, up) + DownMarker + name.Substring(up + UpMarker.Length);
            return Name(ScriptRole.Forward, "m|", relativeDirectory, name, Id(name), rollback + ".sql");
        }

        return Name(ScriptRole.Forward, "r|", relativeDirectory, name, name, name + RollbackSuffix);
    }

    private static ScriptName Name(ScriptRole role, string form, string directory, string stem, string id, string partner) =>
        new(role, form + directory + stem, id, "migration '" + directory + id + "'", partner);

    private static string Strip(string fileName, string suffix) => fileName.Substring(0, fileName.Length - suffix.Length);

    // 2022-03-01_00_Up_MigrateKeys → 2022-03-01_00_MigrateKeys: the name both scripts share.
    private static string Id(string forwardName)
    {
        var up = forwardName.IndexOf(UpMarker, StringComparison.Ordinal);
        return forwardName.Substring(0, up) + "_" + forwardName.Substring(up + UpMarker.Length);
    }
}
