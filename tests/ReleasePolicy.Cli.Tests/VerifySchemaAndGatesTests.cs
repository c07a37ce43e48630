using System.Text.Json.Nodes;

namespace ReleasePolicy.Cli.Tests;

public sealed class VerifySchemaAndGatesTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    [Fact]
    public void A_manifest_the_engine_wrote_conforms_to_the_schema()
    {
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0", dependencies: [ReleaseFiles.Package("Serilog", "3.1.1")]));

        var run = CliRun.Of("verify", manifest);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok: 'release-manifest.json' conforms to the release manifest JSON Schema.", run.Output);
    }

    [Fact]
    public void A_manifest_the_reader_accepts_but_the_schema_does_not_fails_with_each_violation_and_its_json_path()
    {
        var json = Json(ReleaseFiles.Release("2.4.0", dependencies: [ReleaseFiles.Package("Serilog", "3.1.1")]));
        json["package"]!["repository"]!["commit"] = "ABC1234";
        json["dependencies"]![0]!["version"] = "";
        json["deployedBy"] = "jenkins";
        var manifest = Write(json);

        var run = CliRun.Of("verify", manifest);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED: 'release-manifest.json' does not conform to the release manifest JSON Schema at $.package.repository.commit: ", run.Output);
        Assert.Contains("FAILED: 'release-manifest.json' does not conform to the release manifest JSON Schema at $.dependencies[0].version: ", run.Output);
        Assert.Contains("FAILED: 'release-manifest.json' does not conform to the release manifest JSON Schema at $.deployedBy: the schema allows no such field.", run.Output);
        Assert.EndsWith("Verification failed: 3 problem(s).\n", run.Output);
    }

    [Fact]
    public void The_manifest_inside_a_package_is_checked_against_the_schema_too()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));

        var run = CliRun.Of("verify", nupkg);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok: 'Contoso.Orders.Api.2.4.0.nupkg!releasepolicy/release-manifest.json' conforms to the release manifest JSON Schema.", run.Output);
        Assert.Contains("ok: 'Contoso.Orders.Api.2.4.0.release.json' conforms to the release manifest JSON Schema.", run.Output);
    }

    [Fact]
    public void Require_gates_fails_a_manifest_that_records_no_gates()
    {
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0"));

        var without = CliRun.Of("verify", manifest);
        var required = CliRun.Of("verify", manifest, "--require-gates");

        Assert.Equal(0, without.ExitCode);
        Assert.Equal(1, required.ExitCode);
        Assert.Contains("FAILED: The manifest records no release gates, and --require-gates needs them", required.Output);
    }

    [Fact]
    public void Require_gates_fails_on_a_failed_gate_naming_it_and_passes_bypassed_ones()
    {
        var json = Json(ReleaseFiles.Release("2.4.0"));
        json["gates"] = new JsonArray(
            Gate("freeze-window", "bypassed", "Sev1 hotfix during the December freeze"),
            Gate("test-pass-rate", "fail", "97.5% of tests passed, below ReleaseMinTestPassRate 99%"),
            Gate("rollback-playbook", "pass", null),
            // As the build writes them: the gate's rule ID, and a reason that is a sentence already.
            Gate("RP5003", "pass", "Rollback playbook 'ROLLBACK.md' has every required section (Trigger criteria, Steps, Owner)."));
        var manifest = Write(json);

        var run = CliRun.Of("verify", manifest, "--require-gates");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ok: Gate freeze-window was bypassed: Sev1 hotfix during the December freeze.", run.Output);
        Assert.Contains("ok: Gate rollback-playbook passed.", run.Output);
        Assert.Contains("ok: Gate RP5003 passed: Rollback playbook 'ROLLBACK.md' has every required section (Trigger criteria, Steps, Owner).\n", run.Output);
        Assert.DoesNotContain("..", run.Output);
        Assert.Contains("FAILED: Gate test-pass-rate failed: 97.5% of tests passed, below ReleaseMinTestPassRate 99%.", run.Output);
        Assert.EndsWith("Verification failed: 1 problem(s).\n", run.Output);
    }

    [Fact]
    public void Require_gates_passes_when_every_gate_passed()
    {
        var json = Json(ReleaseFiles.Release("2.4.0"));
        json["gates"] = new JsonArray(Gate("rollback-playbook", "pass", "docs/rollback.md has every required section"));

        var run = CliRun.Of("verify", Write(json), "--require-gates");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok: Gate rollback-playbook passed: docs/rollback.md has every required section.", run.Output);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("/dependencies/3/id", "$.dependencies[3].id")]
    [InlineData("/risk/factors/0/evidence", "$.risk.factors[0].evidence")]
    [InlineData("/odd key/a~1b", "$['odd key']['a/b']")]
    public void Json_pointers_read_as_json_paths(string pointer, string path) =>
        Assert.Equal(path, Verify.ManifestSchema.JsonPath(pointer));

    private static JsonObject Json(Manifest.ReleaseManifest manifest) =>
        JsonNode.Parse(Manifest.ReleaseManifestWriter.ToBytes(manifest))!.AsObject();

    private static JsonObject Gate(string id, string status, string? reason)
    {
        var gate = new JsonObject { ["id"] = id, ["status"] = status };
        if (reason is not null)
        {
            gate["reason"] = reason;
        }

        return gate;
    }

    private string Write(JsonObject json)
    {
        var path = Path.Combine(_files.Folder, "release-manifest.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public void Dispose() => _files.Dispose();
}
