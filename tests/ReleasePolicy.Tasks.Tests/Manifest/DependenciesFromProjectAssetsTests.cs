using System.Text.Json;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Manifest;

public sealed class DependenciesFromProjectAssetsTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void Every_resolved_package_of_every_target_is_listed_once_sorted_by_id_then_version_without_project_references()
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);

        var manifest = _context.Generate(task => task.ProjectAssetsFile = assets);

        var expected = ManifestAssert.Lf("""
            [
              {
                "id": "Microsoft.Extensions.DependencyInjection.Abstractions",
                "version": "8.0.0",
                "direct": false,
                "hash": "sha512-cjWrLkJXK0rs4zofsK4bSdg+jhDLTaxrkXu4gS6Y7MAlCvRyNNgwY/lJi5RDlQOnSZweHqoyvgvbdvQsRIW+hg=="
              },
              {
                "id": "Microsoft.Extensions.DependencyInjection.Abstractions",
                "version": "10.0.0",
                "direct": false,
                "hash": "sha512-L3AdmZ1WOK4XXT5YFPEwyt0ep6l8lGIPs7F5OOBZc77Zqeo01Of7XXICy47628sdVl0v/owxYJTe86DTgFwKCA=="
              },
              {
                "id": "Microsoft.Extensions.Logging.Abstractions",
                "version": "8.0.0",
                "direct": true,
                "hash": "sha512-arDBqTgFCyS0EvRV7O3MZturChstm50OJ0y9bDJvAcmEPJm0FFpFyjU/JLYyStNGGey081DvnQYlncNX5SJJGA=="
              },
              {
                "id": "Microsoft.Extensions.Logging.Abstractions",
                "version": "10.0.0",
                "direct": true,
                "hash": "sha512-FU/IfjDfwaMuKr414SSQNTIti/69bHEMb+QKrskRb26oVqpx3lNFXMjs/RC9ZUuhBhcwDM2BwOgoMw+PZ+beqQ=="
              },
              {
                "id": "Newtonsoft.Json",
                "version": "13.0.3",
                "direct": true,
                "hash": "sha512-HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ=="
              },
              {
                "id": "System.IO.Pipelines",
                "version": "8.0.0",
                "direct": false,
                "hash": "sha512-FHNOatmUq0sqJOkTx+UF/9YK1f180cnW5FVqnQMvYUN0elp6wFzbtPSiqbo1/ru8ICp43JM1i7kKkk6GsNGHlA=="
              }
            ]
            """);
        Assert.Equal(expected, Reindented(manifest.GetProperty("dependencies")));
    }

    [Fact]
    public void Dependencies_are_written_last_with_hashes_unescaped()
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);

        _context.Generate(task => task.ProjectAssetsFile = assets);

        var text = _context.ReadManifestText();
        Assert.Contains("\"hash\": \"sha512-cjWrLkJXK0rs4zofsK4bSdg+jhDLTaxrkXu4gS6Y7MAlCvRyNNgwY/lJi5RDlQOnSZweHqoyvgvbdvQsRIW+hg==\"", text);
        Assert.Equal(
            new[] { "schemaVersion", "package", "build", "release", "risk", "migrations", "dependencies" },
            _context.ReadManifest().EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_malformed_assets_file_is_RP9002_naming_the_file_line_and_position()
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ManifestAssert.Lf("""
            {
              "version": 3,
              "targets": {
                "net8.0": {
                  "Newtonsoft.Json/13.0.3" {
                    "type": "package"
                  }
                }
              }
            }
            """));
        var task = _context.CreateTask();
        task.ProjectAssetsFile = assets;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(assets, error.File);
        Assert.Equal(5, error.Line);
        Assert.Equal(32, error.Column);
        Assert.StartsWith($"The NuGet assets file '{assets}' is not valid JSON at line 5, byte position 32: ", error.Message);
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP9002.md", error.HelpLink);
        Assert.False(File.Exists(_context.OutputFile));
    }

    [Fact]
    public void A_missing_assets_file_is_RP9002_telling_to_run_restore()
    {
        var assets = _context.Directory.Path("src/Orders.Api/obj/project.assets.json");
        var task = _context.CreateTask();
        task.ProjectAssetsFile = assets;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(assets, error.File);
        Assert.Contains("project.assets.json) was not found; run 'dotnet restore'", error.Message);
        Assert.False(File.Exists(_context.OutputFile));
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("cjWrLkJXK0rs4zofsK4bSdg+jhDLTaxrkXu4gS6Y7MAlCvRyNNgwY/lJi5RDlQOnSZweHqoyvgvbdvQsRIW+")]
    [InlineData("!!WrLkJXK0rs4zofsK4bSdg+jhDLTaxrkXu4gS6Y7MAlCvRyNNgwY/lJi5RDlQOnSZweHqoyvgvbdvQsRIW+hg==")]
    public void An_invalid_sha512_is_RP9002_naming_the_file_and_the_package_and_no_manifest_is_written(string sha512)
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ManifestAssert.Lf($$"""
            {
              "version": 3,
              "targets": { "net8.0": { "Newtonsoft.Json/13.0.3": { "type": "package" } } },
              "libraries": { "Newtonsoft.Json/13.0.3": { "type": "package", "sha512": "{{sha512}}" } }
            }
            """));
        var task = _context.CreateTask();
        task.ProjectAssetsFile = assets;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(assets, error.File);
        Assert.Equal(
            $"The NuGet assets file '{assets}' records sha512 '{sha512}' for package 'Newtonsoft.Json/13.0.3', which is not the base64 " +
            "of a 64-byte SHA-512. Delete the project's obj folder and run 'dotnet restore' to regenerate it.",
            error.Message);
        Assert.False(File.Exists(_context.OutputFile));
        if (sha512 == "not-a-hash")
        {
            Migrations.RuleDocPageTests.AssertQuotedOnPage("RP9002", error.Message.Replace(assets, "/src/Orders.Api/obj/project.assets.json"));
        }
    }

    [Fact]
    public void An_assets_file_without_targets_is_RP9002()
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", "{ \"version\": 3 }");
        var task = _context.CreateTask();
        task.ProjectAssetsFile = assets;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Contains("has no \"targets\" object", error.Message);
    }

    [Fact]
    public void Without_an_assets_file_parameter_dependencies_are_empty()
    {
        var manifest = _context.Generate();

        Assert.Equal(JsonValueKind.Array, manifest.GetProperty("dependencies").ValueKind);
        Assert.Equal(0, manifest.GetProperty("dependencies").GetArrayLength());
    }

    private static string Reindented(JsonElement element) =>
        JsonSerializer.Serialize(element, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n");

    public void Dispose() => _context.Dispose();
}
