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

        var first = project.Dotnet("pack", "-o", project.PackageOutput, "-v:d").ShouldSucceed();
        var second = project.Dotnet("pack", "-o", project.PackageOutput, "-v:d").ShouldSucceed();

        Assert.Contains("Task \"CheckMigrationScripts\"", first.Output);
        Assert.DoesNotContain("Task \"CheckMigrationScripts\"", second.Output);
        Assert.Contains("Skipping target \"_ReleasePolicyCheckMigrationScripts\" because all output files are up-to-date", second.Output);
        Assert.Contains("Task \"GenerateReleaseManifest\"", first.Output);
        Assert.DoesNotContain("Task \"GenerateReleaseManifest\"", second.Output);
        Assert.Contains("Task \"CheckReleasePolicySettings\"", first.Output);
        Assert.DoesNotContain("Task \"CheckReleasePolicySettings\"", second.Output);
    }

    [Fact]
    public void A_script_touched_without_a_change_runs_the_check_once_and_then_not_again()
    {
        var project = FixtureProject.Create("IncrementalTouched", projectBody: """
              <ItemGroup>
                <ReleaseMigrationScripts Include="db/migrations" />
              </ItemGroup>
            """);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");
        project.Dotnet("build", "-v:d").ShouldSucceed();

        // Same bytes, newer timestamp (a checkout, a formatter): the report keeps its bytes and its old timestamp.
        Thread.Sleep(1100);
        File.SetLastWriteTimeUtc(Path.Combine(project.Directory, "db/migrations/V1__create_orders.sql"), DateTime.UtcNow);
        var touched = project.Dotnet("build", "-v:d").ShouldSucceed();
        var after = project.Dotnet("build", "-v:d").ShouldSucceed();

        Assert.Contains("Task \"CheckMigrationScripts\"", touched.Output);
        Assert.DoesNotContain("Task \"CheckMigrationScripts\"", after.Output);
        Assert.DoesNotContain("Task \"CheckReleaseNotes\"", after.Output);
    }

    [Fact]
    public void A_new_commit_makes_the_manifest_out_of_date()
    {
        var project = FixtureProject.Create("IncrementalCommit");
        project.Git("init", "-q", "-b", "main");
        project.Git("add", "-A");
        project.Git("commit", "-q", "-m", "Initial commit");
        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        project.Write("Readme.txt", "second commit");
        project.Git("add", "-A");
        project.Git("commit", "-q", "-m", "Second commit");
        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(GitCli.Run(project.Directory, "rev-parse", "HEAD"), manifest.RootElement.GetProperty("package").GetProperty("repository").GetProperty("commit").GetString());
    }

    [Fact]
    public void A_deleted_scripts_report_is_written_again_and_the_manifest_still_lists_the_scripts()
    {
        var project = FixtureProject.Create("IncrementalDeletedReport", projectBody: """
              <ItemGroup>
                <ReleaseMigrationScripts Include="db/migrations" />
              </ItemGroup>
            """);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");
        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();
        File.Delete(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "migrations.json", SearchOption.AllDirectories).Single());

        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        Assert.Equal("reversible", Assert.Single(manifest.RootElement.GetProperty("migrations").EnumerateArray()).GetProperty("status").GetString());
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

        var first = project.Dotnet("build", "-v:d").ShouldSucceed();
        var second = project.Dotnet("build", "-v:d").ShouldSucceed();

        // The same finding on the second build, shown from the kept findings: the check itself does not run again.
        Assert.Single(first.WithCode("RP1010"));
        Assert.Equal(first.WithCode("RP1010"), second.WithCode("RP1010"));
        Assert.Contains("Task \"CheckMigrationScripts\"", first.Output);
        Assert.DoesNotContain("Task \"CheckMigrationScripts\"", second.Output);
        Assert.Contains("Task \"ReplayReleasePolicyFindings\"", second.Output);

        // Enforce: the kept finding is an error again, and the build fails as the check's did.
        Assert.Single(project.Dotnet("build", "-p:ReleasePolicyMode=Enforce").ShouldFail().WithCode("RP1010"), d => d.Severity == "error");
        Assert.Single(project.Dotnet("build", "-p:ReleasePolicyMode=Enforce").ShouldFail().WithCode("RP1010"), d => d.Severity == "error");

        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");
        Assert.Empty(project.Dotnet("build").ShouldSucceed().WithCode("RP1010"));
        Assert.Empty(project.Dotnet("build").ShouldSucceed().WithCode("RP1010"));
    }
}
