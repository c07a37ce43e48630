using System.Text;
using BenchmarkDotNet.Attributes;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Git;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Benchmarks;

/// <summary>
/// Manifest generation for a project with 500 package dependencies, piece by piece as GenerateReleaseManifest runs
/// it: reading project.assets.json (a generated one, laid out as restore writes it), the risk model against a
/// baseline release (40 upgraded, 10 removed and 10 added packages, new migrations), and the writer; then all of it
/// together. Also 20 SQL migrations and 50 findings, as a busy release has.
/// </summary>
[MemoryDiagnoser]
public class ManifestBenchmarks
{
    [Params(500)]
    public int Dependencies { get; set; }

    private string _folder = string.Empty;
    private string _assets = string.Empty;
    private ReleaseManifest _manifest = null!;
    private ReleaseManifest _baseline = null!;
    private IReadOnlyList<MigrationEntry> _migrations = Array.Empty<MigrationEntry>();
    private IReadOnlyList<ReleaseFinding> _findings = Array.Empty<ReleaseFinding>();

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ReleasePolicy.Benchmarks", "manifest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _assets = Path.Combine(_folder, "project.assets.json");
        File.WriteAllText(_assets, AssetsFile(Dependencies, version: i => $"{8 + i % 3}.{i % 10}.{i % 7}"));
        var packages = ProjectAssetsReader.TryRead(_assets, out var error) ?? throw new InvalidOperationException(error?.Message);
        _migrations = Enumerable.Range(1, 20).Select(i => new MigrationEntry(
            $"V{i}", "flyway", new MigrationScriptFile($"db/migrations/V{i}__change_{i}.sql", new string('a', 64)),
            i % 5 == 0 ? null : new MigrationScriptFile($"db/migrations/U{i}__change_{i}.sql", new string('c', 64)),
            null, i % 5 == 0 ? MigrationStatus.MissingRollback : MigrationStatus.Reversible, null, i % 7 == 0)).ToList();
        _findings = Enumerable.Range(1, 50).Select(i => new ReleaseFinding(
            i % 2 == 0 ? "RP3005" : "RP2001", "warning",
            $"Exception details (ex.Message) reach users through Results.Problem in endpoint {i}; return a generic message.",
            null)).ToList();
        _manifest = Manifest("2.5.0", packages, _migrations, _findings);

        var old = packages.Where((_, i) => i % 50 != 0)
            .Select((p, i) => i % 12 == 0 ? new ResolvedPackage(p.Id, "7.0." + i, p.Direct, p.Sha512) : p)
            .Concat(Enumerable.Range(0, 10).Select(i => new ResolvedPackage("Contoso.Retired" + i, "1.0." + i, true, p512(i))))
            .ToList();
        _baseline = Manifest("2.4.0", old, _migrations.Take(12).ToList(), Array.Empty<ReleaseFinding>());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int ReadAssets() => ProjectAssetsReader.TryRead(_assets, out _)!.Count;

    [Benchmark]
    public int AssessRisk() => RiskModel.Assess(_manifest, _baseline, RiskPolicy.Default).Score;

    [Benchmark]
    public int Write() => ReleaseManifestWriter.ToBytes(_manifest).Length;

    /// <summary>The three together, as one pack runs them (without the other inputs' file reads).</summary>
    [Benchmark]
    public int Generate()
    {
        var packages = ProjectAssetsReader.TryRead(_assets, out _)!;
        var manifest = Manifest("2.5.0", packages, _migrations, _findings, _baseline);
        return ReleaseManifestWriter.ToBytes(manifest).Length;
    }

    private static ReleaseManifest Manifest(string version, IReadOnlyList<ResolvedPackage> packages, IReadOnlyList<MigrationEntry> migrations, IReadOnlyList<ReleaseFinding> findings, ReleaseManifest? baseline = null)
    {
        var manifest = new ReleaseManifest(
            new ManifestPackage("Contoso.OrdersApi", version, new GitRepositoryInfo("https://github.com/contoso/orders-api", "0123456789abcdef0123456789abcdef01234567", "main")),
            new ManifestBuild("Release", ["net10.0"], "10.0.401", null, "https://github.com/contoso/orders-api/actions/runs/42"),
            ReleaseClassification.TryCreate("Standard", null, "CustomerFacing", "PII", null, new List<PolicyFinding>())!,
            new ManifestMigrations(migrations, []),
            packages,
            findings);
        return manifest.WithRisk(RiskModel.Assess(manifest, baseline, RiskPolicy.Default));
    }

    private static string p512(int seed)
    {
        var bytes = new byte[64];
        new Random(seed).NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>A project.assets.json as restore writes it: targets, libraries with sha512 and files, the project's direct dependencies.</summary>
    internal static string AssetsFile(int count, Func<int, string> version)
    {
        var ids = Enumerable.Range(0, count).Select(i => (Id: $"{Prefixes[i % Prefixes.Length]}.Package{i}", Version: version(i))).ToList();
        var json = new StringBuilder();
        json.Append("{\n  \"version\": 3,\n  \"targets\": {\n    \"net10.0\": {\n");
        for (var i = 0; i < ids.Count; i++)
        {
            var (id, v) = ids[i];
            json.Append($"      \"{id}/{v}\": {{\n        \"type\": \"package\",\n        \"dependencies\": {{");
            if (i + 1 < ids.Count) json.Append($" \"{ids[i + 1].Id}\": \"{ids[i + 1].Version}\" ");
            json.Append($"}},\n        \"compile\": {{ \"lib/net8.0/{id}.dll\": {{}} }},\n        \"runtime\": {{ \"lib/net8.0/{id}.dll\": {{}} }}\n      }}{(i + 1 < ids.Count ? "," : "")}\n");
        }

        json.Append("    }\n  },\n  \"libraries\": {\n");
        for (var i = 0; i < ids.Count; i++)
        {
            var (id, v) = ids[i];
            json.Append($"    \"{id}/{v}\": {{\n      \"sha512\": \"{p512(i)}\",\n      \"type\": \"package\",\n      \"path\": \"{id.ToLowerInvariant()}/{v}\",\n");
            json.Append($"      \"files\": [ \".nupkg.metadata\", \".signature.p7s\", \"{id.ToLowerInvariant()}.{v}.nupkg.sha512\", \"{id.ToLowerInvariant()}.nuspec\", \"lib/net8.0/{id}.dll\", \"lib/net8.0/{id}.xml\" ]\n    }}{(i + 1 < ids.Count ? "," : "")}\n");
        }

        json.Append("  },\n  \"project\": {\n    \"version\": \"2.5.0\",\n    \"frameworks\": {\n      \"net10.0\": {\n        \"targetAlias\": \"net10.0\",\n        \"dependencies\": {\n");
        var direct = ids.Where((_, i) => i % 10 == 0).ToList();
        for (var i = 0; i < direct.Count; i++)
        {
            json.Append($"          \"{direct[i].Id}\": {{ \"target\": \"Package\", \"version\": \"[{direct[i].Version}, )\" }}{(i + 1 < direct.Count ? "," : "")}\n");
        }

        json.Append("        }\n      }\n    }\n  }\n}\n");
        return json.ToString();
    }

    private static readonly string[] Prefixes = { "Microsoft.Extensions", "Azure", "Contoso.Shared", "System", "Polly", "Serilog", "OpenTelemetry", "Npgsql" };
}
