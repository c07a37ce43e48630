using System;
using System.Collections.Generic;
using System.IO;

namespace ReleasePolicy.Migrations;

/// <summary>
/// Picks a set's convention from its file names when it has no <c>Convention</c> metadata, strongest evidence
/// first: a <c>sqitch.plan</c>, then Flyway <c>V</c>/<c>U</c>/<c>R</c> names, then numbered <c>.up.sql</c> /
/// <c>.down.sql</c> (golang-migrate), then <c>.rollback.sql</c>, <c>_Up_</c> / <c>_Down_</c> or unnumbered up/down
/// (Suffix). SQL files with none of these are checked as Suffix, so plain forward scripts still get RP1010.
/// Names are read with their extension spelled <c>.sql</c> (<see cref="ScriptExtensions"/>), so <c>V1__a.pgsql</c> is Flyway.
/// </summary>
internal static class ConventionDetection
{
    /// <param name="files">The set's files in ordinal order, so the evidence named is stable.</param>
    /// <param name="evidence">The full path whose name decided, or null when none did.</param>
    /// <returns>The convention, or null when the set holds no SQL script at all.</returns>
    public static MigrationConvention? Detect(IReadOnlyList<string> files, ScriptExtensions extensions, out string? evidence)
    {
        string? flyway = null;
        string? golang = null;
        string? suffix = null;
        var anyScript = false;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (IsSqitchPlan(name))
            {
                evidence = file;
                return MigrationConvention.Sqitch;
            }

            var extension = extensions.Match(name);
            if (extension is null)
            {
                continue;
            }

            anyScript = true;
            name = ScriptExtensions.Canonical(name, extension);
            if (flyway is null && FlywayNaming.Fits(name))
            {
                flyway = file;
            }
            else if (golang is null && GolangMigrateNaming.Fits(name))
            {
                golang = file;
            }
            else if (suffix is null && SuffixNaming.HasMarker(name))
            {
                suffix = file;
            }
        }

        evidence = flyway ?? golang ?? suffix;
        if (flyway is not null)
        {
            return MigrationConvention.Flyway;
        }

        if (golang is not null)
        {
            return MigrationConvention.GolangMigrate;
        }

        return anyScript ? MigrationConvention.Suffix : null;
    }

    public static bool IsSqitchPlan(string fileName) => string.Equals(fileName, "sqitch.plan", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a file is a sqitch script: sqitch itself reads only <c>.sql</c>, whatever the item's extensions.</summary>
    public static bool IsSql(string fileName) => fileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);
}
