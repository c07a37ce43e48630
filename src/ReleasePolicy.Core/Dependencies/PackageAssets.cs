using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;
using ReleasePolicy.NuGet;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// What <c>obj/project.assets.json</c> says about the packages of every target framework: where they were
/// extracted (<c>packageFolders</c>), which files each framework uses (<c>targets</c>), their content hashes
/// (<c>libraries</c>) and NuGetAudit's own findings (<c>logs</c>, NU1901–NU1904).
/// </summary>
public sealed class PackageAssets
{
    private const string Description = "The NuGet assets file";

    // The sections of a target library whose files the build reads from the extracted folder.
    private static readonly string[] AssetSections = { "compile", "runtime", "native", "resource", "build", "buildMultiTargeting" };

    private PackageAssets(string path, IReadOnlyList<string> packageFolders, IReadOnlyList<LockedPackage> packages, IReadOnlyList<AuditLogEntry> auditEntries)
    {
        FilePath = path;
        PackageFolders = packageFolders;
        Packages = packages;
        AuditEntries = auditEntries;
    }

    public string FilePath { get; }

    /// <summary>The package folders restore used, global packages folder first, then fallback folders.</summary>
    public IReadOnlyList<string> PackageFolders { get; }

    /// <summary>Every package of every target, once, sorted by id (ignoring case) then version.</summary>
    public IReadOnlyList<LockedPackage> Packages { get; }

    public IReadOnlyList<AuditLogEntry> AuditEntries { get; }

    /// <returns>The assets, or <c>null</c> with an RP9002 finding naming the file.</returns>
    public static PackageAssets? TryRead(string path, out PolicyFinding? error)
    {
        if (!File.Exists(path))
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{path}' (project.assets.json) was not found, so the packages cannot be verified; run 'dotnet restore' first.",
                path);
            return null;
        }

        using var document = JsonInputFile.TryParse(path, Description, out error);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{path}' has no \"targets\" object, so it is not a project.assets.json written by NuGet restore. Delete it and run 'dotnet restore'.",
                path);
            return null;
        }

        var libraries = root.TryGetProperty("libraries", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        var direct = DirectDependencies(root);
        var builders = new Dictionary<string, Builder>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in targets.EnumerateObject())
        {
            if (target.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var library in target.Value.EnumerateObject())
            {
                if (!IsPackage(library.Value) || !TrySplitKey(library.Name, out var id, out var version))
                {
                    continue;
                }

                if (!builders.TryGetValue(library.Name, out var builder))
                {
                    builder = new Builder(id, version);
                    builders.Add(library.Name, builder);
                }

                builder.Frameworks.Add(target.Name);
                foreach (var section in AssetSections)
                {
                    if (library.Value.TryGetProperty(section, out var files) && files.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var file in files.EnumerateObject())
                        {
                            AddAsset(builder, file.Name);
                        }
                    }
                }

                // runtimeTargets: RID-specific runtime and native files.
                if (library.Value.TryGetProperty("runtimeTargets", out var runtimeTargets) && runtimeTargets.ValueKind == JsonValueKind.Object)
                {
                    foreach (var file in runtimeTargets.EnumerateObject())
                    {
                        AddAsset(builder, file.Name);
                    }
                }
            }
        }

        var packages = new List<LockedPackage>();
        foreach (var pair in builders)
        {
            var builder = pair.Value;
            string? sha512 = null;
            var folder = builder.Id.ToLowerInvariant() + "/" + builder.Version.ToLowerInvariant();
            if (libraries.ValueKind == JsonValueKind.Object && libraries.TryGetProperty(pair.Key, out var library) && library.ValueKind == JsonValueKind.Object)
            {
                sha512 = StringProperty(library, "sha512");
                folder = StringProperty(library, "path") ?? folder;

                // Analyzers are not in "targets": the SDK picks them from the package's files under analyzers/.
                if (library.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
                {
                    foreach (var file in files.EnumerateArray())
                    {
                        var name = file.ValueKind == JsonValueKind.String ? file.GetString() : null;
                        if (name is not null && name.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                        {
                            AddAsset(builder, name);
                        }
                    }
                }
            }

            packages.Add(new LockedPackage(
                builder.Id,
                builder.Version,
                direct.Contains(builder.Id),
                sha512,
                folder,
                builder.Frameworks.ToList(),
                builder.Assets.OrderBy(a => a, StringComparer.Ordinal).ToList()));
        }

        error = null;
        return new PackageAssets(
            path,
            PackageFoldersOf(root),
            packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Version, PackageVersionComparer.Instance).ToList(),
            AuditLogEntry.ReadAll(root));
    }

    private static void AddAsset(Builder builder, string file)
    {
        // "_._" marks an empty folder: the framework is supported and there is nothing to use.
        if (!file.EndsWith("/_._", StringComparison.Ordinal) && file != "_._")
        {
            builder.Assets.Add(file.Replace('\\', '/'));
        }
    }

    private static IReadOnlyList<string> PackageFoldersOf(JsonElement root)
    {
        var folders = new List<string>();
        if (root.TryGetProperty("packageFolders", out var packageFolders) && packageFolders.ValueKind == JsonValueKind.Object)
        {
            foreach (var folder in packageFolders.EnumerateObject())
            {
                folders.Add(folder.Name);
            }
        }

        return folders;
    }

    private static HashSet<string> DirectDependencies(JsonElement root)
    {
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("project", out var project) && project.ValueKind == JsonValueKind.Object
            && project.TryGetProperty("frameworks", out var frameworks) && frameworks.ValueKind == JsonValueKind.Object)
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

    private static bool IsPackage(JsonElement library) =>
        library.ValueKind == JsonValueKind.Object
        && string.Equals(StringProperty(library, "type"), "package", StringComparison.OrdinalIgnoreCase);

    internal static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(value.GetString()) ? value.GetString() : null;

    private static bool TrySplitKey(string key, out string id, out string version)
    {
        var slash = key.IndexOf('/');
        id = slash > 0 ? key.Substring(0, slash) : string.Empty;
        version = slash > 0 ? key.Substring(slash + 1) : string.Empty;
        return id.Length > 0 && version.Length > 0;
    }

    private sealed class Builder
    {
        public Builder(string id, string version)
        {
            Id = id;
            Version = version;
        }

        public string Id { get; }

        public string Version { get; }

        public List<string> Frameworks { get; } = new();

        public HashSet<string> Assets { get; } = new(StringComparer.Ordinal);
    }
}
