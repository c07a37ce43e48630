using Microsoft.Build.Utilities;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Git;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;
using ReleasePolicy.Risk;
using ReleasePolicy.Rules;
using ReleasePolicy.Tasks.Tests.Infrastructure;
using ReleasePolicy.Tasks.Tests.Manifest;

namespace ReleasePolicy.Tasks.Tests.Risk;

/// <summary>
/// RP5001's required artifacts beyond the rollback playbook: penetration-test evidence (the <c>PenetrationTestReport</c>
/// item RP5009 reads) when the public API grew since the baseline, and the threshold setting itself.
/// </summary>
public sealed class RiskRequirementsTests : IDisposable
{
    private const string Export = "Orders.Client: M:Contoso.Orders.OrdersClient.Export(System.String)";

    private static readonly RiskAssessment HighRisk = new(65, RiskLevels.High, []);

    private readonly ManifestTestContext _context = new();

    [Fact]
    public void A_high_risk_release_whose_public_API_grew_without_penetration_test_evidence_is_RP5001_naming_it()
    {
        var finding = RiskRequirements.Check(HighRisk, RiskLevels.High, [Playbook()], [], ApiGrewByExport(), []);

        Assert.Equal(RuleIds.RiskArtifactsMissing, finding!.RuleId);
        Assert.Equal(FindingKind.Policy, finding.Kind);
        Assert.Equal(
            "Release risk is high (65/100), at or above ReleaseRiskThreshold 'high', and it requires penetration-test evidence, " +
            $"as the public API grew by 1 member(s) since the baseline, e.g. '{Export}' " +
            "(declare it: <PenetrationTestReport Include=\"docs/security/pentest.pdf\" Date=\"2026-12-01\" />). Add them, or lower the risk (docs/risk.md lists the factors).",
            finding.Message);
    }

    [Fact]
    public void A_penetration_test_report_that_exists_is_the_evidence_and_nothing_is_missing()
    {
        var report = new PenetrationTestReportItem(_context.Directory.WriteFile("docs/security/pentest.pdf", "%PDF-1.7"), "2026-12-01");

        Assert.Null(RiskRequirements.Check(HighRisk, RiskLevels.High, [Playbook()], [], ApiGrewByExport(), [report]));
    }

    [Fact]
    public void A_declared_penetration_test_report_whose_file_does_not_exist_is_named()
    {
        var path = _context.Directory.Path("docs/security/pentest.pdf");

        var finding = RiskRequirements.Check(HighRisk, RiskLevels.High, [Playbook()], [], ApiGrewByExport(), [new PenetrationTestReportItem(path, null)]);

        Assert.Contains($"requires the penetration test report '{path}' (PenetrationTestReport; the file does not exist), required as the public API grew by 1 member(s) since the baseline", finding!.Message);
    }

    [Fact]
    public void Below_the_threshold_a_grown_public_API_requires_nothing()
    {
        var medium = new RiskAssessment(45, RiskLevels.Medium, []);

        Assert.Null(RiskRequirements.Check(medium, RiskLevels.High, [], [], ApiGrewByExport(), []));
    }

    [Fact]
    public void Without_a_baseline_or_with_members_only_removed_no_penetration_test_is_required()
    {
        var shrank = ReleaseChanges.Between(Release([Export, "T:Contoso.Orders.OrdersClient"]), Release(["T:Contoso.Orders.OrdersClient"]));

        Assert.Null(RiskRequirements.Check(HighRisk, RiskLevels.High, [Playbook()], [], changes: null, []));
        Assert.Null(RiskRequirements.Check(HighRisk, RiskLevels.High, [Playbook()], [], shrank, []));
    }

