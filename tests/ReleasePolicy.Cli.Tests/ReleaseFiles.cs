using System.IO.Compression;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Git;
using ReleasePolicy.IO;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Cli.Tests;

/// <summary>
/// Real release files in a temp folder, laid out as pack leaves them: the .nupkg with its manifest inside and the
/// .release.json sidecar beside it, written by the engine's own writers.
/// </summary>
internal sealed class ReleaseFiles : IDisposable
{
    public ReleaseFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ReleasePolicy.Cli.Tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <param name="baseline">The previous release: the manifest's <c>changes</c> (and the risk) are computed against it, as pack does.</param>
    /// <param name="projectPath">
    /// <c>package.repository.projectPath</c>: set, the findings are relative to the repository root, as pack writes them in
    /// a git work tree; null, relative to the project (built outside a repository, or by an older ReleasePolicy).
    /// </param>
    public static ReleaseManifest Release(
        string version,
        IReadOnlyList<ResolvedPackage>? dependencies = null,
        IReadOnlyList<MigrationEntry>? migrations = null,
        IReadOnlyList<ReleaseFinding>? findings = null,
        string dataSensitivity = "Internal",
        IReadOnlyList<FeatureFlag>? featureFlags = null,
        GateReport? gates = null,
        DependencyVerificationSummary? dependencyVerification = null,
        IReadOnlyList<PublicApiAssembly>? publicApi = null,
        ReleaseManifest? baseline = null,
        string? projectPath = null)
    {
        var manifest = new ReleaseManifest(
            new ManifestPackage("Contoso.Orders.Api", version, new GitRepositoryInfo("https://github.com/contoso/orders", "0123456789abcdef0123456789abcdef01234567", "main", projectPath: projectPath)),
            new ManifestBuild("Release", ["net8.0"], "10.0.100", null, "https://github.com/contoso/orders/actions/runs/42"),
            ReleaseClassification.TryCreate(null, null, null, dataSensitivity, null, new List<PolicyFinding>())!,
            new ManifestMigrations(migrations ?? [], []),
            dependencies ?? [],
            findings ?? [],
            featureFlags: featureFlags,
            gates: gates,
            dependencyVerification: dependencyVerification,
            publicApi: publicApi);
        var changes = baseline is null ? null : ReleaseChanges.Between(baseline, manifest);
        return manifest.WithRisk(RiskModel.Assess(manifest, RiskPolicy.Default, changes)).WithChanges(changes);
    }

    public static MigrationEntry Script(string id, string status = MigrationStatus.Reversible, bool destructive = false, string? reason = null) =>
        new(id, "flyway", new MigrationScriptFile($"db/{id}.sql", new string('a', 64)), status == MigrationStatus.Reversible ? new MigrationScriptFile($"db/U{id[1..]}.sql", new string('c', 64)) : null, null, status, reason, destructive);

    public static ResolvedPackage Package(string id, string version, bool direct = true) => new(id, version, direct, "abc=");

    public string WriteManifest(ReleaseManifest manifest, string name = "release-manifest.json")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, ReleaseManifestWriter.ToBytes(manifest));
        return path;
    }

    /// <summary>The .nupkg (with the manifest inside) and its sidecar; <paramref name="sidecarManifest"/> lets a test make them disagree.</summary>
    public string WritePackage(ReleaseManifest manifest, ReleaseManifest? sidecarManifest = null, bool withManifest = true)
    {
        var nupkg = Path.Combine(Folder, $"{manifest.Package.Id}.{manifest.Package.Version}.nupkg");
        using (var archive = ZipFile.Open(nupkg, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("Contoso.Orders.Api.nuspec", CompressionLevel.NoCompression).Open()))
            {
                writer.Write("<package />");
            }

            if (withManifest)
            {
                using var entry = archive.CreateEntry(PackageManifestEntry.EntryName).Open();
                entry.Write(ReleaseManifestWriter.ToBytes(manifest));
            }
        }

        using var document = JsonDocument.Parse(ReleaseManifestWriter.ToBytes(sidecarManifest ?? manifest));
        File.WriteAllBytes(Sidecar(nupkg), ReleaseArtifactsWriter.ToBytes(document.RootElement, [ReleaseArtifact.FromFile(nupkg, Folder)]));
        return nupkg;
    }

    public static string Sidecar(string nupkg) => Path.ChangeExtension(nupkg, null) + ".release.json";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Runs <c>release-policy</c> in-process and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ReleasePolicyCommand.Run(args, output, error);
        return new CliRun(exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
