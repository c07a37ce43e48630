using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>RP1010: a forward SQL script needs its rollback script; Enforce fails the build, Audit warns.</summary>
public sealed class MigrationScriptTests
{
    private const string Body = """
          <ItemGroup>
            <ReleaseMigrationScripts Include="db/migrations" Convention="Flyway" />
          </ItemGroup>
        """;

    [Fact]
    public void A_forward_script_without_rollback_fails_a_Release_build_which_still_reports_the_code_findings()
    {
        var project = FixtureProject.Create("ScriptsEnforce", projectBody: Body, efCore: true);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");
        project.Write("db/migrations/V2__index_orders.sql", "CREATE INDEX ix_orders ON orders (id);");

        var build = project.Dotnet("build", "-c", "Release").ShouldFail();

        var error = Assert.Single(build.WithCode("RP1010"));
        Assert.Equal("error", error.Severity);
        Assert.Equal("V2__index_orders.sql", error.FileName);
        Assert.Contains("U2__index_orders.sql", error.Message);
        Assert.Equal("error", Assert.Single(build.WithCode("RP1001")).Severity);
    }

    [Fact]
    public void A_forward_script_without_rollback_is_a_warning_in_Audit_mode_and_lands_in_the_manifest()
    {
        var project = FixtureProject.Create("ScriptsAudit", projectBody: Body + """
              <PropertyGroup>
                <ReleasePolicyMode>Audit</ReleasePolicyMode>
              </PropertyGroup>
            """);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id INT NOT NULL);");
        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;");
        project.Write("db/migrations/V2__index_orders.sql", "CREATE INDEX ix_orders ON orders (id);");

        var pack = project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        Assert.Equal("warning", Assert.Single(pack.WithCode("RP1010")).Severity);
        using var manifest = project.ManifestFromNupkg();
        var migrations = manifest.RootElement.GetProperty("migrations").EnumerateArray().ToList();
        Assert.Equal(2, migrations.Count);
        Assert.Contains(migrations, m => m.GetProperty("status").GetString() == "reversible");
        Assert.Contains(migrations, m => m.GetProperty("status").GetString() == "missing-rollback");
        var finding = Assert.Single(manifest.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("RP1010", finding.GetProperty("rule").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("db/migrations/V2__index_orders.sql", finding.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(1, finding.GetProperty("location").GetProperty("line").GetInt32());
    }
}
