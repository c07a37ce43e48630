using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>The SDK hands the project's appsettings.json to the flag rules, so a mistyped flag fails a Release build.</summary>
public sealed class FeatureFlagTests
{
    private const string FeatureManagementPackage = """
          <ItemGroup>
            <PackageReference Include="Microsoft.FeatureManagement" Version="4.7.0" />
          </ItemGroup>
        """;

    [Fact]
    public void A_mistyped_flag_fails_a_Release_build_with_the_declared_name_suggested()
    {
        var project = FixtureProject.Create("FlagTypo", projectBody: FeatureManagementPackage);
        project.Write("appsettings.json", """
            {
              // Flags for the checkout team
              "FeatureManagement": {
                "NewCheckout": true,
                "Recommendations": false,
              }
            }
            """);
        project.Write("Checkout.cs", """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            namespace Contoso;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<string> PageAsync() =>
                    await featureManager.IsEnabledAsync("NewChekout") ? "wallet"
                    : await featureManager.IsEnabledAsync("Recommendations") ? "shelf" : "classic";
            }
            """);

        var build = project.Dotnet("build", "-c", "Release").ShouldFail();

        var typo = Assert.Single(build.WithCode("RP2002"));
        Assert.Equal("error", typo.Severity);
        Assert.Equal("Checkout.cs", typo.FileName);
        Assert.StartsWith("Feature flag 'NewChekout' is not declared in any flag source; did you mean 'NewCheckout'?", typo.Message);
        Assert.Empty(build.WithCode("RP2001"));
    }

    [Fact]
    public void A_pack_of_a_multi_targeted_project_lists_every_flag_in_the_manifest_and_its_findings()
    {
        var project = FixtureProject.Create("FlagManifest", projectBody: FeatureManagementPackage, targetFramework: "net8.0;net10.0");
        project.Write("appsettings.json", """
            {
              "FeatureManagement": {
                "NewCheckout": true,
                "DarkMode": false
              }
            }
            """);
        project.Write("Checkout.cs", """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            namespace Contoso;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<string> PageAsync() =>
                    await featureManager.IsEnabledAsync("NewCheckout") ? "wallet"
                    : await featureManager.IsEnabledAsync("Recomendations") ? "shelf" : "classic";
            }
            """);

        project.Dotnet("pack", "-p:ReleasePolicyMode=Audit", "-o", project.PackageOutput).ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        var flags = manifest.RootElement.GetProperty("featureFlags").EnumerateArray().ToList();
        Assert.Equal(["DarkMode", "NewCheckout", "Recomendations"], flags.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(0, flags[0].GetProperty("references").GetInt32());
        Assert.Equal("appsettings.json", flags[1].GetProperty("declared").GetProperty("path").GetString());
        Assert.Equal(1, flags[1].GetProperty("references").GetInt32());
        Assert.True(flags[2].GetProperty("undeclared").GetBoolean());
        var typo = Assert.Single(manifest.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP2002");
        Assert.Equal("warning", typo.GetProperty("severity").GetString());
        Assert.Equal("Checkout.cs", typo.GetProperty("location").GetProperty("path").GetString());
    }

    [Fact]
    public void A_flag_source_that_is_not_JSON_fails_the_build_with_RP9002_at_the_line_where_it_broke()
    {
        var project = FixtureProject.Create("FlagBrokenSource", projectBody: FeatureManagementPackage);
        project.Write("appsettings.json", """{ "FeatureManagement": { "NewCheckout": true } }""");
        project.Write("appsettings.Development.json", "{\n  \"FeatureManagement\": {\n    \"NewCheckout\": tru\n");

        var build = project.Dotnet("build").ShouldFail();

        var error = Assert.Single(build.WithCode("RP9002"));
        Assert.Equal("appsettings.Development.json", error.FileName);
        Assert.Equal(3, error.Line);
        Assert.Contains("is not valid JSON at line 3", error.Message);
    }
}
