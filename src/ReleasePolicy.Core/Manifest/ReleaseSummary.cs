using System.Linq;

namespace ReleasePolicy.Manifest;

/// <summary>The one line a user sees after pack or publish: what the release holds and where its manifest is.</summary>
public static class ReleaseSummary
{
    public static string Line(ReleaseManifest manifest, string manifestPath)
    {
        var migrations = manifest.Migrations.All;
        var withoutRollback = migrations.Count(m => m.WithoutRollback);
        var findings = manifest.Findings is null ? string.Empty : $", {manifest.Findings.Count} finding(s)";
        return $"ReleasePolicy: {manifest.Package.Id} {manifest.Package.Version}: {migrations.Count} migration(s), {withoutRollback} without a working rollback, " +
            $"{manifest.Dependencies.Count} package dependencies{findings}. Release manifest: {manifestPath}";
    }
}
