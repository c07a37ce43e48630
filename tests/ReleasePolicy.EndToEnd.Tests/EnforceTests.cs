using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>Enforce blocks the release, and no setting turns the policy off without a word.</summary>
public sealed class EnforceTests
{
    private const string ScriptWithoutRollback = """
          <ItemGroup>
            <ReleaseMigrationScripts Include="db/migrations" />
          </ItemGroup>
        """;

    [Fact]
    public void An_Enforce_pack_with_only_script_findings_writes_no_package_and_no_sidecar()
    {
        var project = FixtureProject.Create("EnforcePackScripts", projectBody: ScriptWithoutRollback);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");

        var pack = project.Dotnet("pack", "-o", project.PackageOutput).ShouldFail();

        Assert.Equal("error", Assert.Single(pack.WithCode("RP1010")).Severity);
        Assert.Contains("nothing was packed or published", pack.Output);
        Assert.False(File.Exists(project.NupkgPath));
        Assert.False(File.Exists(project.SidecarPath));
    }

    [Fact]
    public void An_Enforce_publish_with_only_script_findings_fills_no_publish_folder()
    {
        var project = FixtureProject.Create("EnforcePublishScripts", projectBody: ScriptWithoutRollback);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        var publishDirectory = Path.Combine(project.Directory, "publish");

        project.Dotnet("publish", "-o", publishDirectory).ShouldFail();

        Assert.False(Directory.Exists(publishDirectory) && Directory.EnumerateFileSystemEntries(publishDirectory).Any());
    }

    [Fact]
    public void The_mode_is_understood_whatever_its_case()
    {
        var project = FixtureProject.Create("EnforceLowerCase", efCore: true);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);

        var build = project.Dotnet("build", "-p:ReleasePolicyMode= enforce ").ShouldFail();

        Assert.Equal("error", Assert.Single(build.WithCode("RP1001")).Severity);
    }

    [Fact]
    public void Enforce_is_the_default_in_every_configuration_the_team_lists()
    {
        var project = FixtureProject.Create("EnforceConfigurations", efCore: true, projectBody: """
              <PropertyGroup>
                <ReleasePolicyEnforceConfigurations>Release; Staging</ReleasePolicyEnforceConfigurations>
              </PropertyGroup>
            """);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);

        var staging = project.Dotnet("build", "-c", "Staging").ShouldFail();
        var debug = project.Dotnet("build", "-c", "Debug").ShouldSucceed();

        Assert.Equal("error", Assert.Single(staging.WithCode("RP1001")).Severity);
        Assert.Equal("warning", Assert.Single(debug.WithCode("RP1001")).Severity);
    }

    [Theory]
    [InlineData("ReleasePolicyEnabled", "ture")]
    [InlineData("ReleaseManifestEnabled", "1")]
    public void A_mistyped_switch_is_RP9001_not_a_silent_off(string property, string value)
    {
        var project = FixtureProject.Create("EnforceSwitch" + property);

        var build = project.Dotnet("build", $"-p:{property}={value}").ShouldFail();

        var error = Assert.Single(build.WithCode("RP9001"));
        Assert.Contains($"{property} is '{value}'", error.Message);
        Assert.Contains("true, false", error.Message);
    }

    [Fact]
    public void A_script_glob_that_matches_nothing_is_a_warning_naming_the_item()
    {
        var project = FixtureProject.Create("EnforceEmptyGlob", projectBody: """
              <ItemGroup>
                <ReleaseMigrationScripts Include="dbs/**/*.sql" />
              </ItemGroup>
            """);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");

        var build = project.Dotnet("build").ShouldSucceed();

        var warning = Assert.Single(build.WithCode("RP9001"));
        Assert.Equal("warning", warning.Severity);
        Assert.Contains("ReleaseMigrationScripts in 'EnforceEmptyGlob.csproj' matches no file or folder", warning.Message);
    }

    [Fact]
    public void An_unknown_task_framework_is_RP9001_not_MSB4062()
    {
        var project = FixtureProject.Create("EnforceTaskFramework");

        var build = project.Dotnet("build", "-p:ReleasePolicyTaskFramework=junk").ShouldFail();

        Assert.Contains("net8.0, net472", Assert.Single(build.WithCode("RP9001")).Message);
        Assert.Empty(build.WithCode("MSB4062"));
    }

    [Fact]
    public void Every_invalid_value_is_reported_in_one_build()
    {
        var project = FixtureProject.Create("EnforceEveryInvalidValue");

        var build = project.Dotnet("build", "-p:ReleasePolicyMode=Strict", "-p:ReleaseUserImpact=Everyone").ShouldFail();

        var errors = build.WithCode("RP9001").Select(e => e.Message).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, m => m.Contains("ReleasePolicyMode is 'Strict'", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("ReleaseUserImpact", StringComparison.Ordinal));
    }
}
