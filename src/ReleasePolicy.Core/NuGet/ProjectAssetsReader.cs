using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;

namespace ReleasePolicy.NuGet;

/// <summary>
/// Reads the packages restore resolved from <c>obj/project.assets.json</c>: every <c>"type": "package"</c> entry of
/// every target (framework and runtime), with its hash from <c>libraries</c> and whether the project asked for it
/// directly. Project references are not packages and are left out. The file is parsed once.
/// </summary>
public static class ProjectAssetsReader
{
    private const string Description = "The NuGet assets file";

    /// <returns>
    /// The packages sorted by id (ignoring case) then version, or <c>null</c> with an RP9002 finding: the file is
    /// missing or not JSON, or a package's <c>sha512</c> is not a SHA-512 (the manifest and its schema need a real one).
    /// </returns>
    public static IReadOnlyList<ResolvedPackage>? TryRead(string path, out PolicyFinding? error)
    {
        if (!File.Exists(path))
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{path}' (project.assets.json) was not found; run 'dotnet restore' before building, " +
                "or build without '--no-restore'.",
                path);
            return null;
        }

        using var document = JsonInputFile.TryParse(path, Description, out error);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("targets", out var targets)
            || targets.ValueKind != JsonValueKind.Object)
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{path}' has no \"targets\" object, so it is not a project.assets.json written by " +
                "NuGet restore. Delete it and run 'dotnet restore'.",
                path);
            return null;
        }

        var direct = ReadDirectDependencies(root);
        var hashes = ReadHashes(root);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var packages = new List<ResolvedPackage>();
        foreach (var target in targets.EnumerateObject())
        {
            if (target.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var library in target.Value.EnumerateObject())
            {
                if (!IsPackage(library.Value) || !TrySplitKey(library.Name, out var id, out var version) || !seen.Add(library.Name))
                {
                    continue;
                }

                if (hashes.TryGetValue(library.Name, out var sha512) && !IsSha512(sha512))
                {
                    error = InvalidHash(path, library.Name, sha512);
                    return null;
                }

                packages.Add(new ResolvedPackage(id, version, direct.Contains(id), sha512));
            }
        }

        return packages
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Version, PackageVersionComparer.Instance)
            .ToList();
    }

    /// <summary>What restore writes: the base64 of the 64 bytes of a SHA-512 (88 characters, two '=' of padding).</summary>
    internal static bool IsSha512(string value)
    {
        if (value.Length != 88)
        {
            return false;
        }

        try
        {
            return Convert.FromBase64String(value).Length == 64;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // The manifest publishes the hash as restore's proof of the package's content: a damaged one must not ship.
    private static PolicyFinding InvalidHash(string path, string library, string sha512) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"{Description} '{path}' records sha512 '{Shorten(sha512)}' for package '{library}', which is not the base64 of a 64-byte SHA-512. " +
        "Delete the project's obj folder and run 'dotnet restore' to regenerate it.",
        path);

    private static string Shorten(string value) => value.Length <= 100 ? value : value.Substring(0, 100) + "…";

    private static bool IsPackage(JsonElement library) =>
        library.ValueKind == JsonValueKind.Object
        && library.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && string.Equals(type.GetString(), "package", StringComparison.OrdinalIgnoreCase);

    /// <summary>Library keys are "Id/Version"; ids cannot contain '/', versions cannot either.</summary>
    private static bool TrySplitKey(string key, out string id, out string version)
    {
        var slash = key.IndexOf('/');
        id = slash > 0 ? key.Substring(0, slash) : string.Empty;
        version = slash > 0 ? key.Substring(slash + 1) : string.Empty;
        return id.Length > 0 && version.Length > 0;
    }

    /// <summary>The package ids in <c>project.frameworks.&lt;tfm&gt;.dependencies</c> of any framework.</summary>
    private static HashSet<string> ReadDirectDependencies(JsonElement root)
    {
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("project", out var project)
            && project.ValueKind == JsonValueKind.Object
            && project.TryGetProperty("frameworks", out var frameworks)
            && frameworks.ValueKind == JsonValueKind.Object)
        {
            foreach (var framework in frameworks.EnumerateObject())
            {
                if (framework.Value.ValueKind == JsonValueKind.Object
                    && framework.Value.TryGetProperty("dependencies", out var dependencies)
                    && dependencies.ValueKind == JsonValueKind.Object)
                {
                    foreach (var dependency in dependencies.EnumerateObject())
                    {
                        direct.Add(dependency.Name);
                    }
                }
            }
        }

        return direct;
    }

    private static Dictionary<string, string> ReadHashes(JsonElement root)
    {
        var hashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
        {
            foreach (var library in libraries.EnumerateObject())
            {
                if (library.Value.ValueKind == JsonValueKind.Object
                    && library.Value.TryGetProperty("sha512", out var sha512)
                    && sha512.ValueKind == JsonValueKind.String
                    && !string.IsNullOrEmpty(sha512.GetString()))
                {
                    hashes[library.Name] = sha512.GetString()!;
                }
            }
        }

        return hashes;
    }
}
