using System.Collections.Generic;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// A package restore resolved for the project, with everything the verification needs from <c>project.assets.json</c>:
/// the hash restore recorded, its folder under the package folders, the frameworks that use it and the files the
/// build takes from its extracted folder (compile, runtime, native, resource, build and analyzer assets).
/// </summary>
public sealed class LockedPackage
{
    public LockedPackage(string id, string version, bool direct, string? sha512, string path, IReadOnlyList<string> frameworks, IReadOnlyList<string> assetFiles)
    {
        Id = id;
        Version = version;
        Direct = direct;
        Sha512 = sha512;
        Path = path;
        Frameworks = frameworks;
        AssetFiles = assetFiles;
    }

    public string Id { get; }

    public string Version { get; }

    /// <summary>The project references it itself, in any target framework.</summary>
    public bool Direct { get; }

    /// <summary>The base64 SHA-512 content hash restore verified (<c>libraries.&lt;key&gt;.sha512</c>).</summary>
    public string? Sha512 { get; }

    /// <summary>The folder relative to a package folder, as restore wrote it (<c>newtonsoft.json/13.0.3</c>).</summary>
    public string Path { get; }

    /// <summary>The target frameworks (and runtime identifiers) whose closure contains it, in the assets file's order.</summary>
    public IReadOnlyList<string> Frameworks { get; }

    /// <summary>Package-relative paths ('/' separated) of the files the build uses, sorted ordinally, without NuGet's "_._" placeholders.</summary>
    public IReadOnlyList<string> AssetFiles { get; }

    public string Key => Id + "/" + Version;
}
