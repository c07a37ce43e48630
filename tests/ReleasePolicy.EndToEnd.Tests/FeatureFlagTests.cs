using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>The SDK hands the project's appsettings.json to the flag rules, so a mistyped flag fails a Release build (a web project with Microsoft.FeatureManagement.AspNetCore).</summary>
public sealed class FeatureFlagTests
{
    private const string FeatureManagementPackage = """
          <ItemGroup>
            <PackageReference Include="Microsoft.FeatureManagement" Version="4.7.0" />
          </ItemGroup>
        """;

    [Fact]
    public void A_web_project_with_a_mistyped_flag_fails_a_Release_build_with_the_declared_name_suggested_and_its_manifest_lists_the_flags()
    {
        var project = FixtureProject.Create("FlagTypo", web: true, projectBody: """
              <PropertyGroup>
                <IsPackable>true</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="4.7.0" />
              </ItemGroup>
            """);
        project.Write("appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              // Flags for the checkout team
              "FeatureManagement": {
                "NewCheckout": true,
                "Recommendations": false,
              }
            }
            """);
        project.Write("Program.cs", """
            using Contoso;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddFeatureManagement();
            builder.Services.AddScoped<CheckoutService>();
            var app = builder.Build();

            app.MapGet("/checkout", async (CheckoutService checkout) => Results.Ok(await checkout.PageAsync()));
            app.MapGet("/recommendations", () => Results.Ok(new[] { "socks" })).WithFeatureGate("Recommendations");
            app.Run();
            """);
        project.Write("Checkout.cs", """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            namespace Contoso;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<string> PageAsync() =>
                    await featureManager.IsEnabledAsync("NewChekout") ? "wallet" : "classic";
            }
            """);

        var build = project.Dotnet("build", "-c", "Release").ShouldFail();

        // It fails for the typo alone: the service compiles.
        Assert.DoesNotContain(build.Diagnostics, d => d.Code.StartsWith("CS", StringComparison.Ordinal) && d.Severity == "error");
        var typo = Assert.Single(build.WithCode("RP2002"));
        Assert.Equal("error", typo.Severity);
        Assert.Equal("Checkout.cs", typo.FileName);
        Assert.StartsWith("Feature flag 'NewChekout' is not declared in any flag source; did you mean 'NewCheckout'?", typo.Message);
        Assert.Empty(build.WithCode("RP2001"));

        // Audit mode packs anyway; the manifest lists every flag, the mistyped one as undeclared.
        project.Dotnet("pack", "-p:ReleasePolicyMode=Audit", "-o", project.PackageOutput).ShouldSucceed();
        using var manifest = project.ManifestFromNupkg();
        var flags = manifest.RootElement.GetProperty("featureFlags").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["NewCheckout", "NewChekout", "Recommendations"], flags.Keys.Order(StringComparer.Ordinal));
        Assert.True(flags["NewChekout"].GetProperty("undeclared").GetBoolean());
        Assert.Equal(0, flags["NewCheckout"].GetProperty("references").GetInt32());
        Assert.Equal(1, flags["Recommendations"].GetProperty("references").GetInt32());
        Assert.Equal("appsettings.json", flags["Recommendations"].GetProperty("declared").GetProperty("path").GetString());
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

        // RP2000, the hidden inventory, raised to see it in the build's output: one per flag, on its declaration.
        project.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.RP2000.severity = warning\n");

        var pack = project.Dotnet("pack", "-p:ReleasePolicyMode=Audit", "-o", project.PackageOutput).ShouldSucceed();

        var inventory = pack.WithCode("RP2000").Select(d => (d.FileName, d.Line, d.Message)).Distinct().OrderBy(d => d.Message, StringComparer.Ordinal).ToList();
        Assert.Equal(3, inventory.Count);
        Assert.Equal(("appsettings.json", 4), (inventory[0].FileName, inventory[0].Line));
        Assert.StartsWith("Feature flag 'DarkMode': declared in appsettings.json line 4, 0 reference(s)", inventory[0].Message);
        Assert.StartsWith("Feature flag 'NewCheckout': declared in appsettings.json line 3, 1 reference(s)", inventory[1].Message);
        Assert.StartsWith("Feature flag 'Recomendations': declared in no flag source, 1 reference(s)", inventory[2].Message);

        using var manifest = project.ManifestFromNupkg();
        Assert.DoesNotContain(manifest.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP2000");
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
