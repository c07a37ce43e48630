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

        project.Dotnet("publish", "-o", publishDirectory).ShouldSucceed();

        using var manifest = FixtureProject.ReadJson(Path.Combine(publishDirectory, "release-manifest.json"));
        Assert.Equal("Contoso.Publish", manifest.RootElement.GetProperty("package").GetProperty("id").GetString());
        Assert.Equal("Release", manifest.RootElement.GetProperty("build").GetProperty("configuration").GetString());
    }
}
