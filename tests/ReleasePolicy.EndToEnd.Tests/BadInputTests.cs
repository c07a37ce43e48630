using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>Bad input gets an RP9xxx diagnostic naming the file and what to do, never an MSBuild stack trace.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_corrupt_project_assets_file_is_RP9002_naming_the_file()
    {
        var project = FixtureProject.Create("CorruptAssets");
        project.Dotnet("restore").ShouldSucceed();
        var assets = Path.Combine(project.Directory, "obj", "project.assets.json");
        var text = File.ReadAllText(assets);
        File.WriteAllText(assets, text[..(text.Length / 2)]);

        var pack = project.Dotnet("pack", "--no-restore", "-o", project.PackageOutput).ShouldFail();

        var error = Assert.Single(pack.WithCode("RP9002"));
        Assert.Equal("project.assets.json", error.FileName);
        Assert.True(error.Line > 0, error.ToString());
    }

    [Fact]
    public void An_unknown_ReleaseUserImpact_is_RP9001_listing_the_allowed_values()
    {
        var project = FixtureProject.Create("BadUserImpact", projectBody: """
              <PropertyGroup>
                <ReleaseUserImpact>Everyone</ReleaseUserImpact>
              </PropertyGroup>
            """);

        var pack = project.Dotnet("pack", "-o", project.PackageOutput).ShouldFail();

        var error = Assert.Single(pack.WithCode("RP9001"));
        Assert.Contains("ReleaseUserImpact", error.Message);
        Assert.Contains("CustomerFacing", error.Message);
        Assert.Equal("BadUserImpact.csproj", error.FileName);
    }
}
