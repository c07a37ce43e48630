using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5003: where the playbook is found, its required sections, and a playbook that is not UTF-8.</summary>
public sealed class RollbackPlaybookGateTests : IDisposable
{
    private const string Complete = """
        # Rolling back Orders.Api

        ## Trigger criteria
        Error rate above 2% for 5 minutes after the deployment.

        ## Rollback steps
        1. Redeploy the previous release from the pipeline.

        ## Data recovery
        Restore the orders table from the pre-deployment snapshot.

        ## Verification
        Checkout smoke test passes.

        ## Owner
        Payments on-call.
        """;

    private readonly TempDirectory _repository = new();
    private readonly string _project;

    public RollbackPlaybookGateTests()
    {
        Directory.CreateDirectory(_repository.Path(".git"));
        _project = _repository.CreateDirectory("src/Orders.Api");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_complete_ROLLBACK_md_beside_the_project_passes_and_is_recorded_with_its_hash()
    {
        var path = _repository.WriteFile("src/Orders.Api/ROLLBACK.md", Complete);
        var findings = new List<PolicyFinding>();

        var gate = RollbackPlaybookGate.Check(Array.Empty<string>(), _project, Array.Empty<string>(), null, findings, out var record);

        Assert.Equal(GateStatus.Pass, gate.Status);
        Assert.Empty(findings);
        Assert.Equal(("ROLLBACK.md", IO.Sha256Digest.OfFile(path)), (record!.Path, record.Sha256));
    }

    [Fact]
    public void Without_one_beside_the_project_the_repository_root_playbook_is_used()
    {
        _repository.WriteFile("ROLLBACK.md", Complete);

        var gate = RollbackPlaybookGate.Check(Array.Empty<string>(), _project, Array.Empty<string>(), null, new List<PolicyFinding>(), out var record);

        Assert.Equal(GateStatus.Pass, gate.Status);
        Assert.Equal("../../ROLLBACK.md", record!.Path);
        Assert.Equal(_repository.Path("ROLLBACK.md"), RollbackPlaybookLookup.Find(Array.Empty<string>(), _project));
    }

    [Fact]
    public void A_declared_playbook_wins_over_the_conventional_one_and_its_absence_is_named()
    {
        _repository.WriteFile("src/Orders.Api/ROLLBACK.md", Complete);
        var declared = Path.Combine(_project, "docs", "rollback.md");
        var findings = new List<PolicyFinding>();

        var gate = RollbackPlaybookGate.Check(new[] { declared }, _project, Array.Empty<string>(), "Orders.Api.csproj", findings, out var record);

        Assert.Equal(GateStatus.Fail, gate.Status);
        Assert.Null(record);
        Assert.Contains($"the RollbackPlaybook '{declared}' does not exist", Assert.Single(findings).Message);
    }

    [Fact]
    public void No_playbook_anywhere_fails_with_what_to_write()
    {
        var findings = new List<PolicyFinding>();

        RollbackPlaybookGate.Check(Array.Empty<string>(), _project, Array.Empty<string>(), "Orders.Api.csproj", findings, out _);

        Assert.Equal(
            "The release has no rollback playbook: no RollbackPlaybook item is declared and there is no ROLLBACK.md beside the project or at the repository root. " +
            "Write one with the sections Trigger criteria, Steps, Data recovery, Verification, Owner (as headings) in ROLLBACK.md beside the project, or declare it: <RollbackPlaybook Include=\"docs/rollback.md\" />.",
            Assert.Single(findings).Message);
    }

    [Fact]
    public void Each_missing_section_is_named_and_headings_match_ignoring_case()
    {
        var path = _repository.WriteFile("src/Orders.Api/ROLLBACK.md", "# Rollback\n\n## TRIGGER CRITERIA\nx\n\n### steps\n1. redeploy\n\nOwner: payments (not a heading)\n");
        var findings = new List<PolicyFinding>();

        var gate = RollbackPlaybookGate.Check(Array.Empty<string>(), _project, Array.Empty<string>(), null, findings, out var record);

        Assert.Equal(GateStatus.Fail, gate.Status);
        Assert.NotNull(record);
        var finding = Assert.Single(findings);
        Assert.Equal(("RP5003", path, 1), (finding.RuleId, finding.File, finding.Line));
        Assert.StartsWith("The rollback playbook 'ROLLBACK.md' lacks the required sections 'Data recovery', 'Verification', 'Owner'. Add each as a heading (for example '## Data recovery')", finding.Message);
    }

    [Fact]
    public void ReleasePlaybookSection_items_replace_the_default_sections()
    {
        _repository.WriteFile("src/Orders.Api/ROLLBACK.md", "# Rollback\n## Decision\n## Runbook\n");
        var findings = new List<PolicyFinding>();

        var gate = RollbackPlaybookGate.Check(Array.Empty<string>(), _project, new[] { "Decision", "Runbook", "Sign-off" }, null, findings, out _);

        Assert.Equal(GateStatus.Fail, gate.Status);
        Assert.Contains("lacks the required section 'Sign-off'.", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_playbook_that_is_not_UTF8_is_RP9002_naming_the_file()
    {
        var path = _repository.WriteFile("src/Orders.Api/ROLLBACK.md", new byte[] { (byte)'#', (byte)' ', 0xC9, (byte)'t', (byte)'a', (byte)'p', (byte)'e', (byte)'s', (byte)'\n' });
        var findings = new List<PolicyFinding>();

        RollbackPlaybookGate.Check(Array.Empty<string>(), _project, Array.Empty<string>(), null, findings, out _);

        var finding = Assert.Single(findings);
        Assert.Equal(("RP9002", FindingKind.InputError, path), (finding.RuleId, finding.Kind, finding.File));
        Assert.Equal($"The rollback playbook '{path}' is not UTF-8 text (invalid bytes at offset 2). Save it as UTF-8 Markdown.", finding.Message);
    }
}
