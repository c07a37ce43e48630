using ReleasePolicy.Migrations;

namespace ReleasePolicy.Cli.Tests;

public sealed class VerifyTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    [Fact]
    public void A_package_whose_sidecar_and_manifest_agree_verifies_with_exit_0()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok: 'Contoso.Orders.Api.2.4.0.nupkg' has the recorded SHA-256 ", run.Output);
        Assert.Contains("ok: The manifest inside the package matches the sidecar 'Contoso.Orders.Api.2.4.0.release.json'.", run.Output);
        Assert.EndsWith("Verified.\n", run.Output);
    }

    [Fact]
    public void A_package_with_one_byte_changed_fails_with_exit_1_naming_both_digests()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));
        var bytes = File.ReadAllBytes(nupkg);
        var nuspec = bytes.AsSpan().IndexOf("<package />"u8);
        bytes[nuspec + 1] = (byte)'P'; // one byte of the stored nuspec: the package still opens
        File.WriteAllBytes(nupkg, bytes);

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("FAILED: 'Contoso.Orders.Api.2.4.0.nupkg' has SHA-256 [0-9a-f]{64}, but the manifest records [0-9a-f]{64}: the file was changed after pack.", run.Output);
        Assert.EndsWith("Verification failed: 1 problem(s).\n", run.Output);
    }

    [Fact]
    public void A_sidecar_that_says_something_else_than_the_package_fails()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"), sidecarManifest: ReleaseFiles.Release("2.4.0", dataSensitivity: "None"));

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED: The manifest inside the package differs from the sidecar ", run.Output);
    }

    [Fact]
    public void A_package_without_its_sidecar_fails_saying_what_is_missing()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));
        File.Delete(ReleaseFiles.Sidecar(nupkg));

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAILED: The sidecar '{ReleaseFiles.Sidecar(nupkg)}' is missing, so nothing records the package's SHA-256.", run.Output);
    }

    [Fact]
    public void A_package_without_a_manifest_is_an_input_error_with_exit_2()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"), withManifest: false);

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: The package '{nupkg}' holds no releasepolicy/release-manifest.json: it was packed without ReleasePolicy.Sdk, or with ReleaseManifestEnabled=false. Pack it with the SDK to give it a manifest.\n", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_sidecar_verifies_its_artifacts_and_a_tampered_one_fails()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));
        var sidecar = ReleaseFiles.Sidecar(nupkg);
        Assert.Equal(0, CliRun.Of("verify", sidecar).ExitCode);

        File.WriteAllText(sidecar, File.ReadAllText(sidecar).Replace("\"sha256\": \"", "\"sha256\": \"00"));

        var run = CliRun.Of("verify", sidecar);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the file was changed after pack", run.Output);
    }

    [Fact]
    public void A_risk_above_the_ceiling_fails_and_one_within_it_passes()
    {
        var risky = ReleaseFiles.Release("2.4.0", migrations: [ReleaseFiles.Script("V3__drop_notes", MigrationStatus.MissingRollback, destructive: true)]);
        var manifest = _files.WriteManifest(risky);

        var failed = CliRun.Of("verify", manifest, "--max-risk", "medium");
        var passed = CliRun.Of("verify", manifest, "--max-risk", "high");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("FAILED: Release risk is high (60/100), above --max-risk medium: destructive-migrations (20), migrations-without-rollback (20), user-impact (15).", failed.Output);
        Assert.Equal(0, passed.ExitCode);
        Assert.Contains("ok: Release risk high (60/100) is within --max-risk high.", passed.Output);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 2 }", "its schema version is 2, and this version of ReleasePolicy reads schema version 1.")]
    [InlineData("{ \"schemaVersion\": 1, \"package\": ", "is not valid JSON at line 1, byte position ")]
    [InlineData("{ \"schemaVersion\": 1, \"package\": [] }", "'$.package' is a JSON array where a JSON object is expected.")]
    public void An_unreadable_manifest_is_exit_2_with_the_reason_and_no_stack_trace(string json, string reason)
    {
        var path = Path.Combine(_files.Folder, "release-manifest.json");
        File.WriteAllText(path, json);

        var run = CliRun.Of("verify", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: The release manifest '{path}' ", run.Error);
        Assert.Contains(reason, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void A_missing_file_and_a_bad_option_are_exit_2()
    {
        var missing = CliRun.Of("verify", Path.Combine(_files.Folder, "nothing.nupkg"));
        var badOption = CliRun.Of("verify", "x.nupkg", "--max-risk", "extreme");

        Assert.Equal((2, $"error: '{Path.Combine(_files.Folder, "nothing.nupkg")}' was not found.\n"), (missing.ExitCode, missing.Error));
        Assert.Equal(2, badOption.ExitCode);
        Assert.Contains("extreme", badOption.Error);
    }

    [Fact]
    public void A_truncated_package_is_exit_2_with_the_reason_and_no_stack_trace()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));
        var bytes = File.ReadAllBytes(nupkg);
        File.WriteAllBytes(nupkg, bytes[..(bytes.Length / 2)]);

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: The package '{nupkg}' is not a readable .nupkg (zip) file: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("verify", "Contoso.Orders.Api.2.4.0.nupkg")]
    [InlineData("verify", "release-manifest.json")]
    [InlineData("summary", "release-manifest.json")]
    public void A_folder_where_a_file_is_expected_is_exit_2_saying_it_is_a_folder(string command, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_files.Folder, name)).FullName;

        var run = CliRun.Of(command, folder);

        Assert.Equal((2, $"error: '{folder}' is a folder, not a file: give the release manifest, the .release.json sidecar or the .nupkg.\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public void An_input_of_a_shape_no_check_expects_is_exit_2_in_one_line_naming_the_command_and_the_package()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));
        var sidecar = ReleaseFiles.Sidecar(nupkg);
        var json = File.ReadAllText(sidecar);
        // Valid JSON that only the provenance check reads, of the wrong shape: a subject that is a string, not { name, digest }.
        File.WriteAllText(sidecar, json[..json.LastIndexOf('}')] + ",\n  \"provenance\": { \"subject\": [\"Contoso.Orders.Api.2.4.0.nupkg\"] }\n}\n");

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: release-policy verify could not finish on '{nupkg}': ", line);
        Assert.Contains("(InvalidOperationException)", line);
        Assert.EndsWith("please report this at https://github.com/releasepolicy/releasepolicy/issues.", line);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    public void Dispose() => _files.Dispose();
}
