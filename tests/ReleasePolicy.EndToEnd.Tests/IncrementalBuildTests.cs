using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

public sealed class IncrementalBuildTests
{
    [Fact]
    public void A_second_build_with_no_change_runs_no_ReleasePolicy_task()
    {
        var project = FixtureProject.Create("Incremental", projectBody: """
              <ItemGroup>
                <ReleaseMigrationScripts Include="db/migrations" />
              </ItemGroup>
            """);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");

        var first = project.Dotnet("build", "-v:d").ShouldSucceed();
        var second = project.Dotnet("build", "-v:d").ShouldSucceed();

        Assert.Contains("Task \"CheckMigrationScripts\"", first.Output);
        Assert.DoesNotContain("Task \"CheckMigrationScripts\"", second.Output);
        Assert.Contains("Skipping target \"_ReleasePolicyCheckMigrationScripts\" because all output files are up-to-date", second.Output);
        Assert.DoesNotContain("Task \"GenerateReleaseManifest\"", second.Output);
        Assert.Contains("Task \"ValidateReleasePolicySettings\"", first.Output);
        Assert.DoesNotContain("Task \"ValidateReleasePolicySettings\"", second.Output);
    }

    [Fact]
    public void Findings_are_reported_again_on_the_next_build_until_they_are_fixed()
    {
        var project = FixtureProject.Create("IncrementalFindings", projectBody: """
              <ItemGroup>
                <ReleaseMigrationScripts Include="db/migrations" />
              </ItemGroup>
            """);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");

        Assert.Single(project.Dotnet("build").ShouldSucceed().WithCode("RP1010"));
        Assert.Single(project.Dotnet("build").ShouldSucceed().WithCode("RP1010"));

        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");
        Assert.Empty(project.Dotnet("build").ShouldSucceed().WithCode("RP1010"));
    }
}
