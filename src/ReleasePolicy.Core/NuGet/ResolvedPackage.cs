namespace ReleasePolicy.NuGet;

/// <summary>A NuGet package restore resolved for the project, as recorded in <c>project.assets.json</c>.</summary>
public sealed class ResolvedPackage
{
    public ResolvedPackage(string id, string version, bool direct, string? sha512)
    {
        Id = id;
        Version = version;
        Direct = direct;
        Sha512 = sha512;
    }

    public string Id { get; }

    public string Version { get; }

    /// <summary>The project references it itself (in any target framework), rather than through another package.</summary>
    public bool Direct { get; }

    /// <summary>The base64 SHA-512 of the .nupkg that restore verified, when the assets file records it.</summary>
    public string? Sha512 { get; }
}
