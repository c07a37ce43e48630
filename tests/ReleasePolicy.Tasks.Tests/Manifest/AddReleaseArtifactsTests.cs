using System.Text;
using System.Text.Json;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>The <c>&lt;id&gt;.&lt;version&gt;.release.json</c> sidecar written beside the .nupkg.</summary>
public sealed class AddReleaseArtifactsTests : IDisposable
{
    // SHA-256 of the three bytes "abc" (FIPS 180-2 test vector).
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private readonly ManifestTestContext _context = new();

    [Fact]
    public void The_sidecar_is_the_manifest_plus_artifacts_with_relative_paths_and_SHA256()
    {
        _context.Generate(task => task.PackageId = "Contoso.Orders");
        var package = _context.Directory.WriteFile("artifacts/packages/Contoso.Orders.2.4.0.nupkg", Encoding.ASCII.GetBytes("abc"));
        var symbols = _context.Directory.WriteFile("artifacts/packages/symbols/Contoso.Orders.2.4.0.snupkg", Array.Empty<byte>());
        var sidecar = _context.Directory.Path("artifacts/packages/Contoso.Orders.2.4.0.release.json");
        var task = _context.CreateArtifactsTask(sidecar, symbols, package);

        Assert.True(task.Execute(), _context.Engine.ToString());

        var manifest = File.ReadAllText(_context.OutputFile);
        var expectedArtifacts = ManifestAssert.Lf($$"""
              "artifacts": [
                {
                  "path": "Contoso.Orders.2.4.0.nupkg",
                  "sha256": "{{AbcSha256}}"
                },
                {
                  "path": "symbols/Contoso.Orders.2.4.0.snupkg",
                  "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                }
              ]
            }

            """);
        Assert.Equal(manifest[..^3] + ",\n" + expectedArtifacts, File.ReadAllText(sidecar));
        Assert.Equal(sidecar, task.OutputFile);
    }

