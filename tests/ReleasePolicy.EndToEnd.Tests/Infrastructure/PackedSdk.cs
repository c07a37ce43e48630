using System.Globalization;
using System.Reflection;

namespace ReleasePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// ReleasePolicy.Sdk and ReleasePolicy.Analyzers packed from this checkout, once per test run, under a unique
/// pre-release version so no NuGet cache can hand a test an older build. Every fixture shares the feed and one
/// NuGet packages folder.
/// </summary>
internal sealed class PackedSdk
{
    private static readonly Lazy<PackedSdk> Instance = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackedSdk(string repositoryRoot, string runRoot, string feed, string packagesFolder, string version)
    {
        RepositoryRoot = repositoryRoot;
        RunRoot = runRoot;
        Feed = feed;
        PackagesFolder = packagesFolder;
        Version = version;
    }

    public static PackedSdk Current => Instance.Value;

    public string RepositoryRoot { get; }

    /// <summary>A fresh folder outside the repository (so its Directory.Build.props cannot leak into fixtures).</summary>
    public string RunRoot { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string Version { get; }

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    private static PackedSdk Pack()
    {
        var repositoryRoot = typeof(PackedSdk).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var version = $"0.1.0-e2e.{stamp}.{System.Environment.ProcessId}";
        var runRoot = Path.Combine(Path.GetTempPath(), "releasepolicy-e2e", $"{stamp}-{System.Environment.ProcessId}");
        var feed = Path.Combine(runRoot, "feed");
        Directory.CreateDirectory(feed);

        // One packages folder for every run: third-party packages stay cached; ours are removed, since each run has its own version.
        var packagesFolder = Path.Combine(repositoryRoot, "artifacts", "e2e", "nuget-packages");
        foreach (var ours in new[] { "releasepolicy.sdk", "releasepolicy.analyzers" })
        {
            var folder = Path.Combine(packagesFolder, ours);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        foreach (var project in new[] { "src/ReleasePolicy.Sdk/ReleasePolicy.Sdk.csproj", "src/ReleasePolicy.Analyzers.Package/ReleasePolicy.Analyzers.Package.csproj" })
        {
            DotNet.Run(repositoryRoot, new Dictionary<string, string?>(), "pack", Path.Combine(repositoryRoot, project), "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo")
                .ShouldSucceed();
        }

        return new PackedSdk(repositoryRoot, runRoot, feed, packagesFolder, version);
    }
}
