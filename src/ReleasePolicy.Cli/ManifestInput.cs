using System.IO;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli;

/// <summary>A manifest, a sidecar or a .nupkg named on the command line, read through the engine's reader.</summary>
internal static class ManifestInput
{
    /// <returns>The manifest, or null after writing one line to <paramref name="error"/> saying why not.</returns>
    public static ReleaseManifest? Read(string path, TextWriter error)
    {
        if (!IsFile(path, error))
        {
            return null;
        }

        if (PackageManifestEntry.TryReadManifest(path, out var manifest, out var finding))
        {
            return manifest;
        }

        error.WriteLine($"error: {finding!.Message}");
        return null;
    }

    /// <returns>True when <paramref name="path"/> is a file; otherwise false after writing why not (missing, or a folder).</returns>
    public static bool IsFile(string path, TextWriter error)
    {
        if (Directory.Exists(path))
        {
            error.WriteLine($"error: '{path}' is a folder, not a file: give the release manifest, the .release.json sidecar or the .nupkg.");
            return false;
        }

        if (!File.Exists(path))
        {
            error.WriteLine($"error: '{path}' was not found.");
            return false;
        }

        return true;
    }
}