    [Fact]
    public void Running_twice_gives_the_same_bytes_and_leaves_the_file_alone()
    {
        _context.Generate();
        var package = _context.Directory.WriteFile("out/Orders Ünïcode.1.0.0.nupkg", Encoding.ASCII.GetBytes("abc"));
        var sidecar = _context.Directory.Path("out/Orders Ünïcode.1.0.0.release.json");
        Assert.True(_context.CreateArtifactsTask(sidecar, package).Execute(), _context.Engine.ToString());
        var first = File.ReadAllBytes(sidecar);
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(sidecar, longAgo);

        Assert.True(_context.CreateArtifactsTask(sidecar, package).Execute(), _context.Engine.ToString());

        Assert.Equal(first, File.ReadAllBytes(sidecar));
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(sidecar));
        Assert.Contains("\"path\": \"Orders Ünïcode.1.0.0.nupkg\"", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void An_artifact_outside_the_sidecar_folder_is_named_with_a_relative_path()
    {
        _context.Generate();
        var package = _context.Directory.WriteFile("bin/Release/Contoso.Orders.1.0.0.nupkg", Encoding.ASCII.GetBytes("abc"));
        var sidecar = _context.Directory.Path("release/Contoso.Orders.1.0.0.release.json");

        Assert.True(_context.CreateArtifactsTask(sidecar, package).Execute(), _context.Engine.ToString());

        Assert.Contains("\"path\": \"../bin/Release/Contoso.Orders.1.0.0.nupkg\"", File.ReadAllText(sidecar));
    }

    [Fact]
    public void A_missing_artifact_is_RP9002_naming_it()
    {
        _context.Generate();
        var package = _context.Directory.Path("artifacts/Contoso.Orders.1.0.0.nupkg");
        var sidecar = _context.Directory.Path("artifacts/Contoso.Orders.1.0.0.release.json");
        var task = _context.CreateArtifactsTask(sidecar, package);

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(package, error.File);
        Assert.StartsWith($"The release artifact '{package}' was not found", error.Message);
        Assert.False(File.Exists(sidecar));
    }

    [Fact]
    public void A_corrupt_manifest_is_RP9002_with_its_line()
    {
        var package = _context.Directory.WriteFile("artifacts/Contoso.Orders.1.0.0.nupkg", Encoding.ASCII.GetBytes("abc"));
        _context.Directory.WriteFile(Path.GetRelativePath(_context.Directory.FullPath, _context.OutputFile), "{\n  \"schemaVersion\": 1,\n  \"package\": {\n");
        var task = _context.CreateArtifactsTask(_context.Directory.Path("artifacts/Contoso.Orders.1.0.0.release.json"), package);

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(_context.OutputFile, error.File);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void With_provenance_enabled_the_sidecar_carries_an_in_toto_statement_whose_subject_is_the_package()
    {
        var assets = _context.Directory.WriteFile("obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);
        _context.Generate(task =>
        {
            task.PackageId = "Contoso.Orders";
            task.PackageVersion = "2.4.0";
            task.RepositoryUrl = "https://github.com/contoso/orders";
            task.RepositoryCommit = "0123456789abcdef0123456789abcdef01234567";
            task.RepositoryBranch = "main";
            task.Configuration = "Release";
            task.TargetFrameworks = "net8.0";
            task.SdkVersion = "10.0.100";
            task.SourceDateEpoch = "1764547200";
            task.ProjectAssetsFile = assets;
        });
        var package = _context.Directory.WriteFile("artifacts/Contoso.Orders.2.4.0.nupkg", Encoding.ASCII.GetBytes("abc"));
        var sidecar = _context.Directory.Path("artifacts/Contoso.Orders.2.4.0.release.json");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["RUNNER_ENVIRONMENT"] = "github-hosted",
        };
        var task = _context.CreateArtifactsTask(sidecar, package);
        task.ProvenanceEnabled = "true";
        task.EnvironmentVariable = name => environment.TryGetValue(name, out var value) ? value : null;

        Assert.True(task.Execute(), _context.Engine.ToString());
        var first = File.ReadAllBytes(sidecar);
        Assert.True(task.Execute(), _context.Engine.ToString());

        Assert.Equal(first, File.ReadAllBytes(sidecar));
        using var document = JsonDocument.Parse(first);
        var statement = document.RootElement.GetProperty("provenance");
        Assert.Equal("https://in-toto.io/Statement/v1", statement.GetProperty("_type").GetString());
        Assert.Equal("https://slsa.dev/provenance/v1", statement.GetProperty("predicateType").GetString());
        var subject = Assert.Single(statement.GetProperty("subject").EnumerateArray());
        Assert.Equal("Contoso.Orders.2.4.0.nupkg", subject.GetProperty("name").GetString());
        Assert.Equal(AbcSha256, subject.GetProperty("digest").GetProperty("sha256").GetString());
        var predicate = statement.GetProperty("predicate");
        var definition = predicate.GetProperty("buildDefinition");
        Assert.Equal("git+https://github.com/contoso/orders@refs/heads/main", definition.GetProperty("externalParameters").GetProperty("source").GetString());
        var dependencies = definition.GetProperty("resolvedDependencies").EnumerateArray().ToList();
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", dependencies[0].GetProperty("digest").GetProperty("gitCommit").GetString());
        Assert.All(dependencies.Skip(1), d => Assert.StartsWith("pkg:nuget/", d.GetProperty("uri").GetString()));
        Assert.Contains(dependencies.Skip(1), d => d.TryGetProperty("digest", out var digest) && System.Text.RegularExpressions.Regex.IsMatch(digest.GetProperty("sha512").GetString()!, "^[0-9a-f]{128}$"));
        Assert.Equal("https://github.com/actions/runner/github-hosted", predicate.GetProperty("runDetails").GetProperty("builder").GetProperty("id").GetString());
        Assert.Equal("2025-12-01T00:00:00Z", predicate.GetProperty("runDetails").GetProperty("metadata").GetProperty("startedOn").GetString());
        Assert.Empty(ManifestSchemaValidator.Validate(ManifestSchemaTests.LoadSchema(), document.RootElement));
    }

    [Fact]
    public void Without_a_CI_system_the_builder_is_said_to_be_a_local_build()
    {
        Assert.Equal(ReleasePolicy.Manifest.SlsaProvenance.LocalBuilder, ReleasePolicy.Manifest.SlsaProvenance.BuilderId(_ => null));
        Assert.Equal(
            "https://gitlab.contoso.com/gitlab-runner",
            ReleasePolicy.Manifest.SlsaProvenance.BuilderId(name => name switch { "GITLAB_CI" => "true", "CI_SERVER_URL" => "https://gitlab.contoso.com", _ => null }));
    }

    public void Dispose() => _context.Dispose();
}
