using BenchmarkDotNet.Attributes;
using ReleasePolicy.Dependencies;

namespace ReleasePolicy.Benchmarks;

/// <summary>
/// The dependency check (RP4001-RP4007) on real packages, offline: this benchmark project's own restore
/// (benchmarks/ReleasePolicy.Benchmarks/obj/project.assets.json: BenchmarkDotNet and its dependencies, in the NuGet
/// package folder the restore used), or the assets file named by RELEASEPOLICY_BENCH_ASSETS. Cold: no verification
/// cache, so every package is hashed, its signature read and checked, its used files compared. Warm: every verdict
/// from the cache, as in a second pack. The OS file cache is warm in both (the packages were read in setup).
/// </summary>
[MemoryDiagnoser]
public class DependencyVerificationBenchmarks
{
    private string _assets = string.Empty;
    private string _cache = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _assets = Environment.GetEnvironmentVariable("RELEASEPOLICY_BENCH_ASSETS") ?? FindOwnAssetsFile();
        _cache = Path.Combine(Path.GetTempPath(), "ReleasePolicy.Benchmarks", "verification-" + Guid.NewGuid().ToString("N")[..8] + ".cache");
        Directory.CreateDirectory(Path.GetDirectoryName(_cache)!);
        var result = Verify();
        if (result.Dependencies.Count == 0 || result.Dependencies.All(d => d.Verdict.Signature is null))
        {
            throw new InvalidOperationException($"{_assets}: no signed package verified; restore the benchmark project first.");
        }

        Console.WriteLine($"// {result.Dependencies.Count} packages, {result.Dependencies.Count(d => d.Verdict.Signature is not null)} signed, {result.Findings.Count} findings");
    }

    [IterationSetup(Target = nameof(Cold))]
    public void DropCache() => File.Delete(_cache);

    [Benchmark]
    public int Cold() => Verify().Dependencies.Count;

    [Benchmark]
    public int Warm() => Verify().Dependencies.Count;

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_cache);

    private DependencyVerificationResult Verify() =>
        DependencyVerification.Run(new DependencyVerificationOptions { AssetsFile = _assets, CacheFile = _cache });

    private static string FindOwnAssetsFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "benchmarks", "ReleasePolicy.Benchmarks", "obj", "project.assets.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("benchmarks/ReleasePolicy.Benchmarks/obj/project.assets.json not found; set RELEASEPOLICY_BENCH_ASSETS.");
    }
}
