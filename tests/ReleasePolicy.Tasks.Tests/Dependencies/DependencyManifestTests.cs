using System.Text.Json;
using ReleasePolicy.Manifest;
using ReleasePolicy.Tasks.Tests.Infrastructure;
using ReleasePolicy.Tasks.Tests.Manifest;

namespace ReleasePolicy.Tasks.Tests.Dependencies;

/// <summary>The dependency check's report in the release manifest: trust per dependency and the top-level vulnerabilities.</summary>
public sealed class DependencyManifestTests : IDisposable
{
    private readonly PackagesFolder _folder = new();

    public DependencyManifestTests()
    {
        _folder.AddSigned();
        _folder.AddUnsigned("Contoso.Billing", "2.1.0", direct: false);
        _folder.WriteAssets();
        _folder.WriteFile("osv/GHSA-crit.json", """
            { "id": "GHSA-crit-0000-0001", "modified": "2026-11-30T10:00:00Z", "database_specific": { "severity": "CRITICAL" },
              "affected": [ { "package": { "ecosystem": "NuGet", "name": "Newtonsoft.Json" },
                              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "13.0.4" } ] } ] } ] }
            """);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EachDependencyGetsItsSignatureTrustAndAdvisoriesAndTheManifestSatisfiesTheSchema()
    {
        var manifest = Generate();

        var dependencies = manifest.GetProperty("dependencies").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        var json = dependencies["Newtonsoft.Json"];
        Assert.Equal("author", json.GetProperty("signature").GetProperty("type").GetString());
        Assert.Matches("^[0-9A-F]{64}$", json.GetProperty("signature").GetProperty("fingerprint").GetString());
        Assert.Equal("trusted", json.GetProperty("trust").GetString());
        Assert.Equal(["GHSA-crit-0000-0001"], json.GetProperty("vulnerabilities").EnumerateArray().Select(v => v.GetString()));
        var billing = dependencies["Contoso.Billing"];
        Assert.Equal("none", billing.GetProperty("signature").GetProperty("type").GetString());
        Assert.True(billing.GetProperty("trusted").GetBoolean());

        var vulnerability = Assert.Single(manifest.GetProperty("vulnerabilities").EnumerateArray());
        Assert.Equal("Accepted until the 13.0.4 upgrade ships", vulnerability.GetProperty("suppressed").GetProperty("justification").GetString());
        Assert.Equal("2027-01-31", vulnerability.GetProperty("suppressed").GetProperty("expires").GetString());
        Assert.Contains(manifest.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP4004" && f.GetProperty("severity").GetString() == "info");

        Assert.Empty(ManifestSchemaValidator.Validate(LoadSchema(), manifest));
    }

    [Fact]
    public void TheManifestReadsBackToTheSameBytes()
    {
        Generate();
        var path = _folder.ObjPath("release-manifest.json");

        Assert.True(ReleaseManifestReader.TryRead(path, out var manifest, out var error), error?.Message);

        Assert.Equal(File.ReadAllBytes(path), ReleaseManifestWriter.ToBytes(manifest!));
    }

    private JsonElement Generate()
    {
        var (verify, verifyEngine) = _folder.Task(configure: t =>
        {
            t.TrustedSigners = new[] { PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "built by our CI")) };
            t.VulnerabilityDatabases = new[] { PackagesFolder.Item(Path.Combine(_folder.Project, "..", "..", "osv")) };
            t.VulnerabilitySuppressions = new[] { PackagesFolder.Item("GHSA-crit-0000-0001", ("Justification", "Accepted until the 13.0.4 upgrade ships"), ("Expires", "2027-01-31")) };
        });
        Assert.True(verify.Execute(), verifyEngine.ToString());

        var engine = new RecordingBuildEngine();
        var task = new GenerateReleaseManifest
        {
            BuildEngine = engine,
            OutputFile = _folder.ObjPath("release-manifest.json"),
            ProjectFile = Path.Combine(_folder.Project, "Orders.Api.csproj"),
            ProjectDirectory = _folder.Project,
            PackageId = "Contoso.Orders",
            PackageVersion = "2.4.0",
            RepositoryUrl = "https://github.com/contoso/orders",
            RepositoryCommit = "0123456789abcdef0123456789abcdef01234567",
            RepositoryBranch = "main",
            Configuration = "Release",
            TargetFrameworks = "net8.0",
            ProjectAssetsFile = _folder.AssetsFile,
            SourceDateEpoch = "0",
            DependencyVerificationFile = verify.ReportFile,
            EnvironmentVariable = _ => null,
        };
        Assert.True(task.Execute(), engine.ToString());
        using var document = JsonDocument.Parse(File.ReadAllBytes(task.OutputFile));
        return document.RootElement.Clone();
    }

    private static JsonElement LoadSchema()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "schema", "release-manifest.schema.json")))
        {
            directory = directory.Parent;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory.FullName, "schema", "release-manifest.schema.json")));
        return document.RootElement.Clone();
    }
}
