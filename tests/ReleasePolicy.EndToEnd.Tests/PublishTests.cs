using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

public sealed class PublishTests
{
    [Fact]
    public void Publish_writes_the_manifest_into_the_publish_folder()
    {
        var project = FixtureProject.Create("Publish", projectBody: """
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
            """, extraSources: "Contoso.Greeter.Greet(\"world\");");
        var publishDirectory = Path.Combine(project.Directory, "publish");

        var publish = project.Dotnet("publish", "-o", publishDirectory, "-v:d").ShouldSucceed();

        using var manifest = FixtureProject.ReadJson(Path.Combine(publishDirectory, "release-manifest.json"));
        Assert.Equal("Contoso.Publish", manifest.RootElement.GetProperty("package").GetProperty("id").GetString());
        Assert.Equal("Release", manifest.RootElement.GetProperty("build").GetProperty("configuration").GetString());

        // The tasks' private System.Text.Json is the one loaded, not the copy of the SDK running the build.
        var json = publish.Output.Split('\n').First(line => line.Contains("ReleasePolicy tasks use System.Text.Json", StringComparison.Ordinal));
        Assert.Contains("/tasks/net8.0/System.Text.Json.dll", json.Replace('\\', '/'));
    }
}
