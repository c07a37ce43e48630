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
}
