using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>The release gates through the packed SDK: a freeze blocks, a hotfix bypasses it on the record, the playbook ships, drift is located.</summary>
public sealed class ReleaseGateTests
{
    private const string YearEndFreeze = """
          <ItemGroup>
            <ReleaseFreezeWindow Include="year-end-close" Start="2026-12-30T00:00:00+01:00" End="2027-01-02T00:00:00+01:00" Reason="Year-end financial close" />
          </ItemGroup>
        """;

    private const string DuringTheFreeze = "-p:ReleasePolicyNow=2026-12-31T10:00:00+01:00";

    [Fact]
    public void An_active_freeze_window_blocks_an_Enforce_pack_naming_the_window_its_reason_and_its_end()
    {
        var project = FixtureProject.Create("GateFreeze", projectBody: YearEndFreeze);

        var pack = project.Dotnet("pack", "-c", "Release", DuringTheFreeze, "-o", project.PackageOutput).ShouldFail();

        var error = Assert.Single(pack.WithCode("RP5002"));
        Assert.Equal(("error", "GateFreeze.csproj"), (error.Severity, error.FileName));
        Assert.StartsWith(
            "Release freeze 'year-end-close' (2026-12-30T00:00+01:00 to 2027-01-02T00:00+01:00), reason: Year-end financial close, ends 2027-01-02T00:00+01:00.",
            error.Message);
        Assert.Contains("nothing was packed or published", pack.Output);
        Assert.False(File.Exists(project.NupkgPath));
    }

    [Fact]
    public void A_Sev1_hotfix_passes_the_freeze_and_the_manifest_records_the_bypass_and_the_playbook()
    {
        var project = FixtureProject.Create("GateHotfix", projectBody: YearEndFreeze);

        var pack = project.Dotnet("pack", "-c", "Release", DuringTheFreeze, "-p:ReleaseType=Hotfix", "-p:ReleaseHotfixSeverity=Sev1", "-o", project.PackageOutput).ShouldSucceed();

        Assert.DoesNotContain(pack.Diagnostics, d => d.Code == "RP5002" && d.Severity != "message");
        Assert.Contains("bypassed by a Sev1 hotfix (ReleaseFreezeBypassSeverity is Sev2)", pack.Output);
        using var manifest = project.ManifestFromNupkg();
        var freeze = manifest.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "RP5002");
        Assert.Equal(("bypassed", "Sev1"), (freeze.GetProperty("status").GetString(), freeze.GetProperty("severity").GetString()));
        var playbook = manifest.RootElement.GetProperty("rollback").GetProperty("playbook");
        Assert.Equal("ROLLBACK.md", playbook.GetProperty("path").GetString());
        Assert.Equal(Sha256(Path.Combine(project.Directory, "ROLLBACK.md")), playbook.GetProperty("sha256").GetString());
        Assert.Contains("releasepolicy/ROLLBACK.md", project.NupkgEntries());
    }

    [Fact]
    public void A_playbook_missing_a_section_fails_an_Enforce_pack_naming_the_section()
    {
        var project = FixtureProject.Create("GatePlaybook", rollbackPlaybook: false);
        project.Write("ROLLBACK.md", FixtureProject.CompletePlaybook.Replace("## Data recovery\nNothing to restore: this release changes no data.\n", string.Empty));

        var pack = project.Dotnet("pack", "-c", "Release", "-o", project.PackageOutput).ShouldFail();

        var error = Assert.Single(pack.WithCode("RP5003"));
        Assert.Equal(("error", "ROLLBACK.md", 1), (error.Severity, error.FileName, error.Line));
        Assert.StartsWith("The rollback playbook 'ROLLBACK.md' lacks the required section 'Data recovery'.", error.Message);
        Assert.False(File.Exists(project.NupkgPath));
    }

    [Fact]
    public void Drift_between_two_environment_files_is_reported_with_file_and_line_and_the_playbook_is_published()
    {
        var project = FixtureProject.Create("GateDrift");
        project.Write("appsettings.json", "{\n  \"Payments\": { \"RetryCount\": 3 }\n}\n");
        project.Write("appsettings.Staging.json", "{\n  \"Payments\": {\n    \"Timeout\": \"00:00:30\"\n  }\n}\n");
        project.Write("appsettings.Production.json", "{\n  \"Payments\": { \"RetryCount\": 5 }\n}\n");
        var publishDirectory = Path.Combine(project.Directory, "publish");

        var publish = project.Dotnet("publish", "-p:ReleasePolicyMode=Audit", "-o", publishDirectory).ShouldSucceed();

        var warning = Assert.Single(publish.WithCode("RP5007"));
        Assert.Equal(("warning", "appsettings.Staging.json", 3), (warning.Severity, warning.FileName, warning.Line));
        Assert.StartsWith("Configuration drift: 'Payments:Timeout' is set in appsettings.Staging.json (line 3) but missing from appsettings.Production.json and from appsettings.json", warning.Message);
        Assert.True(File.Exists(Path.Combine(publishDirectory, "ROLLBACK.md")));
        using var manifest = FixtureProject.ReadJson(Path.Combine(publishDirectory, "release-manifest.json"));
        var drift = manifest.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "RP5007").GetProperty("drift");
        var row = Assert.Single(drift.EnumerateArray());
        Assert.Equal(("Payments:Timeout", "appsettings.Staging.json", 3), (row.GetProperty("key").GetString(), row.GetProperty("file").GetString(), row.GetProperty("line").GetInt32()));
    }

    [Fact]
    public void A_second_pack_skips_the_gate_check_until_the_playbook_changes_and_a_freeze_window_checks_every_time()
    {
        var project = FixtureProject.Create("GateIncremental");

        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();
        var second = project.Dotnet("pack", "-o", project.PackageOutput, "-v:d").ShouldSucceed();
        File.AppendAllText(Path.Combine(project.Directory, "ROLLBACK.md"), "Escalate to the incident commander.\n");
        var third = project.Dotnet("pack", "-o", project.PackageOutput, "-v:d").ShouldSucceed();
        var frozen = FixtureProject.Create("GateIncrementalFreeze", projectBody: YearEndFreeze);
        frozen.Dotnet("pack", "-o", frozen.PackageOutput, "-p:ReleasePolicyNow=2026-12-02T10:00:00Z").ShouldSucceed();
        var again = frozen.Dotnet("pack", "-o", frozen.PackageOutput, "-p:ReleasePolicyNow=2026-12-02T10:00:00Z", "-v:d").ShouldSucceed();

        Assert.Contains("Skipping target \"_ReleasePolicyCheckReleaseGates\" because all output files are up-to-date", second.Output);
        Assert.DoesNotContain("Skipping target \"_ReleasePolicyCheckReleaseGates\"", third.Output);
        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(Sha256(Path.Combine(project.Directory, "ROLLBACK.md")), manifest.RootElement.GetProperty("rollback").GetProperty("playbook").GetProperty("sha256").GetString());
        // A freeze window's answer depends on the clock, so the check is never skipped as up to date.
        Assert.DoesNotContain("Skipping target \"_ReleasePolicyCheckReleaseGates\"", again.Output);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
