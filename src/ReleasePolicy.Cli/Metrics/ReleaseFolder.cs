using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Metrics;

/// <summary>
/// Every release in a folder and its subfolders: <c>*.release.json</c> sidecars, <c>release-manifest.json</c> files
/// (publish folders) and <c>*.nupkg</c> packages with a manifest inside. One release is counted once: a package and
/// its sidecar name the same id and version, and the sidecar (which also records the package's digest) is kept.
/// </summary>
internal static class ReleaseFolder
{
    /// <returns>The releases, or null after one line per unreadable file on <paramref name="error"/>.</returns>
    public static IReadOnlyList<ReleaseManifest>? Read(string folder, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"error: the folder '{folder}' was not found.");
            return null;
        }

        var candidates = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => Rank(path) >= 0)
            .OrderBy(Rank)
            .ThenBy(path => path, StringComparer.Ordinal)
            .ToList();
        var releases = new List<ReleaseManifest>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var failed = false;
        foreach (var path in candidates)
        {
            var manifest = ManifestInput.Read(path, error);
            if (manifest is null)
            {
                failed = true;
                continue;
            }

            // Unnamed releases (hand-made manifests) are each their own release.
            var key = manifest.Package.Id is { } id ? id + "@" + manifest.Package.Version : path;
            if (seen.Add(key))
            {
                releases.Add(manifest);
            }
        }

        return failed ? null : releases;
    }

    /// <summary>Which file wins for one release: the sidecar, then the package, then a bare manifest; -1 for other files.</summary>
    private static int Rank(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".release.json", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (PackageManifestEntry.IsPackage(name))
        {
            return 1;
        }

        return string.Equals(name, ReleaseManifest.FileName, StringComparison.OrdinalIgnoreCase) ? 2 : -1;
    }
}
