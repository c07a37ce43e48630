using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Dependencies;

/// <summary>
/// A project with its own packages folder, laid out as restore lays out the global packages folder: for each package
/// the .nupkg, its .nupkg.metadata and the extracted files, and an obj/project.assets.json that resolves them.
/// Unsigned packages are zipped here; the signed one is the real Newtonsoft.Json 13.0.3 from the NuGet cache.
/// </summary>
internal sealed class PackagesFolder : IDisposable
{
    public const string SignedId = "Newtonsoft.Json";
    public const string SignedVersion = "13.0.3";

    private readonly TempDirectory _root = new();
    private readonly List<(string Id, string Version, string Sha512, bool Direct, string[] Assets)> _packages = new();

    public PackagesFolder()
    {
        Project = _root.CreateDirectory("src/Orders.Api");
        _root.WriteFile("src/Orders.Api/Orders.Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Packages = _root.CreateDirectory("packages");
        // An empty user-level nuget.config, so the machine's own trustedSigners never decide a test.
        UserConfig = _root.WriteFile("user/NuGet.Config", "<configuration />");
    }

    public string Project { get; }

    public string Packages { get; }

    public string UserConfig { get; }

    public string AssetsFile => Path.Combine(Project, "obj", "project.assets.json");

    public string ObjPath(string name) => Path.Combine(Project, "obj", name);

    public string FolderOf(string id, string version) => Path.Combine(Packages, id.ToLowerInvariant(), version.ToLowerInvariant());

    public string NupkgOf(string id, string version) => Path.Combine(FolderOf(id, version), $"{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.nupkg");

    public string WriteFile(string relativePath, string content) => _root.WriteFile(relativePath, content);

    /// <summary>An unsigned package with one library per entry of <paramref name="files"/>, extracted as restore would.</summary>
    public void AddUnsigned(string id, string version, bool direct = true, params (string Path, string Content)[] files)
    {
        if (files.Length == 0)
        {
            files = new[] { ($"lib/net8.0/{id}.dll", $"MZ fake assembly {id} {version}") };
        }

        var folder = Directory.CreateDirectory(FolderOf(id, version)).FullName;
        var nupkg = NupkgOf(id, version);
        using (var archive = ZipFile.Open(nupkg, ZipArchiveMode.Create))
        {
            var nuspec = archive.CreateEntry($"{id}.nuspec");
            using (var writer = new StreamWriter(nuspec.Open()))
            {
                writer.Write($"<package><metadata><id>{id}</id><version>{version}</version></metadata></package>");
            }

            foreach (var (path, content) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(content);
            }
        }

        foreach (var (path, content) in files)
        {
            var extracted = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(extracted)!);
            File.WriteAllText(extracted, content);
        }

        var sha512 = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(nupkg)));
        File.WriteAllText(Path.Combine(folder, ".nupkg.metadata"), $"{{\"version\": 2, \"contentHash\": \"{sha512}\", \"source\": \"{Packages}\"}}");
        _packages.Add((id, version, sha512, direct, files.Select(f => f.Path).ToArray()));
    }

    /// <summary>The real, author-signed and repository-countersigned Newtonsoft.Json 13.0.3, copied from the NuGet cache.</summary>
    public void AddSigned(bool direct = true, Action<string>? tamper = null)
    {
        var source = Path.Combine(NuGetCache(), "newtonsoft.json", SignedVersion);
        var folder = FolderOf(SignedId, SignedVersion);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        tamper?.Invoke(folder);
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ".nupkg.metadata")));
        _packages.Add((SignedId, SignedVersion, metadata.RootElement.GetProperty("contentHash").GetString()!, direct, new[] { "lib/net6.0/Newtonsoft.Json.dll" }));
    }

    /// <summary>
    /// Changes one byte of a signature value inside the signed package's <c>.signature.p7s</c>, in place, and gives the
    /// entry its new CRC, as someone rewriting the archive would. The package without its signature entry (what restore
    /// hashed and what the signature names) is untouched, so neither the content hash nor the signed hash tells:
    /// only verifying the signature with its certificate's key does.
    /// </summary>
    public static void ChangeSignatureValue(string folder, Func<SignedCms, SignerInfo> signer)
    {
        var nupkg = Path.Combine(folder, $"{SignedId.ToLowerInvariant()}.{SignedVersion}.nupkg");
        var bytes = File.ReadAllBytes(nupkg);
        ReleasePolicy.Dependencies.PackageArchiveLayout layout;
        using (var stream = new MemoryStream(bytes))
        {
            layout = ReleasePolicy.Dependencies.PackageArchiveLayout.Read(stream);
        }

        // NuGet stores the signature uncompressed, so its bytes sit in the archive as they are.
        var local = (int)layout.SignatureLocalStart;
        Assert.Equal(0, BitConverter.ToUInt16(bytes, local + 8));
        var start = local + 30 + BitConverter.ToUInt16(bytes, local + 26) + BitConverter.ToUInt16(bytes, local + 28);
        var p7s = bytes.AsSpan(start, (int)BitConverter.ToUInt32(bytes, local + 18));
        var cms = new SignedCms();
        cms.Decode(p7s);
        var value = signer(cms).GetSignature();
        var at = p7s.IndexOf(value);
        Assert.True(at >= 0, "the signature value is not in .signature.p7s");
        p7s[at + (value.Length / 2)] ^= 0x01;

        var crc = Crc32(p7s);
        BitConverter.TryWriteBytes(bytes.AsSpan(local + 14), crc);
        BitConverter.TryWriteBytes(bytes.AsSpan((int)layout.SignatureRecordStart + 16), crc);
        File.WriteAllBytes(nupkg, bytes);
    }

    /// <summary>Writes obj/project.assets.json for the packages added so far, with NuGetAudit's log entries if any.</summary>
    public void WriteAssets(string frameworks = "net8.0", params (string Code, string Message, string Id)[] logs)
    {
        var targets = frameworks.Split(';').ToDictionary(
            tfm => tfm,
            tfm => _packages.ToDictionary(
                p => $"{p.Id}/{p.Version}",
                p => (object)new Dictionary<string, object>
                {
                    ["type"] = "package",
                    ["compile"] = p.Assets.ToDictionary(a => a, a => (object)new Dictionary<string, object>()),
                    ["runtime"] = p.Assets.ToDictionary(a => a, a => (object)new Dictionary<string, object>()),
                }));
        var assets = new Dictionary<string, object>
        {
            ["version"] = 3,
            ["targets"] = targets,
            ["libraries"] = _packages.ToDictionary(
                p => $"{p.Id}/{p.Version}",
                p => (object)new Dictionary<string, object> { ["sha512"] = p.Sha512, ["type"] = "package", ["path"] = $"{p.Id.ToLowerInvariant()}/{p.Version.ToLowerInvariant()}" }),
            ["packageFolders"] = new Dictionary<string, object> { [Packages + Path.DirectorySeparatorChar] = new Dictionary<string, object>() },
            ["project"] = new Dictionary<string, object>
            {
                ["frameworks"] = frameworks.Split(';').ToDictionary(
                    tfm => tfm,
                    tfm => (object)new Dictionary<string, object>
                    {
                        ["dependencies"] = _packages.Where(p => p.Direct).ToDictionary(p => p.Id, p => (object)new Dictionary<string, object> { ["version"] = $"[{p.Version}, )" }),
                    }),
            },
            ["logs"] = logs.Select(l => new Dictionary<string, object> { ["code"] = l.Code, ["level"] = "Warning", ["message"] = l.Message, ["libraryId"] = l.Id }).ToArray(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(AssetsFile)!);
        File.WriteAllText(AssetsFile, JsonSerializer.Serialize(assets, new JsonSerializerOptions { WriteIndented = true }));
    }

    public (VerifyReleaseDependencies Task, RecordingBuildEngine Engine) Task(string mode = "Audit", Action<VerifyReleaseDependencies>? configure = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new VerifyReleaseDependencies
        {
            BuildEngine = engine,
            Mode = mode,
            ProjectFile = Path.Combine(Project, "Orders.Api.csproj"),
            ProjectDirectory = Project,
            ProjectAssetsFile = AssetsFile,
            ReportFile = ObjPath("releasepolicy/dependency-verification.json"),
            CacheFile = ObjPath("releasepolicy/dependency-verification.cache"),
            NuGetUserConfig = UserConfig,
            Now = "2026-12-01",
        };
        configure?.Invoke(task);
        return (task, engine);
    }

    public static ITaskItem Item(string include, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(include);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public static string NuGetCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose() => _root.Dispose();
}
