using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>Scripts with other extensions (.pgsql) are checked through a real build, and a folder with none says so.</summary>
public sealed class ScriptExtensionTests
{
    [Fact]
    public void Pgsql_scripts_are_paired_and_checked_and_a_folder_without_scripts_says_so_at_normal_verbosity()
    {
        var project = FixtureProject.Create("ScriptExtensions", projectBody: """
              <PropertyGroup>
                <ReleasePolicyMode>Audit</ReleasePolicyMode>
              </PropertyGroup>
              <ItemGroup>
                <ReleaseMigrationScripts Include="db/postgres" />
                <ReleaseMigrationScripts Include="db/notes" />
              </ItemGroup>
            """);
        project.Write("db/postgres/V1__create_orders.pgsql", "CREATE TABLE orders (id INT NOT NULL);");
        project.Write("db/postgres/U1__create_orders.pgsql", "DROP TABLE orders;");
        project.Write("db/postgres/V2__index_orders.pgsql", "CREATE INDEX ix_orders ON orders (id);");
        project.Write("db/notes/README.md", "Apply the scripts in db/postgres with psql.");

        var first = project.Dotnet("build", "-v:n").ShouldSucceed();

        var warning = Assert.Single(first.WithCode("RP1010"));
        Assert.Equal("V2__index_orders.pgsql", warning.FileName);
        Assert.Contains("Add 'db/postgres/U2__index_orders.pgsql' that undoes it", warning.Message);
        Assert.Contains("ReleaseMigrationScripts 'db/postgres': checking rollback scripts with the Flyway convention, detected from the file name", first.Output);
        Assert.Contains("ReleasePolicy: db/notes contains no migration script (*.sql, *.psql, *.pgsql, *.mysql)", first.Output);

        // The new rollback script is one of the check's inputs, so the next build sees it.
        project.Write("db/postgres/U2__index_orders.pgsql", "DROP INDEX ix_orders;");
        var second = project.Dotnet("build").ShouldSucceed();

        Assert.Empty(second.WithCode("RP1010"));
    }
}
