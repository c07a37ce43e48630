using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5008: deployment regions against the residency policy of the release's data classification.</summary>
public sealed class DataResidencyGateTests
{
    private static readonly ResidencyPolicyItem[] EuOnlyPii = { new("PII", null, "eu-west-1;eu-central-*") };

    [Fact]
    public void A_region_outside_the_policy_for_the_release_data_fails_naming_region_and_allowed_ones()
    {
        var findings = new List<PolicyFinding>();

        var gate = DataResidencyGate.Check(new[] { new DeploymentRegionItem("eu-west-1", null), new DeploymentRegionItem("us-east-1", null) }, EuOnlyPii, "PII", "Orders.Api.csproj", findings);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        Assert.Equal(
            "The release deploys PII data to region 'us-east-1', and ReleaseResidencyPolicy allows PII data only in eu-west-1, eu-central-*. " +
            "Remove the region from DeploymentRegion, or, if the policy changed, update ReleaseResidencyPolicy.",
            Assert.Single(findings).Message);
    }

    [Fact]
    public void Wildcards_match_and_a_classification_without_policy_is_not_restricted()
    {
        var findings = new List<PolicyFinding>();

        var allowed = DataResidencyGate.Check(new[] { new DeploymentRegionItem("EU-Central-1", null) }, EuOnlyPii, "PII", null, findings);
        var unrestricted = DataResidencyGate.Check(new[] { new DeploymentRegionItem("us-east-1", null) }, EuOnlyPii, "Internal", null, findings);
        var perRegion = DataResidencyGate.Check(new[] { new DeploymentRegionItem("us-east-1", "PII") }, EuOnlyPii, "Internal", null, findings);

        Assert.Equal((GateStatus.Pass, GateStatus.Pass, GateStatus.Fail), (allowed!.Status, unrestricted!.Status, perRegion!.Status));
        Assert.Single(findings);
    }

    [Fact]
    public void A_region_name_with_spaces_and_an_unknown_classification_are_RP9001()
    {
        var findings = new List<PolicyFinding>();

        var gate = DataResidencyGate.Check(new[] { new DeploymentRegionItem("West Europe", null) }, new[] { new ResidencyPolicyItem("Secret", null, "eu-west-1") }, "PII", "Orders.Api.csproj", findings);

        Assert.Null(gate);
        Assert.Equal(
            new[]
            {
                "The region 'West Europe' (DeploymentRegion or ReleaseResidencyPolicy Regions) is not a region name. Allowed: letters, digits, '-', '_' and '.', no spaces (e.g. eu-west-1, westeurope).",
                "The data classification 'Secret' (ReleaseResidencyPolicy or DeploymentRegion DataClassification) is not known. Allowed values: None, Internal, Confidential, PII, PHI, PCI.",
            },
            findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Equal("RP9001", f.RuleId));
    }
}
