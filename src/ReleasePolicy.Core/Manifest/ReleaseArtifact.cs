using ReleasePolicy.IO;

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
        new(new ProjectPath(baseDirectory).Relative(System.IO.Path.GetFullPath(file)), Sha256Digest.OfFile(file));
}
