using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>Bad input gets an RP9xxx diagnostic naming the file and what to do, never an MSBuild stack trace.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_corrupt_project_assets_file_fails_with_a_diagnostic_naming_it_not_a_stack_trace()
    {
        var project = FixtureProject.Create("CorruptAssets");
        project.Dotnet("restore").ShouldSucceed();
        var assets = Path.Combine(project.Directory, "obj", "project.assets.json");
        var text = File.ReadAllText(assets);
        File.WriteAllText(assets, text[..(text.Length / 2)]);

        // The .NET SDK reads the assets file before any ReleasePolicy target and reports it itself (NETSDK1060);
        // the manifest task's own RP9002 for the same file is covered by the task tests.
        var pack = project.Dotnet("pack", "--no-restore", "-o", project.PackageOutput).ShouldFail();

        var error = Assert.Single(pack.Diagnostics, d => d.Severity == "error");
        Assert.Contains("project.assets.json", error.Message);
        Assert.Contains("LineNumber", error.Message);
    }

    [Fact]
    public void An_unknown_ReleaseUserImpact_fails_the_build_with_RP9001_listing_the_allowed_values()
    {
        var project = FixtureProject.Create("BadUserImpact", projectBody: """
              <PropertyGroup>
                <ReleaseUserImpact>Everyone</ReleaseUserImpact>
              </PropertyGroup>
            """);

        var build = project.Dotnet("build").ShouldFail();

        var error = Assert.Single(build.WithCode("RP9001"));
        Assert.Contains("ReleaseUserImpact", error.Message);
        Assert.Contains("CustomerFacing", error.Message);
        Assert.Equal("BadUserImpact.csproj", error.FileName);
    }
}
