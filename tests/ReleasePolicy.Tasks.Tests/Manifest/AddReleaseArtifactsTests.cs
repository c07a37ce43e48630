using System.Text;

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

    public void Dispose() => _context.Dispose();
}
