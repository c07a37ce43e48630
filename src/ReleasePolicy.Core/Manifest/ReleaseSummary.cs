using System.Linq;

namespace ReleasePolicy.Manifest;

/// <summary>The one line a user sees after pack or publish: what the release holds and where its manifest is.</summary>
public static class ReleaseSummary
{
    public static string Line(ReleaseManifest manifest, string manifestPath)
    {
        var migrations = manifest.Migrations.All;
        var withoutRollback = migrations.Count(m => m.WithoutRollback);
        // RP1005 is a suggestion a console build never shows: the summary is where a destructive release is seen.
        var destructive = migrations.Count(m => m.Destructive);
        var findings = manifest.Findings is null ? string.Empty : $", {manifest.Findings.Count} finding(s)";
        return $"ReleasePolicy: {manifest.Package.Id} {manifest.Package.Version}: {migrations.Count} migration(s), {withoutRollback} without a working rollback, " +
            $"{destructive} destructive, {manifest.Dependencies.Count} package dependencies{findings}. Release manifest: {manifestPath}";
    }
}
