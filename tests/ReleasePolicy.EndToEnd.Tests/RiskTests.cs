using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>RP5000 and RP5001 through a real pack: the risk summary, and the playbook a high risk requires.</summary>
public sealed class RiskTests
{
    private const string Body = """
          <PropertyGroup>
            <ReleasePolicyMode>Audit</ReleasePolicyMode>
          </PropertyGroup>
          <ItemGroup>
            <ReleaseMigrationScripts Include="db/migrations" Convention="Flyway" />
            <RollbackPlaybook Include="docs/rollback.md" />
          </ItemGroup>
        """;

    [Fact]
    public void A_destructive_script_without_rollback_is_high_risk_and_asks_for_its_playbook_on_every_pack_until_it_exists()
    {
        var project = FixtureProject.Create("RiskPlaybook", projectBody: Body);
        project.Write("db/migrations/V1__drop_legacy_notes.sql", "ALTER TABLE orders DROP COLUMN legacy_notes;");

        var first = project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();
        var second = project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();
        project.Write("docs/rollback.md", "# Rolling back 1.2.3\n");
        var third = project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        Assert.Contains("Release risk high (60/100): destructive-migrations (20), migrations-without-rollback (20), user-impact (15). Release manifest: ", first.Output);
        Assert.Contains("the rollback playbook '", Assert.Single(first.WithCode("RP5001")).Message);
        Assert.Equal("warning", Assert.Single(second.WithCode("RP5001")).Severity);
        Assert.Empty(third.WithCode("RP5001"));
        using var manifest = project.ManifestFromNupkg();
        var risk = manifest.RootElement.GetProperty("risk");
        Assert.Equal((60, "high"), (risk.GetProperty("score").GetInt32(), risk.GetProperty("level").GetString()));
        Assert.Equal("1 (db/migrations/V1__drop_legacy_notes.sql)", risk.GetProperty("factors")[0].GetProperty("evidence")[0].GetString());
    }

    [Fact]
    public void A_release_whose_public_API_grew_fails_an_Enforce_pack_until_penetration_test_evidence_is_declared()
    {
        // Every release is at or above 'low', so the threshold asks for the artifacts on each pack; the baseline's
        // build time is fixed, so the report dated below is newer than it (RP5009).
        var project = FixtureProject.Create("RiskPentest", projectBody: """
              <PropertyGroup>
                <ReleasePolicyMode>Enforce</ReleasePolicyMode>
                <ReleaseRiskThreshold>low</ReleaseRiskThreshold>
                <SOURCE_DATE_EPOCH>1764547200</SOURCE_DATE_EPOCH>
              </PropertyGroup>
            """);
        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();
        var baseline = Path.Combine(project.Directory, "baseline", "Contoso.RiskPentest.1.2.3.release.json");
        Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
        File.Copy(project.SidecarPath, baseline);

        project.Write("Greeter.cs", """
            namespace Contoso;

            public static class Greeter
            {
                public static string Greet(string name) => "Hello, " + name;

                public static string Farewell(string name) => "Goodbye, " + name;
            }
            """);
        var grown = project.Dotnet("pack", "-o", project.PackageOutput, $"-p:ReleaseBaselineManifest={baseline}").ShouldFail();

        var missing = Assert.Single(grown.WithCode("RP5001"));
        Assert.Equal("error", missing.Severity);
        Assert.Contains("penetration-test evidence", missing.Message);
        Assert.Contains("M:Contoso.Greeter.Farewell(System.String)", missing.Message);
        Assert.Contains("<PenetrationTestReport Include=", missing.Message);
        Assert.DoesNotContain("rollback playbook", missing.Message);

        project.Write("docs/security/pentest-2026-12.md", "# Penetration test, December 2026\n\nNo findings.\n");
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace("</Project>", """
              <ItemGroup>
                <PenetrationTestReport Include="docs/security/pentest-2026-12.md" Date="2026-12-01" />
              </ItemGroup>
            </Project>
            """));
        var tested = project.Dotnet("pack", "-o", project.PackageOutput, $"-p:ReleaseBaselineManifest={baseline}", "-p:TreatWarningsAsErrors=true").ShouldSucceed();

        Assert.Empty(tested.WithCode("RP5001"));
        Assert.Empty(tested.WithCode("RP5009"));
    }
}
