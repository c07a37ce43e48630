using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>Bad input gets an RP9xxx diagnostic naming the file and what to do, never an MSBuild stack trace.</summary>
public sealed class BadInputTests
{
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

    /// <summary>Visual Studio's own builds set BuildingInsideVisualStudio; they check exactly as a command-line build does.</summary>
    [Fact]
    public void A_Visual_Studio_build_checks_the_settings()
    {
        var project = FixtureProject.Create("BadUserImpactInVisualStudio", projectBody: """
              <PropertyGroup>
                <ReleaseUserImpact>Everyone</ReleaseUserImpact>
              </PropertyGroup>
            """);

        var build = project.Dotnet("build", "-p:BuildingInsideVisualStudio=true").ShouldFail();

        Assert.Contains("ReleaseUserImpact", Assert.Single(build.WithCode("RP9001")).Message);
    }

    /// <summary>The IDE's design-time builds run on every edit: ReleasePolicy does nothing in them.</summary>
    [Fact]
    public void A_design_time_build_does_nothing()
    {
        var project = FixtureProject.Create("BadUserImpactDesignTime", projectBody: """
              <PropertyGroup>
                <ReleaseUserImpact>Everyone</ReleaseUserImpact>
              </PropertyGroup>
            """);

        var build = project.Dotnet("build", "-p:DesignTimeBuild=true", "-p:BuildingInsideVisualStudio=true").ShouldSucceed();

        Assert.Empty(build.WithCode("RP9001"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(project.Directory, "obj"), "releasepolicy", SearchOption.AllDirectories));
    }
}
