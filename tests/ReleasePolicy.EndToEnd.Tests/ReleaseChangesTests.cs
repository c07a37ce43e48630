using System.Text.Json;
using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>
/// Two releases of one project, packed for real: the second with the first's sidecar as <c>ReleaseBaselineManifest</c>,
/// after a dependency, a migration and a public method were added. The manifest's <c>changes</c> section, the risk
/// factors and RP5009 see the same comparison <c>release-policy diff</c> prints through the installed tool.
/// </summary>
public sealed class ReleaseChangesTests
{
    [Fact]
    public void The_second_release_records_what_changed_since_the_first_and_the_tool_shows_the_same()
    {
        var project = FixtureProject.Create("Changes", projectBody: """
              <PropertyGroup>
                <ReleasePolicyMode>Audit</ReleasePolicyMode>
                <SOURCE_DATE_EPOCH>1764547200</SOURCE_DATE_EPOCH>
              </PropertyGroup>
              <ItemGroup>
                <ReleaseMigrationScripts Include="db/migrations" />
              </ItemGroup>
            """);
        project.Write("db/migrations/V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);\n");
        project.Write("db/migrations/U1__create_orders.sql", "DROP TABLE orders;\n");
        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();
        var baseline = Path.Combine(project.Directory, "baseline", "Contoso.Changes.1.2.3.release.json");
        Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
        File.Copy(project.SidecarPath, baseline);
        using (var first = project.ManifestFromNupkg())
        {
            var api = Assert.Single(first.RootElement.GetProperty("publicApi").EnumerateArray());
            Assert.Equal("Changes", api.GetProperty("assembly").GetString());
            Assert.Equal("net10.0", api.GetProperty("targetFramework").GetString());
            Assert.Equal(new[] { "M:Contoso.Greeter.Greet(System.String)", "T:Contoso.Greeter" }, Strings(api.GetProperty("members")));
            Assert.False(first.RootElement.TryGetProperty("changes", out _));
        }

        // The next release: one more public method, one more dependency, one more migration.
        project.Write("Greeter.cs", """
            namespace Contoso;

            public static class Greeter
            {
                public static string Greet(string name) => "Hello, " + name;

                public static string Farewell(string name, bool formal) => (formal ? "Goodbye, " : "Bye, ") + name;
            }
            """);
        var csproj = File.ReadAllText(project.ProjectFile).Replace(
            "</Project>",
            """
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(project.ProjectFile, csproj);
        project.Write("db/migrations/V2__add_order_total.sql", "ALTER TABLE orders ADD total decimal(10,2) NULL;\n");
        project.Write("db/migrations/U2__add_order_total.sql", "ALTER TABLE orders DROP COLUMN total;\n");
        var second = project.Dotnet("pack", "-o", project.PackageOutput, $"-p:ReleaseBaselineManifest={baseline}", "-p:ReleaseProvenanceEnabled=true").ShouldSucceed();

        // RP5009 sees the API growth: a warning in Audit, with no penetration test newer than the baseline.
        var rp5009 = Assert.Single(second.WithCode("RP5009"));
        Assert.Contains("1 public API member(s) added, e.g. 'Changes: M:Contoso.Greeter.Farewell(System.String,System.Boolean)'", rp5009.Message);

        using var manifest = project.ManifestFromNupkg();
        var changes = manifest.RootElement.GetProperty("changes");
        Assert.Equal("1.2.3", changes.GetProperty("baseline").GetProperty("version").GetString());
        Assert.Contains("Newtonsoft.Json", changes.GetProperty("dependencies").GetProperty("added").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(new[] { "2" }, changes.GetProperty("migrations").GetProperty("added").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal(new[] { "Changes: M:Contoso.Greeter.Farewell(System.String,System.Boolean)" }, Strings(changes.GetProperty("publicApi").GetProperty("added")));
        Assert.Empty(changes.GetProperty("publicApi").GetProperty("removed").EnumerateArray());
        var factors = manifest.RootElement.GetProperty("risk").GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains("public-api-change", factors);
        Assert.Contains("dependencies-added", factors);

        var cli = InstalledCli.Current;
        var diff = cli.Run(project.Directory, "diff", baseline, project.SidecarPath);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("Public API added: 1", diff.Output);
        Assert.Contains("Changes: M:Contoso.Greeter.Farewell(System.String,System.Boolean)", diff.Output);
        Assert.Contains("Migrations added: 1", diff.Output);
        Assert.Contains("Newtonsoft.Json 13.0.3", diff.Output);

        // The sidecar's in-toto statement names the package with the SHA-256 it has; verify checks it with the rest.
        using (var sidecar = FixtureProject.ReadJson(project.SidecarPath))
        {
            var subject = Assert.Single(sidecar.RootElement.GetProperty("provenance").GetProperty("subject").EnumerateArray());
            Assert.Equal("Contoso.Changes.1.2.3.nupkg", subject.GetProperty("name").GetString());
        }

        var verified = cli.Run(project.Directory, "verify", project.NupkgPath, "--max-risk", "critical");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("ok: The provenance statement in 'Contoso.Changes.1.2.3.release.json' names the package with its SHA-256.", verified.Output);
        var summary = cli.Run(project.Directory, "summary", project.SidecarPath, "--format", "markdown");
        Assert.True(summary.ExitCode == 0, summary.ToString());
        Assert.Contains("public-api-change", summary.Output);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