    [Fact]
    public void An_Enforce_pack_whose_public_API_grew_fails_with_RP5001_until_its_PenetrationTestReport_exists()
    {
        var v1 = TestAssembly.Compile(_context.Directory, "Orders.Client", "namespace Contoso.Orders; public class OrdersClient { public string Get(int id) => id.ToString(); }", "v1");
        _context.Generate(task => task.PublicApiAssemblies = [Assembly(v1)]);
        var baseline = _context.Directory.Path("baseline/release-manifest.json");
        Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
        File.Move(_context.OutputFile, baseline);
        var v2 = TestAssembly.Compile(_context.Directory, "Orders.Client", """
            namespace Contoso.Orders;
            public class OrdersClient
            {
                public string Get(int id) => id.ToString();
                public string Export(string format) => format;
            }
            """, "v2");
        var report = _context.Directory.Path("src/Orders.Api/docs/security/pentest.pdf");

        var task = HighRiskTask(v2, baseline);
        task.PenetrationTestReports = [new TaskItem(report)];
        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP5001", error.Code);
        Assert.StartsWith("Release risk is high (75/100), at or above ReleaseRiskThreshold 'high', and it requires ", error.Message);
        Assert.Contains($"the penetration test report '{report}' (PenetrationTestReport; the file does not exist), required as the public API grew by 1 member(s) since the baseline, e.g. '{Export}'", error.Message);
        Assert.True(task.RunAgain);

        _context.Directory.WriteFile("src/Orders.Api/docs/security/pentest.pdf", "%PDF-1.7");
        task = HighRiskTask(v2, baseline);
        task.PenetrationTestReports = [new TaskItem(report)];
        Assert.True(task.Execute(), _context.Engine.ToString());
        Assert.Empty(_context.Engine.Errors);
        Assert.False(task.RunAgain);
    }

    [Fact]
    public void An_unknown_ReleaseRiskThreshold_is_RP9001_at_the_project_naming_the_levels_and_writes_no_manifest()
    {
        var task = _context.CreateTask();
        task.RiskThreshold = "severe";

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.Equal("ReleaseRiskThreshold is 'severe'. Allowed values: low, medium, high, critical.", error.Message);
        Assert.Equal(_context.ProjectFile, error.File);
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP9001.md", error.HelpLink);
        Assert.False(File.Exists(_context.OutputFile));
    }

    public void Dispose() => _context.Dispose();

    private string Playbook() => _context.Directory.WriteFile("docs/rollback.md", "# Rollback\n");

    /// <summary>The baseline listed <c>Get</c>; this release adds <c>Export</c>.</summary>
    private static ReleaseChanges ApiGrewByExport() =>
        ReleaseChanges.Between(
            Release(["M:Contoso.Orders.OrdersClient.Get(System.Int32)", "T:Contoso.Orders.OrdersClient"]),
            Release(["M:Contoso.Orders.OrdersClient.Export(System.String)", "M:Contoso.Orders.OrdersClient.Get(System.Int32)", "T:Contoso.Orders.OrdersClient"]));

    private static ReleaseManifest Release(IReadOnlyList<string> members) =>
        new(
            new ManifestPackage("Contoso.Orders.Client", "1.0.0", GitRepositoryInfo.None),
            new ManifestBuild("Release", ["net8.0"], null, null, null),
            ReleaseClassification.TryCreate(null, null, null, null, null, new List<PolicyFinding>())!,
            ManifestMigrations.None,
            [],
            null,
            publicApi: [new PublicApiAssembly("Orders.Client", "net8.0", members)]);

    /// <summary>
    /// Customer-facing confidential data (25), a destructive script without a rollback (40) and a changed public API
    /// (10): 75, high. The rollback playbook exists, so only the penetration test can be missing.
    /// </summary>
    private GenerateReleaseManifest HighRiskTask(string assembly, string baseline)
    {
        var migrations = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", "");
        File.WriteAllBytes(migrations, MigrationsReport.Write([new MigrationEntry("V3__drop_notes", "flyway", new MigrationScriptFile("db/V3__drop_notes.sql", new string('a', 64)), null, null, MigrationStatus.MissingRollback, null, destructive: true)]));
        var task = _context.CreateTask();
        task.Mode = "Enforce";
        task.MigrationsReportFile = migrations;
        task.ReleaseDataSensitivity = "Confidential";
        task.BaselineManifestFile = baseline;
        task.PublicApiAssemblies = [Assembly(assembly)];
        task.RollbackPlaybooks = [new TaskItem(_context.Directory.WriteFile("src/Orders.Api/docs/rollback.md", "# Rollback\n"))];
        return task;
    }

    private static TaskItem Assembly(string path)
    {
        var item = new TaskItem(path);
        item.SetMetadata("TargetFramework", "net8.0");
        return item;
    }
}
