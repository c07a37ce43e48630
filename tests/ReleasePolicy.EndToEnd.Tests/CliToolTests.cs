using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>
/// The <c>release-policy</c> tool installed from the feed, on a package a real <c>dotnet pack</c> wrote from a git
/// checkout (whose unsigned commit is also RP4007's case when a signed commit is required).
/// </summary>
public sealed class CliToolTests
{
    [Fact]
    public void The_installed_tool_verifies_a_packed_release_and_fails_it_after_one_byte_of_the_package_changes()
    {
        var project = FixtureProject.Create("CliVerify");
        project.Git("init", "-q", "-b", "main");
        project.Git("add", "-A");
        project.Git("commit", "-q", "-m", "Release 1.2.3");
        var commit = GitCli.Run(project.Directory, "rev-parse", "HEAD");

        // RP4007 through the SDK's targets: an unsigned commit stops an Enforce pack when a signed one is required.
        var unsigned = project.Dotnet("pack", "-o", project.PackageOutput, "-p:ReleaseRequireSignedCommit=true").ShouldFail();
        Assert.Contains($"HEAD's commit {commit} carries no signature", Assert.Single(unsigned.WithCode("RP4007")).Message);
        Assert.False(File.Exists(project.NupkgPath));

        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();
        var cli = InstalledCli.Current;

        var verified = cli.Run(project.Directory, "verify", project.NupkgPath, "--max-risk", "critical");

        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("ok: 'Contoso.CliVerify.1.2.3.nupkg!releasepolicy/release-manifest.json' conforms to the release manifest JSON Schema.", verified.Output);
        Assert.Contains("ok: 'Contoso.CliVerify.1.2.3.release.json' conforms to the release manifest JSON Schema.", verified.Output);
        Assert.Contains("ok: The manifest inside the package matches the sidecar 'Contoso.CliVerify.1.2.3.release.json'.", verified.Output);
        Assert.EndsWith("Verified.\n", verified.Output);
        Assert.Empty(verified.Error);
        using (var manifest = project.ManifestFromNupkg())
        {
            // The commit fixture tests made is unsigned, and the manifest says so.
            Assert.Equal("none", manifest.RootElement.GetProperty("package").GetProperty("repository").GetProperty("commitSignature").GetString());
        }

        // One byte of the compiled assembly's data, after its local header: the package still opens and its manifest still reads.
        var bytes = File.ReadAllBytes(project.NupkgPath);
        var assembly = bytes.AsSpan().IndexOf("lib/net10.0/CliVerify.dll"u8);
        Assert.True(assembly > 0);
        bytes[assembly + "lib/net10.0/CliVerify.dll".Length + 64] ^= 0x01;
        File.WriteAllBytes(project.NupkgPath, bytes);
        var tampered = cli.Run(project.Directory, "verify", project.NupkgPath);

        Assert.True(tampered.ExitCode == 1, tampered.ToString());
        Assert.Matches("FAILED: 'Contoso.CliVerify.1.2.3.nupkg' has SHA-256 [0-9a-f]{64}, but the manifest records [0-9a-f]{64}: the file was changed after pack.", tampered.Output);

        var gates = cli.Run(project.Directory, "verify", project.SidecarPath, "--require-gates");
        var missing = cli.Run(project.Directory, "verify", Path.Combine(project.PackageOutput, "nothing.nupkg"));

        // The pack ran the release gates (the fixture has a rollback playbook): --require-gates reads them from the
        // manifest and finds them passed; the exit code is still 1, for the package changed above.
        Assert.Equal(1, gates.ExitCode);
        Assert.Contains("Gate RP5003 passed", gates.Output);
        Assert.DoesNotContain("records no release gates", gates.Output);
        Assert.Equal(2, missing.ExitCode);
        Assert.DoesNotContain("   at ", missing.Error);
    }
}
