using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Git;
using ReleasePolicy.Manifest;
using ReleasePolicy.Risk;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>The gate check's report in the manifest: written, read back, and known defects counted in the risk score.</summary>
public sealed class GatesInManifestTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void The_gate_check_records_gates_known_defects_and_the_playbook_and_the_manifest_reads_them_back()
    {
        _project.WriteFile("ROLLBACK.md", "# Rollback\n## Trigger criteria\n## Steps\n## Data recovery\n## Verification\n## Owner\n");
        var result = ReleaseGateCheck.Run(new GateInputs
        {
            ProjectDirectory = _project.FullPath,
            Now = "2026-12-31T10:00:00+01:00",
            ReleaseType = "Hotfix",
            ReleaseHotfixSeverity = "Sev1",
            FreezeWindows = new[] { new FreezeWindowItem("year-end", "2026-12-30T00:00:00+01:00", "2027-01-02T00:00:00+01:00", "Year-end close", null, null) },
            KnownDefects = new[] { new KnownDefect("ORD-812", "Retry the export", "export_failures > 5/h", "orders-team") },
        });

        Assert.Equal(new[] { FindingKind.Information }, result.Findings.Select(f => f.Kind));
        Assert.True(result.DependsOnTime);
        Assert.Equal(Path.Combine(_project.FullPath, "ROLLBACK.md"), result.RollbackPlaybook);
        var manifest = Manifest(result.Report!);
        using var json = JsonDocument.Parse(ReleaseManifestWriter.ToBytes(manifest));
        var gates = json.RootElement.GetProperty("gates");
        Assert.Equal(new (string?, string?)[] { ("RP5002", "bypassed"), ("RP5003", "pass"), ("RP5004", "pass") }, gates.EnumerateArray().Select(g => (g.GetProperty("id").GetString(), g.GetProperty("status").GetString())));
        Assert.Equal("Sev1", gates[0].GetProperty("severity").GetString());
        Assert.Equal("ORD-812", json.RootElement.GetProperty("knownDefects")[0].GetProperty("id").GetString());
        Assert.Equal("ROLLBACK.md", json.RootElement.GetProperty("rollback").GetProperty("playbook").GetProperty("path").GetString());

        Assert.True(ReleaseManifestReader.TryRead(ReleaseManifestWriter.ToBytes(manifest), "manifest", out var read, out var error), error?.Message);
        Assert.Equal(result.Report!.ToBytes(), read!.Gates!.ToBytes());
    }

    [Fact]
    public void A_manifest_with_every_gate_section_and_the_drift_table_satisfies_the_schema()
    {
        _project.WriteFile("ROLLBACK.md", "# Rollback\n## Trigger criteria\n## Steps\n");
        _project.WriteFile("appsettings.json", "{ \"Payments\": { \"RetryCount\": 3 } }");
        _project.WriteFile("appsettings.Staging.json", "{ \"Payments\": { \"Timeout\": \"00:00:30\" } }");
        _project.WriteFile("appsettings.Production.json", "{ \"Payments\": { \"RetryCount\": \"5\" } }");
        var result = ReleaseGateCheck.Run(new GateInputs
        {
            ProjectDirectory = _project.FullPath,
            Now = "2026-12-31T10:00:00+01:00",
            FreezeWindows = new[] { new FreezeWindowItem("weekend", null, null, "No weekend deploys", "weekly:fri 16:00-mon 08:00", "Z") },
            KnownDefects = new[] { new KnownDefect("ORD-905", null, null, null) },
            ReleaseDataSensitivity = "PII",
            DeploymentRegions = new[] { new DeploymentRegionItem("us-east-1", null) },
            ResidencyPolicies = new[] { new ResidencyPolicyItem("PII", null, "eu-*") },
            ComplianceControls = new[] { new ComplianceControlItem("CC-8.1", "SOX", "ROLLBACK.md;gates:RP5002;dependencies") },
        });
        using var json = JsonDocument.Parse(ReleaseManifestWriter.ToBytes(Manifest(result.Report!)));

        Assert.Empty(ReleasePolicy.Tasks.Tests.Manifest.ManifestSchemaValidator.Validate(Schema(), json.RootElement));
        Assert.Equal(
            new[] { "RP5002", "RP5003", "RP5004", "RP5007", "RP5008", "RP5010" },
            json.RootElement.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        Assert.Equal(64, json.RootElement.GetProperty("compliance")[0].GetProperty("evidence")[0].GetProperty("sha256").GetString()!.Length);
        var drift = json.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "RP5007").GetProperty("drift");
        Assert.Equal(new[] { "missing", "type" }, drift.EnumerateArray().Select(row => row.GetProperty("kind").GetString()));
        Assert.True(ReleaseManifestReader.TryRead(ReleaseManifestWriter.ToBytes(Manifest(result.Report!)), "manifest", out var read, out _));
        Assert.Equal(2, read!.Gates!.ConfigDrift.Count);
        Assert.Equal(3, Assert.Single(read.Gates.Compliance).Evidence.Count);
    }

    [Fact]
    public void Known_defects_carried_forward_are_a_risk_factor_with_each_id_as_evidence()
    {
        var report = new GateReport(Array.Empty<GateResult>(), new[] { new KnownDefect("ORD-812", "m", "t", "o"), new KnownDefect("ORD-905", "m", "t", "o") }, null);

        var risk = RiskModel.Assess(Manifest(report), null, RiskPolicy.Default);

        var factor = Assert.Single(risk.Factors, f => f.Id == "known-defects");
        Assert.Equal(10, factor.Weight);
        Assert.Equal(new[] { "ORD-812", "ORD-905" }, factor.Evidence);
    }

    [Fact]
    public void An_invalid_setting_gives_no_report_so_nothing_half_checked_reaches_the_manifest()
    {
        var result = ReleaseGateCheck.Run(new GateInputs { ProjectDirectory = _project.FullPath, Now = "31/12/2026", ReleaseFreezeBypassSeverity = "P1" });

        Assert.Null(result.Report);
        Assert.Equal(new[] { "RP9001", "RP9001" }, result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void A_threshold_with_no_report_files_is_RP9002_rather_than_a_gate_that_silently_does_not_run()
    {
        // What MSBuild passes when <ReleaseTestResults Include="TestResults/**/*.trx" /> matches nothing: no item.
        var result = ReleaseGateCheck.Run(new GateInputs
        {
            ProjectDirectory = _project.FullPath,
            ProjectFile = Path.Combine(_project.FullPath, "Orders.Api.csproj"),
            Now = "2026-12-01",
            MinTestPassRate = "98",
            MinLineCoverage = "80",
        });

        Assert.Null(result.Report);
        Assert.Equal(new[] { "RP9002", "RP9002" }, result.Findings.Select(f => f.RuleId));
        Assert.All(result.Findings, f => Assert.Equal(Path.Combine(_project.FullPath, "Orders.Api.csproj"), f.File));
        Assert.Equal(
            "ReleaseMinTestPassRate is 98, but no ReleaseTestResults item names an existing file, so there are no TRX test results to check (a pattern that matches no file gives MSBuild no item). " +
            "Run the tests before packing (dotnet test --logger trx --results-directory TestResults) and list the files, for example <ReleaseTestResults Include=\"TestResults/**/*.trx\" />; or remove ReleaseMinTestPassRate.",
            result.Findings[0].Message);
        Assert.StartsWith("ReleaseMinLineCoverage is 80, but no ReleaseCoverageReport item names an existing file", result.Findings[1].Message);
    }

    private static JsonElement Schema()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "schema", "release-manifest.schema.json")))
        {
            directory = directory.Parent;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory.FullName, "schema", "release-manifest.schema.json")));
        return document.RootElement.Clone();
    }

    private static ReleaseManifest Manifest(GateReport report) =>
        new(
            new ManifestPackage("Contoso.Orders.Api", "2.4.0", GitRepositoryInfo.None),
            new ManifestBuild("Release", new[] { "net8.0" }, null, null, null),
            ReleaseClassification.TryCreate("Standard", null, "Internal", "None", null, new List<PolicyFinding>())!,
            ManifestMigrations.None,
            Array.Empty<NuGet.ResolvedPackage>(),
            null,
            gates: report);
}
