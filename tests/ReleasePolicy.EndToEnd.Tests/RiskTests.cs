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
}
