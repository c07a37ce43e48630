using ReleasePolicy.Gates;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Tests;

/// <summary><c>release-policy evidence</c>: the auditor's package from a manifest the gate check wrote.</summary>
public sealed class EvidenceTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    [Fact]
    public void The_package_holds_the_manifest_every_evidence_file_an_index_and_checksums()
    {
        var (manifest, project) = Release();
        var path = _files.WriteManifest(manifest);
        var output = Path.Combine(_files.Folder, "evidence-out");

        var run = CliRun.Of("evidence", path, "-o", output, "--source", project);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(output, "release-manifest.json")));
        Assert.True(File.Exists(Path.Combine(output, "evidence", "docs", "change-approval.md")));
        Assert.True(File.Exists(Path.Combine(output, "evidence", "ROLLBACK.md")));
        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("<a href=\"evidence/docs/change-approval.md\">docs/change-approval.md</a>", index);
        Assert.Contains("gates:RP5003 (manifest section)", index);
        Assert.DoesNotContain("http", index);
        var sums = File.ReadAllLines(Path.Combine(output, "SHA256SUMS"));
        Assert.Equal(new[] { "evidence/ROLLBACK.md", "evidence/docs/change-approval.md", "index.html", "release-manifest.json" }, sums.Select(line => line.Split("  ")[1]));
        Assert.All(sums, line => Assert.Equal(IO.Sha256Digest.OfFile(Path.Combine(output, line.Split("  ")[1])), line.Split("  ")[0]));
    }

    [Fact]
    public void Evidence_changed_after_the_release_fails_with_exit_1_naming_the_file()
    {
        var (manifest, project) = Release();
        var path = _files.WriteManifest(manifest);
        File.AppendAllText(Path.Combine(project, "docs", "change-approval.md"), "edited later\n");

        var run = CliRun.Of("evidence", path, "-o", Path.Combine(_files.Folder, "out"), "--source", project);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("FAILED: SOX CC-8.1: 'docs/change-approval.md' has SHA-256 [0-9a-f]{64}, and the manifest recorded [0-9a-f]{64}: the file changed after the release.", run.Output);
    }

    [Fact]
    public void A_missing_manifest_is_exit_2()
    {
        var run = CliRun.Of("evidence", Path.Combine(_files.Folder, "nope.json"), "-o", _files.Folder);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_exit_2_with_the_reason_and_no_stack_trace()
    {
        var (manifest, project) = Release();
        var path = _files.WriteManifest(manifest);
        var output = Path.Combine(_files.Folder, "evidence.zip");
        File.WriteAllText(output, "not a folder");

        var run = CliRun.Of("evidence", path, "-o", output, "--source", project);

        // The operating system's words for it, in one line that names the file.
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(output, line);
    }

    private (ReleaseManifest Manifest, string Project) Release()
    {
        var project = Path.Combine(_files.Folder, "project");
        Directory.CreateDirectory(Path.Combine(project, "docs"));
        File.WriteAllText(Path.Combine(project, "docs", "change-approval.md"), "Approved by the CAB.\n");
        File.WriteAllText(Path.Combine(project, "ROLLBACK.md"), "# Rollback\n## Trigger criteria\n## Steps\n## Data recovery\n## Verification\n## Owner\n");
        var check = ReleaseGateCheck.Run(new GateInputs
        {
            ProjectDirectory = project,
            ComplianceControls = new[] { new ComplianceControlItem("CC-8.1", "SOX", "docs/change-approval.md;gates:RP5003") },
        });
        var release = ReleaseFiles.Release("2.4.0");
        var manifest = new ReleaseManifest(release.Package, release.Build, release.Release, release.Migrations, release.Dependencies, release.Findings, release.Risk, gates: check.Report);
        return (manifest, project);
    }

    public void Dispose() => _files.Dispose();
}
