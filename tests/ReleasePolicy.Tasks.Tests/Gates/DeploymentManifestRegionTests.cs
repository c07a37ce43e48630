using ReleasePolicy.Rules;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5008's regions read from the deployment files a release ships with: Helm values, Kubernetes manifests, ARM parameters.</summary>
public sealed class DeploymentManifestRegionTests : IDisposable
{
    private static readonly ResidencyPolicyItem[] EuOnlyPii = { new("PII", null, "eu-west-1;westeurope;eu-central-*") };
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Regions_come_from_every_document_of_a_Kubernetes_file_and_a_region_outside_the_policy_fails_at_its_line()
    {
        var manifest = _project.WriteFile("deploy/orders-api.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: orders-api
              labels:
                topology.kubernetes.io/region: eu-west-1
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: orders-api-dr
              labels:
                topology.kubernetes.io/region: us-east-1
            """);
        var findings = new List<PolicyFinding>();

        var regions = Read(findings, new DeploymentManifestItem(manifest, "metadata.labels[\"topology.kubernetes.io/region\"]", null));
        var gate = DataResidencyGate.Check(regions, EuOnlyPii, "PII", "Orders.Api.csproj", findings);

        Assert.Equal(new[] { ("eu-west-1", 6), ("us-east-1", 13) }, regions.Select(r => (r.Region, r.Line)));
        Assert.Equal(GateStatus.Fail, gate!.Status);
        Assert.Equal((manifest, 13), (Assert.Single(findings).File, findings[0].Line));
    }

    [Fact]
    public void A_path_that_finds_nothing_is_RP9001_rather_than_no_region_to_check()
    {
        var values = _project.WriteFile("deploy/values.yaml", "global:\n  location: westeurope\n");
        var findings = new List<PolicyFinding>();

        Assert.Empty(Read(findings, new DeploymentManifestItem(values, "global.region", null)));

        var finding = Assert.Single(findings);
        Assert.Equal((RuleIds.InvalidPolicyValue, values), (finding.RuleId, finding.File));
        Assert.Contains("RegionPath 'global.region' finds no value", finding.Message);
    }

    [Fact]
    public void Helm_values_give_each_region_with_its_file_and_line_and_the_gate_names_them()
    {
        var values = _project.WriteFile("deploy/values.production.yaml", """
            image:
              repository: contoso.azurecr.io/orders-api
            regions:
              - name: primary
                region: westeurope
              - name: failover
                region: eastus
            """);
        var findings = new List<PolicyFinding>();

        var regions = Read(findings, new DeploymentManifestItem(values, "regions[].region", null));
        var gate = DataResidencyGate.Check(regions, EuOnlyPii, "PII", "Orders.Api.csproj", findings);

        Assert.Equal(new[] { ("westeurope", 5), ("eastus", 7) }, regions.Select(r => (r.Region, r.Line)));
        Assert.Equal(GateStatus.Fail, gate!.Status);
        var finding = Assert.Single(findings);
        Assert.Equal(RuleIds.DataResidencyViolation, finding.RuleId);
        Assert.Equal((values, 7), (finding.File, finding.Line));
        Assert.Equal(
            "The release deploys PII data to region 'eastus' (values.production.yaml line 7), and ReleaseResidencyPolicy allows PII data only in eu-west-1, westeurope, eu-central-*. " +
            "Deploy to an allowed region, or, if the policy changed, update ReleaseResidencyPolicy.",
            finding.Message);
    }

    [Fact]
    public void An_ARM_parameters_file_is_read_as_JSON_and_its_DataClassification_applies()
    {
        var parameters = _project.WriteFile("infra/main.parameters.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {
                "location": { "value": "germanywestcentral" }
              }
            }
            """);
        var findings = new List<PolicyFinding>();

        var regions = Read(findings, new DeploymentManifestItem(parameters, "parameters.location.value", "PII"));
        var gate = DataResidencyGate.Check(regions, EuOnlyPii, "Internal", "Orders.Api.csproj", findings);

        var region = Assert.Single(regions);
        Assert.Equal(("germanywestcentral", "PII", 5), (region.Region, region.DataClassification, region.Line));
        Assert.Equal(GateStatus.Fail, gate!.Status);
    }

    [Fact]
    public void A_template_expression_is_not_a_region_and_says_to_point_at_the_resolved_value()
    {
        var template = _project.WriteFile("infra/main.json", """
            {
              "resources": [
                { "type": "Microsoft.Web/sites", "location": "[resourceGroup().location]" }
              ]
            }
            """);
        var findings = new List<PolicyFinding>();

        var regions = Read(findings, new DeploymentManifestItem(template, "resources[].location", null));

        Assert.Empty(regions);
        var finding = Assert.Single(findings);
        Assert.Equal((RuleIds.InvalidPolicyValue, template, 3), (finding.RuleId, finding.File, finding.Line));
        Assert.Contains("is not a region name ('[resourceGroup().location]')", finding.Message);
        Assert.Contains("Point RegionPath at a file with the resolved value", finding.Message);
    }

    [Fact]
    public void Broken_YAML_is_RP9002_at_its_line_and_a_missing_RegionPath_is_RP9001()
    {
        var broken = _project.WriteFile("deploy/broken.yaml", "regions:\n  - region: westeurope\n   bad: [\n");
        var findings = new List<PolicyFinding>();

        Read(findings, new DeploymentManifestItem(broken, "regions[].region", null), new DeploymentManifestItem(broken, null, null));

        Assert.Equal(new[] { RuleIds.UnreadableInput, RuleIds.InvalidPolicyValue }, findings.Select(f => f.RuleId));
        Assert.Equal(broken, findings[0].File);
        Assert.True(findings[0].Line >= 2, findings[0].Message);
        Assert.Contains("has no RegionPath", findings[1].Message);
    }

    [Fact]
    public void Through_the_gate_check_the_regions_of_a_deployment_manifest_join_the_declared_ones_and_the_file_is_an_input()
    {
        var values = _project.WriteFile("deploy/values.yaml", "region: eastus\n");

        var result = ReleaseGateCheck.Run(new GateInputs
        {
            ProjectDirectory = _project.FullPath,
            ProjectFile = _project.Path("Orders.Api.csproj"),
            Now = "2026-12-01",
            ReleaseDataSensitivity = "PII",
            DeploymentRegions = [new DeploymentRegionItem("westeurope", null)],
            DeploymentManifests = [new DeploymentManifestItem(values, "region", null)],
            ResidencyPolicies = EuOnlyPii,
        });

        var gate = Assert.Single(result.Report!.Gates, g => g.Id == RuleIds.DataResidencyViolation);
        Assert.Equal(new[] { "westeurope", "eastus" }, gate.Evidence);
        Assert.Contains(values, result.FilesRead);
        Assert.Equal(values, Assert.Single(result.Findings, f => f.RuleId == RuleIds.DataResidencyViolation).File);
    }

    private static IReadOnlyList<DeploymentRegionItem> Read(List<PolicyFinding> findings, params DeploymentManifestItem[] items) =>
        DeploymentManifestRegions.Read(items, "Orders.Api.csproj", findings, new List<string>());
}
