using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>
/// The project checks (settings, rollback scripts) run exactly once in every shape a real build takes, and warnings
/// become errors the way a team asked for them.
/// </summary>
public sealed class BuildShapeTests
{
    private const string Scripts = """
          <ItemGroup>
            <ReleaseMigrationScripts Include="db/migrations" />
          </ItemGroup>
          <PropertyGroup>
            <ReleasePolicyMode>Audit</ReleasePolicyMode>
          </PropertyGroup>
        """;

    [Fact]
    public void A_multi_targeted_build_checks_the_project_once()
    {
        var project = FixtureProject.Create("ShapeMultiTarget", targetFramework: "net8.0;net10.0", projectBody: Scripts);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");

        var build = project.Dotnet("build", "-v:d").ShouldSucceed();

        Assert.Equal(1, build.TaskRuns("CheckMigrationScripts"));
        Assert.Equal(1, build.TaskRuns("CheckReleasePolicySettings"));
        Assert.Equal("warning", Assert.Single(build.WithCode("RP1010")).Severity);
    }

    [Fact]
    public void Publishing_one_framework_of_a_multi_targeted_project_checks_the_scripts_and_lists_them()
    {
        var project = FixtureProject.Create("ShapePublishFramework", targetFramework: "net8.0;net10.0", projectBody: Scripts);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        var publishDirectory = Path.Combine(project.Directory, "publish");

        var publish = project.Dotnet("publish", "-f", "net10.0", "-o", publishDirectory, "-v:d").ShouldSucceed();

        Assert.Equal(1, publish.TaskRuns("CheckMigrationScripts"));
        Assert.Equal("warning", Assert.Single(publish.WithCode("RP1010")).Severity);
        using var manifest = FixtureProject.ReadJson(Path.Combine(publishDirectory, "release-manifest.json"));
        var migration = Assert.Single(manifest.RootElement.GetProperty("migrations").EnumerateArray());
        Assert.Equal("missing-rollback", migration.GetProperty("status").GetString());
    }

    [Fact]
    public void A_solution_built_in_parallel_checks_each_project_once()
    {
        var api = FixtureProject.Create("ShapeSolutionApi", projectBody: Scripts, folderName: "ShapeSolution/Api");
        var data = FixtureProject.Create("ShapeSolutionData", targetFramework: "net8.0;net10.0", projectBody: Scripts, folderName: "ShapeSolution/Data");
        api.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        data.Write("db/migrations/V1__create_customers.sql", "CREATE TABLE customers (id INT NOT NULL);");
        var solutionDirectory = Path.GetDirectoryName(api.Directory)!;
        File.Copy(Path.Combine(api.Directory, "NuGet.config"), Path.Combine(solutionDirectory, "NuGet.config"), overwrite: true);
        File.WriteAllText(Path.Combine(solutionDirectory, "Shapes.slnx"), $"""
            <Solution>
              <Project Path="{Path.GetRelativePath(solutionDirectory, api.ProjectFile).Replace('\\', '/')}" />
              <Project Path="{Path.GetRelativePath(solutionDirectory, data.ProjectFile).Replace('\\', '/')}" />
            </Solution>
            """);

        var build = DotNet.Run(solutionDirectory, PackedSdk.Current.Environment, "build", "Shapes.slnx", "-m", "-v:d", "-nologo").ShouldSucceed();

        Assert.Equal(2, build.TaskRuns("CheckMigrationScripts"));
        Assert.Equal(2, build.WithCode("RP1010").Count());
    }

    [Fact]
    public void TreatWarningsAsErrors_leaves_Audit_findings_warnings()
    {
        var project = MixedFindings("ShapeWarningsAudit", "");

        var build = project.Dotnet("build", "-p:TreatWarningsAsErrors=true").ShouldSucceed();

        Assert.Equal("warning", Assert.Single(build.WithCode("RP1001")).Severity);
        Assert.Equal("warning", Assert.Single(build.WithCode("RP1010")).Severity);
    }

    [Fact]
    public void TreatWarningsAsErrors_with_ReleasePolicyWarningsAsErrors_makes_analyzer_and_task_rules_errors_alike()
    {
        var project = MixedFindings("ShapeWarningsOptIn", "<ReleasePolicyWarningsAsErrors>true</ReleasePolicyWarningsAsErrors>");

        var build = project.Dotnet("build", "-p:TreatWarningsAsErrors=true").ShouldFail();

        Assert.Equal("error", Assert.Single(build.WithCode("RP1001")).Severity);
        Assert.Equal("error", Assert.Single(build.WithCode("RP1010")).Severity);
    }

    private static FixtureProject MixedFindings(string name, string property)
    {
        var project = FixtureProject.Create(name, efCore: true, projectBody: Scripts + $"""
              <PropertyGroup>
                {property}
              </PropertyGroup>
            """);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        return project;
    }

}
