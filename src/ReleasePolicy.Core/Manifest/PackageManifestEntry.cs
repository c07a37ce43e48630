using System;
using System.IO;
using System.IO.Compression;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Manifest;

/// <summary>The manifest a .nupkg carries at <c>releasepolicy/release-manifest.json</c>.</summary>
public static class PackageManifestEntry
{
    public const string EntryName = "releasepolicy/release-manifest.json";

    public static bool IsPackage(string path) => path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase);

    /// <returns>The entry's bytes, or null with an RP9002 finding naming the package.</returns>
    public static byte[]? TryRead(string nupkgPath, out PolicyFinding? error)
    {
        error = null;
        try
        {
            IO.RegularFile.ThrowUnlessRegular(nupkgPath);
            using var archive = ZipFile.OpenRead(nupkgPath);
            var entry = archive.GetEntry(EntryName);
            if (entry is null)
            {
                error = Finding(nupkgPath, $"The package '{nupkgPath}' holds no {EntryName}: it was packed without ReleasePolicy.Sdk, or with ReleaseManifestEnabled=false. Pack it with the SDK to give it a manifest.");
                return null;
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (InvalidDataException ex)
        {
            error = Finding(nupkgPath, $"The package '{nupkgPath}' is not a readable .nupkg (zip) file: {ex.Message.TrimEnd('.')}. It is truncated or not a package: download it again, or point the setting at the previous release's .nupkg or release manifest.");
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
        {
            error = Finding(nupkgPath, File.Exists(nupkgPath) ? $"The package '{nupkgPath}' cannot be read: {IO.RegularFile.Explain(ex)}" : $"The package '{nupkgPath}' was not found.");
        }

        return null;
    }

    /// <summary>A manifest, a sidecar, or a .nupkg that contains a manifest: whatever a user points ReleaseBaselineManifest or the CLI at.</summary>
    public static bool TryReadManifest(string path, out ReleaseManifest? manifest, out PolicyFinding? error)
    {
        manifest = null;
        if (!IsPackage(path))
        {
            return ReleaseManifestReader.TryRead(path, out manifest, out error);
        }

        var bytes = TryRead(path, out error);
        return bytes is not null && ReleaseManifestReader.TryRead(bytes, path + "!" + EntryName, out manifest, out error);
    }

    private static PolicyFinding Finding(string path, string message) =>
        new(RuleIds.UnreadableInput, FindingKind.InputError, message, path);
}
