using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5004: each known defect needs a mitigation, a monitoring trigger and an owner.</summary>
public sealed class KnownDefectGateTests
{
    [Fact]
    public void A_defect_without_trigger_and_owner_is_named_with_what_it_lacks()
    {
        var findings = new List<PolicyFinding>();
        var defects = new[]
        {
            new KnownDefect("ORD-812", "Retry the export from the admin page", "export_failures > 5/h", "orders-team"),
            new KnownDefect("ORD-905", "Disable the 'bulk-refunds' flag", " ", null),
        };

        var gate = KnownDefectGate.Check(defects, "Orders.Api.csproj", findings);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        Assert.Equal(new[] { "ORD-812", "ORD-905" }, gate.Evidence);
        Assert.Equal(
            "Known defect 'ORD-905' is carried into this release without MonitoringTrigger and Owner. Add them as metadata: " +
            "<KnownDefect Include=\"ORD-905\" Mitigation=\"...\" MonitoringTrigger=\"...\" Owner=\"...\" />.",
            Assert.Single(findings).Message);
    }

    [Fact]
    public void Complete_defects_pass_and_no_defects_means_no_gate()
    {
        var findings = new List<PolicyFinding>();

        Assert.Equal(GateStatus.Pass, KnownDefectGate.Check(new[] { new KnownDefect("ORD-812", "m", "t", "o") }, null, findings)!.Status);
        Assert.Null(KnownDefectGate.Check(Array.Empty<KnownDefect>(), null, findings));
        Assert.Empty(findings);
    }
}
