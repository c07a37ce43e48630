using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Git;
using ReleasePolicy.Manifest;
using ReleasePolicy.NuGet;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5009: new outbound hosts and client SDK packages since the baseline need a newer penetration test report.</summary>
public sealed class IntegrationExpansionGateTests : IDisposable
{
    private static readonly DateTimeOffset BaselineTime = DateTimeOffset.Parse("2026-11-01T00:00:00Z");
    private readonly TempDirectory _project = new();

    public IntegrationExpansionGateTests()
    {
        _project.WriteFile("appsettings.json", """
            {
              "Payments": { "Endpoint": "https://api.stripe.com/v1" },
              "Docs": "https://docs.example.com/orders",
              "Local": "http://localhost:5000"
            }
            """);
        _project.WriteFile("appsettings.Development.json", """{ "Mock": "https://mock.internal.dev" }""");
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Without_a_baseline_the_hosts_and_client_packages_are_recorded_and_nothing_fails()
    {
        var findings = new List<PolicyFinding>();

        var gate = Check(null, new[] { new ResolvedPackage("Stripe.net", "45.0.0", true, null) }, Array.Empty<PenetrationTestReportItem>(), findings);

        Assert.Equal(GateStatus.Pass, gate!.Status);
        Assert.Equal(new[] { "host:api.stripe.com", "package:Stripe.net" }, gate.Evidence);
        Assert.Empty(findings);
    }

    [Fact]
    public void A_new_host_and_a_new_client_package_without_a_newer_report_fail_naming_both()
    {
        var baseline = Baseline(new[] { "host:api.contoso-payments.com" });
        var findings = new List<PolicyFinding>();
        var report = _project.WriteFile("docs/pentest-2026-10.md", "Findings: none.");

        var gate = Check(baseline, new[] { new ResolvedPackage("Stripe.net", "45.0.0", true, null) }, new[] { new PenetrationTestReportItem(report, "2026-10-15") }, findings);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        Assert.Equal(
            "The release adds integrations since the baseline (new outbound host 'api.stripe.com' in the shipped configuration; new client SDK package 'Stripe.net 45.0.0') " +
            "without a penetration test report newer than 2026-11-01T00:00Z. Have it tested and add the report: <PenetrationTestReport Include=\"docs/security/pentest.pdf\" Date=\"2026-12-01T00:00:00Z\" />.",
            Assert.Single(findings).Message);
    }

    [Fact]
    public void A_report_dated_after_the_baseline_covers_the_new_integrations()
    {
        var report = _project.WriteFile("docs/pentest-2026-11.md", "Findings: none.");
        var findings = new List<PolicyFinding>();

        var gate = Check(Baseline(Array.Empty<string>()), Array.Empty<ResolvedPackage>(), new[] { new PenetrationTestReportItem(report, "2026-11-20") }, findings);

        Assert.Equal(GateStatus.Pass, gate!.Status);
        Assert.Empty(findings);
    }

    [Fact]
    public void Hosts_the_baseline_recorded_and_packages_it_had_are_not_new()
    {
        var findings = new List<PolicyFinding>();

        var gate = Check(Baseline(new[] { "host:API.stripe.com" }, new[] { new ResolvedPackage("Stripe.net", "44.0.0", true, null) }), new[] { new ResolvedPackage("Stripe.net", "45.0.0", true, null) }, Array.Empty<PenetrationTestReportItem>(), findings);

        Assert.Equal(GateStatus.Pass, gate!.Status);
        Assert.Empty(findings);
    }

    [Fact]
    public void A_report_with_a_malformed_date_is_RP9001()
    {
        var report = _project.WriteFile("docs/pentest.md", "x");
        var findings = new List<PolicyFinding>();

        Check(Baseline(Array.Empty<string>()), Array.Empty<ResolvedPackage>(), new[] { new PenetrationTestReportItem(report, "last week") }, findings);

        Assert.Contains(findings, f => f.RuleId == "RP9001" && f.Message.StartsWith($"PenetrationTestReport '{report}' has Date 'last week'. Allowed: a date (2026-12-01)", StringComparison.Ordinal));
    }

    private GateResult? Check(ReleaseManifest? baseline, IReadOnlyList<ResolvedPackage> dependencies, IReadOnlyList<PenetrationTestReportItem> reports, List<PolicyFinding> findings) =>
        IntegrationExpansionGate.Check(_project.FullPath, baseline, baseline is null ? null : BaselineTime, dependencies, new[] { "Stripe.*", "Twilio" }, reports, "Orders.Api.csproj", findings);

    private static ReleaseManifest Baseline(IReadOnlyList<string> recorded, IReadOnlyList<ResolvedPackage>? dependencies = null) =>
        new(
            new ManifestPackage("Contoso.Orders.Api", "2.3.0", GitRepositoryInfo.None),
            new ManifestBuild("Release", new[] { "net8.0" }, null, BaselineTime, null),
            ReleaseClassification.TryCreate(null, null, null, null, null, new List<PolicyFinding>())!,
            ManifestMigrations.None,
            dependencies ?? Array.Empty<ResolvedPackage>(),
            null,
            gates: new GateReport(new[] { new GateResult("RP5009", GateStatus.Pass, "recorded", recorded) }, Array.Empty<KnownDefect>(), null));
}
