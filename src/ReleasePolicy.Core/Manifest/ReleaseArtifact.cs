using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ReleasePolicy.Manifest;

/// <summary>One released file: where it sits relative to the sidecar manifest, and its SHA-256.</summary>
public sealed class ReleaseArtifact
{
    public ReleaseArtifact(string path, string sha256)
    {
        Path = path;
        Sha256 = sha256;
    }

    /// <summary>Relative to the folder of the manifest that lists it, with '/' separators.</summary>
    public string Path { get; }

    /// <summary>Lowercase hex.</summary>
    public string Sha256 { get; }

    /// <summary>Hashes <paramref name="file"/> and names it relative to <paramref name="baseDirectory"/>.</summary>
    public static ReleaseArtifact FromFile(string file, string baseDirectory) =>
        new(RelativePath(baseDirectory, file), Sha256Hex(file));

    public static string Sha256Hex(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(stream);
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>
    /// The '/'-separated path of <paramref name="file"/> relative to <paramref name="baseDirectory"/>, going up with
    /// "..". When the two share no root (another drive) the file name alone is used: a machine's absolute paths
    /// would make the manifest differ between machines.
    /// </summary>
    public static string RelativePath(string baseDirectory, string file)
    {
        var comparison = System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var baseParts = Segments(System.IO.Path.GetFullPath(baseDirectory));
        var fileParts = Segments(System.IO.Path.GetFullPath(file));
        var common = 0;
        while (common < baseParts.Length && common < fileParts.Length - 1 && string.Equals(baseParts[common], fileParts[common], comparison))
        {
            common++;
        }

        if (common == 0)
        {
            return fileParts[fileParts.Length - 1];
        }

        var parts = Enumerable.Repeat("..", baseParts.Length - common).Concat(fileParts.Skip(common));
        return string.Join("/", parts);
    }

    private static string[] Segments(string fullPath) =>
        fullPath.Split(new[] { System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
}
