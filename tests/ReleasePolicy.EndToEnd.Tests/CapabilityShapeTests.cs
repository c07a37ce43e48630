using System.Text.RegularExpressions;
using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>
/// The targets added for the release-notes check (RP3010, ReleasePolicy.Leaks.targets), the migration baseline
/// (ReleaseMigrationBaseline, to the analyzers and the script check), the flag sources and their check
/// (ReleasePolicy.Flags.targets), the release gates and the dependency check (Gates, Dependencies targets)
/// in the shapes real builds take: a Visual Studio build, a design-time build, publish -f of a multi-targeted project,
/// a solution packed with -m, and TreatWarningsAsErrors.
/// </summary>
public sealed class CapabilityShapeTests
{
    private const string Body = """
          <ItemGroup>
            <ReleaseMigrationScripts Include="db/migrations" />
            <!-- Shipped before ReleasePolicy was adopted. -->
            <ReleaseMigrationBaseline Include="1" />
          </ItemGroup>
        """;

    private const string LeakingNotes = "# 1.2.3\n\n- The database moved to db-primary.corp.\n";

    [Fact]
    public void Publishing_one_framework_checks_the_release_notes_once_and_lists_the_finding_and_the_baseline()
    {
        var project = Create("CapabilityPublishFramework", "net8.0;net10.0");
        project.Write("appsettings.json", """{ "FeatureManagement": { "NewCheckout": true } }""");
        var publishDirectory = Path.Combine(project.Directory, "publish");

        var publish = project.Dotnet("publish", "-f", "net10.0", "-o", publishDirectory, "-p:ReleasePolicyMode=Audit", "-v:d").ShouldSucceed();

        Assert.Equal(1, publish.TaskRuns("CheckReleaseNotes"));
        Assert.Equal(1, publish.TaskRuns("CheckReleaseGates"));
        Assert.Equal(1, publish.TaskRuns("VerifyReleaseDependencies"));
        Assert.Equal(1, publish.TaskRuns("CheckFlagSources")); // only the one framework compiled
        Assert.True(File.Exists(Path.Combine(publishDirectory, "ROLLBACK.md")));
        Assert.Equal("warning", Assert.Single(publish.WithCode("RP3010")).Severity);
        Assert.Contains("V2__add_total.sql", Assert.Single(publish.WithCode("RP1010")).Message);
        using var manifest = FixtureProject.ReadJson(Path.Combine(publishDirectory, "release-manifest.json"));
        Assert.Contains(manifest.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP3010");
        var baselined = manifest.RootElement.GetProperty("migrations").EnumerateArray()
            .Where(m => m.TryGetProperty("baselined", out _))
            .Select(m => m.GetProperty("id").GetString());
        Assert.Equal(["1"], baselined);

        // The public API of the framework published, and RP5000 once, from the manifest.
        var api = Assert.Single(manifest.RootElement.GetProperty("publicApi").EnumerateArray());
        Assert.Equal("net10.0", api.GetProperty("targetFramework").GetString());
        Assert.Equal(1, publish.TaskRuns("ReportReleaseRisk"));
    }

    [Fact]
    public void A_solution_packed_in_parallel_checks_each_projects_release_notes_once()
    {
        var api = Create("CapabilitySolutionApi", "net10.0", "CapabilitySolution/Api");
        var data = Create("CapabilitySolutionData", "net8.0;net10.0", "CapabilitySolution/Data");
        var solutionDirectory = Path.GetDirectoryName(api.Directory)!;
        File.Copy(Path.Combine(api.Directory, "NuGet.config"), Path.Combine(solutionDirectory, "NuGet.config"), overwrite: true);
        File.WriteAllText(Path.Combine(solutionDirectory, "Capability.slnx"), $"""
            <Solution>
              <Project Path="{Path.GetRelativePath(solutionDirectory, api.ProjectFile).Replace('\\', '/')}" />
              <Project Path="{Path.GetRelativePath(solutionDirectory, data.ProjectFile).Replace('\\', '/')}" />
            </Solution>
            """);

        var pack = DotNet.Run(solutionDirectory, PackedSdk.Current.Environment, "pack", "Capability.slnx", "-m", "-p:ReleasePolicyMode=Audit", "-p:TreatWarningsAsErrors=true", "-v:d", "-nologo").ShouldSucceed();

        Assert.Equal(2, pack.TaskRuns("CheckReleaseNotes"));
        Assert.Equal(2, pack.TaskRuns("CheckReleaseGates"));
        Assert.Equal(2, pack.TaskRuns("VerifyReleaseDependencies"));
        Assert.Equal(2, pack.TaskRuns("ReportReleaseRisk"));
        Assert.Equal(2, pack.WithCode("RP3010").Count());
        Assert.All(pack.WithCode("RP3010"), finding => Assert.Equal("warning", finding.Severity));
        Assert.Equal(2, pack.WithCode("RP1010").Count());
    }

    [Fact]
    public void A_Visual_Studio_pack_checks_the_release_notes_and_honours_the_baseline()
    {
        var project = Create("CapabilityVisualStudio", "net10.0");

        project.Write("appsettings.json", """{ "FeatureManagement": { "NewCheckout": tru""");

        var pack = project.Dotnet("pack", "-o", project.PackageOutput, "-p:BuildingInsideVisualStudio=true", "-p:ReleasePolicyMode=Audit").ShouldFail();

        Assert.Single(pack.WithCode("RP3010"));
        // A broken flag source is an input error in Visual Studio too, with the line; the pack writes nothing.
        Assert.Equal(1, Assert.Single(pack.WithCode("RP9002")).Line);
        Assert.False(File.Exists(project.NupkgPath));
        Assert.Contains("V2__add_total.sql", Assert.Single(pack.WithCode("RP1010")).Message);
    }

    [Fact]
    public void A_design_time_build_runs_no_check_but_gives_the_IDE_the_baseline_and_the_flag_sources()
    {
        var project = Create("CapabilityDesignTime", "net10.0");
        project.Write("appsettings.json", """{ "FeatureManagement": { "NewCheckout": true } }""");

        var build = project.Dotnet("build", "-p:DesignTimeBuild=true", "-p:BuildingInsideVisualStudio=true", "-v:d").ShouldSucceed();

        Assert.Equal(0, build.TaskRuns("CheckReleaseNotes"));
        Assert.Equal(0, build.TaskRuns("CheckMigrationScripts"));
        Assert.Equal(0, build.TaskRuns("CheckFlagSources"));
        Assert.Equal(0, build.TaskRuns("CheckReleaseGates"));
        Assert.Equal(0, build.TaskRuns("VerifyReleaseDependencies"));
        Assert.Equal(0, build.TaskRuns("ReportReleaseRisk"));
        Assert.DoesNotContain("inventory.globalconfig", build.Output);
        Assert.Empty(build.WithCode("RP3010"));
        var editorConfig = File.ReadAllText(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single());
        Assert.Contains("build_property._ReleasePolicyMigrationBaseline = 1", editorConfig);
        Assert.Matches(@"AdditionalFiles.*appsettings\.json", Regex.Replace(build.Output, @"\s+", " "));
    }

    private static FixtureProject Create(string name, string targetFramework, string? folder = null)
    {
        var project = FixtureProject.Create(name, targetFramework: targetFramework, projectBody: Body, folderName: folder);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        project.Write("db/migrations/V2__add_total.sql", "ALTER TABLE orders ADD total INT NULL;");
        project.Write("RELEASE-NOTES.md", LeakingNotes);
        return project;
    }

}
