using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5010: compliance controls and their evidence, files hashed, manifest sections checked.</summary>
public sealed class ComplianceGateTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Files_are_recorded_with_their_hash_and_sections_by_name()
    {
        var approval = _project.WriteFile("docs/compliance/change approval.md", "Approved by the CAB on 2026-11-30.\n");
        var gates = new[] { new GateResult("RP5002", GateStatus.Pass, "No freeze.", Array.Empty<string>()) };
        var findings = new List<PolicyFinding>();

        var gate = ComplianceGate.Check(
            new[] { new ComplianceControlItem("CC-8.1", "SOX", "docs/compliance/change approval.md; gates:RP5002, rollback") },
            gates, hasRollback: true, hasKnownDefects: false, _project.FullPath, null, findings, new List<string>(), out var records);

        Assert.Equal(GateStatus.Pass, gate!.Status);
        Assert.Empty(findings);
        var record = Assert.Single(records);
        Assert.Equal(("CC-8.1", "SOX"), (record.Control, record.Framework));
        Assert.Equal(
            new (string, string?, string?)[] { ("docs/compliance/change approval.md", "docs/compliance/change approval.md", IO.Sha256Digest.OfFile(approval)), ("gates:RP5002", null, null), ("rollback", null, null) },
            record.Evidence.Select(e => (e.Reference, e.Path, e.Sha256)));
    }

    [Fact]
    public void Missing_evidence_is_named_per_control()
    {
        var gates = new[] { new GateResult("RP5003", GateStatus.Fail, "No playbook.", Array.Empty<string>()) };
        var findings = new List<PolicyFinding>();

        var gate = ComplianceGate.Check(
            new[] { new ComplianceControlItem("A.12.1.2", "ISO27001", "docs/change-log.md;gates:RP5003"), new ComplianceControlItem("164.308", "HIPAA", null) },
            gates, hasRollback: false, hasKnownDefects: false, _project.FullPath, "Orders.Api.csproj", findings, new List<string>(), out _);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        Assert.Equal(2, findings.Count);
        Assert.StartsWith(
            $"Compliance control ISO27001 'A.12.1.2' has no evidence for 'docs/change-log.md' (no such file: {_project.Path("docs/change-log.md")}), 'gates:RP5003' (that gate failed in this release).",
            findings[0].Message);
        Assert.StartsWith("Compliance control HIPAA '164.308' has no evidence for any Evidence", findings[1].Message);
    }
}
