using System.Text.Json;
using ReleasePolicy.Dependencies;
using ReleasePolicy.Gates;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Cli.Tests;

public sealed class SummaryTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    private string Manifest() => _files.WriteManifest(ReleaseFiles.Release(
        "2.4.0",
        dependencies: [ReleaseFiles.Package("Serilog", "4.0.0"), ReleaseFiles.Package("Serilog.Sinks.File", "6.0.0", direct: false)],
        migrations: [ReleaseFiles.Script("V1__create_orders"), ReleaseFiles.Script("V2__drop_notes", MigrationStatus.MissingRollback, destructive: true)],
        findings: [new ReleaseFinding("RP1010", "warning", "Migration script 'db/V2__drop_notes.sql' has no rollback script.", new SourceLocation("db/V2__drop_notes.sql", 1))],
        dataSensitivity: "PII"));

    /// <summary>
    /// 2.4.0 against its baseline 2.3.0, with every section a later capability fills: a forward-only and a destructive
    /// migration without rollback, the gates with the rollback playbook, unsigned and untrusted packages, a suppressed and
    /// an open advisory, a leaked host name, new, expired, undeclared and removed flags, known defects and a public API change.
    /// </summary>
    private string FullManifest()
    {
        const string client = "T:Contoso.Orders.OrdersClient";
        const string get = "M:Contoso.Orders.OrdersClient.Get(System.Int32)";
        var baseline = ReleaseFiles.Release(
            "2.3.0",
            featureFlags: [Flag("LegacyExport"), Flag("OldBanner")],
            publicApi: [new PublicApiAssembly("Orders.Api", "net8.0", [get, "M:Contoso.Orders.OrdersClient.Cancel(System.Int32)", client])]);
        var signed = new PackageSignature(PackageSignature.AuthorType, "CN=Serilog Contributors", new string('A', 64), timestamped: true, [], null, null);
        var acme = new PackageSignature(PackageSignature.AuthorType, "CN=Acme Corp", new string('B', 64), timestamped: false, [], null, null);
        var verification = new DependencyVerificationSummary(
            new Dictionary<string, ManifestDependencyTrust>(StringComparer.OrdinalIgnoreCase)
            {
                ["Serilog/4.0.0"] = new(signed, trusted: true, "trusted", []),
                ["Contoso.Internal.Metrics/2.1.0"] = new(null, trusted: false, "unsigned", []),
                ["Acme.Http/1.2.0"] = new(acme, trusted: false, "untrusted", ["GHSA-7h2m-4q5c-8x9w"]),
                ["Newtonsoft.Json/13.0.3"] = new(null, trusted: true, "trusted", ["GHSA-5crp-9r3c-p9vr"]),
            },
            [
                new ManifestVulnerability("GHSA-7h2m-4q5c-8x9w", "Acme.Http", "1.2.0", "critical", "1.2.1", "osv", justification: null, expires: null),
                new ManifestVulnerability("GHSA-5crp-9r3c-p9vr", "Newtonsoft.Json", "13.0.3", "high", null, "osv", justification: "Only trusted input is deserialized.", expires: "2026-12-31"),
            ],
            []);
        return _files.WriteManifest(ReleaseFiles.Release(
            "2.4.0",
            dependencies:
            [
                ReleaseFiles.Package("Acme.Http", "1.2.0"),
                ReleaseFiles.Package("Contoso.Internal.Metrics", "2.1.0"),
                ReleaseFiles.Package("Newtonsoft.Json", "13.0.3", direct: false),
                ReleaseFiles.Package("Serilog", "4.0.0"),
            ],
            migrations:
            [
                ReleaseFiles.Script("V1__create_orders"),
                ReleaseFiles.Script("V2__drop_notes", MigrationStatus.MissingRollback, destructive: true, reason: "no U2__ script"),
                ReleaseFiles.Script("V3__partition_orders", MigrationStatus.ForwardOnly, reason: "partitioning cannot be undone online"),
            ],
            findings:
            [
                new ReleaseFinding("RP3001", "warning", "Internal host 'orders.corp.contoso.com' in a user-facing string.", new SourceLocation("Controllers/OrdersController.cs", 42)),
                new ReleaseFinding("RP1010", "warning", "Migration script 'db/V2__drop_notes.sql' has no rollback script.", new SourceLocation("db/V2__drop_notes.sql", 1)),
            ],
            featureFlags:
            [
                Flag("BetaSearch", declared: false, references: 1, undeclared: true),
                Flag("LegacyExport", references: 2, expires: "2026-01-31", expired: true),
                Flag("NewCheckout", references: 3),
            ],
            gates: new GateReport(
                [
                    new GateResult("RP5003", GateStatus.Pass, "docs/rollback.md has every required section.", ["docs/rollback.md"]),
                    new GateResult("RP5002", GateStatus.Bypassed, "Sev1 hotfix during the December freeze.", ["year-end"], "Sev1"),
                ],
                [new KnownDefect("BUG-1234", "Retry the export from the orders page", "export_failures > 5 per minute", "team-orders"), new KnownDefect("BUG-1301", null, null, "team-search")],
                new RollbackRecord("docs/rollback.md", new string('d', 64))),
            dependencyVerification: verification,
            publicApi: [new PublicApiAssembly("Orders.Api", "net8.0", ["M:Contoso.Orders.OrdersClient.Convert``1(``0)", "M:Contoso.Orders.OrdersClient.Export(System.String)", get, client])],
            baseline: baseline));
    }

    private static FeatureFlag Flag(string name, bool declared = true, int references = 1, string? expires = null, bool expired = false, bool undeclared = false) =>
        new(name, declared ? new SourceLocation("appsettings.json", 4) : null, references, expires, expired, undeclared);

    [Fact]
    public void The_text_summary_shows_risk_migrations_dependencies_and_findings()
    {
        var run = CliRun.Of("summary", Manifest());

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Contoso.Orders.Api 2.4.0\n  Release: Standard, CustomerFacing, data PII\n  Source: 0123456789abcdef0123456789abcdef01234567 (main)\n", run.Output);
        Assert.Contains("  Risk: high (70/100)\n", run.Output);
        Assert.Contains("    destructive-migrations (20): V2__drop_notes (db/V2__drop_notes.sql)\n", run.Output);
        Assert.Contains("Operations: 2 migration(s), 1 without a working rollback, 1 destructive\n", run.Output);
        Assert.Matches(@"│ V2__drop_notes\s+│ sql\s+│ missing-rollback │ yes\s+│ db/V2__drop_notes.sql", run.Output);
        Assert.Contains("Security: 2 package dependencies (1 direct); data sensitivity PII\n", run.Output);
        Assert.Contains("  RP1010 warning: Migration script 'db/V2__drop_notes.sql' has no rollback script. (db/V2__drop_notes.sql:1)\n", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output);
    }

    [Fact]
    public void The_markdown_summary_is_ready_for_the_job_summary()
    {
        var run = CliRun.Of("summary", Manifest(), "--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## Contoso.Orders.Api 2.4.0\n\n- **Release**: Standard, CustomerFacing, data PII\n", run.Output);
        Assert.Contains("| destructive-migrations | 20 | V2\\_\\_drop\\_notes (db/V2\\_\\_drop\\_notes.sql) |\n", run.Output);
        Assert.Contains("### Operations\n\n2 migration(s), 1 without a working rollback, 1 destructive.\n", run.Output);
        Assert.Contains("| V2\\_\\_drop\\_notes | sql | missing-rollback | yes | db/V2\\_\\_drop\\_notes.sql |\n", run.Output);
        Assert.Contains("- `RP1010` warning: ", run.Output);
    }

    [Fact]
    public void The_json_summary_for_operations_has_only_the_operations_section()
    {
        var run = CliRun.Of("summary", Manifest(), "--format", "json", "--audience", "operations");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(("high", 70), (root.GetProperty("risk").GetProperty("level").GetString(), root.GetProperty("risk").GetProperty("score").GetInt32()));
        Assert.Equal(1, root.GetProperty("operations").GetProperty("withoutRollback").GetInt32());
        Assert.False(root.TryGetProperty("security", out _));
        Assert.False(root.TryGetProperty("support", out _));
    }

    [Fact]
    public void The_summary_reads_the_manifest_inside_a_package_too()
    {
        var nupkg = _files.WritePackage(ReleaseFiles.Release("2.4.0"));

        var run = CliRun.Of("summary", nupkg, "--audience", "security");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Security: 0 package dependencies (0 direct); data sensitivity Internal", run.Output);
        Assert.DoesNotContain("Operations", run.Output);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var run = CliRun.Of("summary", Manifest(), "--format", "html");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Run 'release-policy --help' for usage.", run.Error);
    }

    [Fact]
    public void The_operations_text_names_the_downtime_relevant_migrations_the_rollback_playbook_and_the_gates()
    {
        var run = CliRun.Of("summary", FullManifest(), "--audience", "operations");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "  Downtime-relevant: 2 migration(s) destructive, forward-only or without a working rollback\n" +
            "    V2__drop_notes destructive; no working rollback (missing-rollback: no U2__ script) (db/V2__drop_notes.sql)\n" +
            "    V3__partition_orders forward-only: partitioning cannot be undone online (db/V3__partition_orders.sql)\n" +
            $"  Rollback playbook: docs/rollback.md (sha256 {new string('d', 64)})\n" +
            "  Release gates: 2 gate(s): 1 pass, 1 bypassed\n" +
            "    RP5003 pass: docs/rollback.md has every required section.\n" +
            "    RP5002 bypassed: Sev1 hotfix during the December freeze.\n",
            run.Output);
        Assert.DoesNotContain("V1__create_orders destructive", run.Output);
        Assert.DoesNotContain("Security:", run.Output);
    }

    [Fact]
    public void The_operations_markdown_carries_the_same_downtime_rollback_and_gate_facts()
    {
        var run = CliRun.Of("summary", FullManifest(), "--format", "markdown", "--audience", "operations");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "**Downtime-relevant**: 2 migration(s) destructive, forward-only or without a working rollback.\n\n" +
            "- `V2__drop_notes` destructive; no working rollback (missing-rollback: no U2\\_\\_ script) (db/V2\\_\\_drop\\_notes.sql)\n" +
            "- `V3__partition_orders` forward-only: partitioning cannot be undone online (db/V3\\_\\_partition\\_orders.sql)\n\n" +
            $"**Rollback playbook**: docs/rollback.md (sha256 {new string('d', 64)}).\n\n" +
            "**Release gates**: 2 gate(s): 1 pass, 1 bypassed.\n\n" +
            "- `RP5003` pass: docs/rollback.md has every required section.\n",
            run.Output);
        Assert.DoesNotContain("### Security", run.Output);
    }

    [Fact]
    public void The_operations_json_lists_the_downtime_relevant_migrations_the_playbook_and_the_gates()
    {
        var run = CliRun.Of("summary", FullManifest(), "--format", "json", "--audience", "operations");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var operations = json.RootElement.GetProperty("operations");
        Assert.Equal((3, 1, 1, 1), (operations.GetProperty("migrations").GetInt32(), operations.GetProperty("withoutRollback").GetInt32(), operations.GetProperty("destructive").GetInt32(), operations.GetProperty("forwardOnly").GetInt32()));
        Assert.Equal(
            [("V2__drop_notes", true, false, true), ("V3__partition_orders", false, true, false)],
            operations.GetProperty("downtime").EnumerateArray().Select(m => (m.GetProperty("id").GetString(), m.GetProperty("destructive").GetBoolean(), m.GetProperty("forwardOnly").GetBoolean(), m.GetProperty("withoutRollback").GetBoolean())));
        Assert.Equal("partitioning cannot be undone online", operations.GetProperty("downtime")[1].GetProperty("reason").GetString());
        Assert.Equal("docs/rollback.md", operations.GetProperty("rollbackPlaybook").GetProperty("path").GetString());
        Assert.Equal(["RP5003 pass", "RP5002 bypassed"], operations.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("id").GetString() + " " + g.GetProperty("status").GetString()));
        Assert.False(json.RootElement.TryGetProperty("security", out _));
    }

    [Fact]
    public void The_security_text_counts_and_names_unsigned_and_untrusted_packages_every_vulnerability_and_the_leaks()
    {
        var run = CliRun.Of("summary", FullManifest(), "--audience", "security");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "  Signatures: 2 trusted, 1 unsigned, 1 untrusted\n" +
            "    Acme.Http 1.2.0 untrusted: signed by CN=Acme Corp, whom the trust policy does not name\n" +
            "    Contoso.Internal.Metrics 2.1.0 unsigned, and the trust policy does not allow it\n" +
            "  Vulnerabilities: 2 known, 1 of them suppressed\n" +
            "    GHSA-7h2m-4q5c-8x9w critical in Acme.Http 1.2.0; fixed in 1.2.1\n" +
            "    GHSA-5crp-9r3c-p9vr high in Newtonsoft.Json 13.0.3; suppressed: Only trusted input is deserialized. (until 2026-12-31)\n" +
            "  Leaked identifiers (RP3xxx): 1 finding(s)\n" +
            "    RP3001 warning: Internal host 'orders.corp.contoso.com' in a user-facing string. (Controllers/OrdersController.cs:42)\n",
            run.Output);
        Assert.DoesNotContain("RP1010", run.Output);
        Assert.DoesNotContain("Operations:", run.Output);
    }

    [Fact]
    public void The_security_markdown_carries_the_same_signatures_vulnerabilities_and_leaks()
    {
        var run = CliRun.Of("summary", FullManifest(), "--format", "markdown", "--audience", "security");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "**Signatures**: 2 trusted, 1 unsigned, 1 untrusted.\n\n" +
            "- `Acme.Http 1.2.0` untrusted: signed by CN=Acme Corp, whom the trust policy does not name\n" +
            "- `Contoso.Internal.Metrics 2.1.0` unsigned, and the trust policy does not allow it\n\n" +
            "**Vulnerabilities**: 2 known, 1 of them suppressed.\n\n" +
            "- `GHSA-7h2m-4q5c-8x9w` critical in Acme.Http 1.2.0; fixed in 1.2.1\n" +
            "- `GHSA-5crp-9r3c-p9vr` high in Newtonsoft.Json 13.0.3; suppressed: Only trusted input is deserialized. (until 2026-12-31)\n\n" +
            "**Leaked identifiers (RP3xxx)**: 1 finding(s).\n\n" +
            "- `RP3001` warning: Internal host 'orders.corp.contoso.com' in a user-facing string. (Controllers/OrdersController.cs:42)\n",
            run.Output);
    }

    [Fact]
    public void The_security_json_has_trust_counts_with_the_packages_behind_them_the_advisories_and_the_leaks()
    {
        var run = CliRun.Of("summary", FullManifest(), "--format", "json", "--audience", "security");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var security = json.RootElement.GetProperty("security");
        var signatures = security.GetProperty("signatures");
        Assert.Equal((2, 1, 1, 0), (signatures.GetProperty("trusted").GetInt32(), signatures.GetProperty("unsigned").GetInt32(), signatures.GetProperty("untrusted").GetInt32(), signatures.GetProperty("unknown").GetInt32()));
        Assert.Equal(
            ["Acme.Http 1.2.0 untrusted", "Contoso.Internal.Metrics 2.1.0 unsigned"],
            signatures.GetProperty("packages").EnumerateArray().Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("version").GetString()} {p.GetProperty("trust").GetString()}"));
        var suppressed = security.GetProperty("vulnerabilities").EnumerateArray().Single(v => v.GetProperty("suppressed").GetBoolean());
        Assert.Equal(("GHSA-5crp-9r3c-p9vr", "Only trusted input is deserialized.", "2026-12-31"), (suppressed.GetProperty("id").GetString(), suppressed.GetProperty("justification").GetString(), suppressed.GetProperty("expires").GetString()));
        Assert.Equal(2, security.GetProperty("vulnerabilities").GetArrayLength());
        var leak = Assert.Single(security.GetProperty("leaks").EnumerateArray());
        Assert.Equal(("RP3001", "Controllers/OrdersController.cs", 42), (leak.GetProperty("rule").GetString(), leak.GetProperty("path").GetString(), leak.GetProperty("line").GetInt32()));
        Assert.False(json.RootElement.TryGetProperty("support", out _));
    }

    [Fact]
    public void The_support_text_shows_the_flags_known_defects_and_the_public_API_change_since_the_baseline()
    {
        var run = CliRun.Of("summary", FullManifest(), "--audience", "support");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "  Feature flags: 3 flag(s), 2 new since 2.3.0, 1 expired, 1 undeclared, 1 removed\n" +
            "    BetaSearch new since 2.3.0; undeclared: referenced 1 time(s), declared in no flag source\n" +
            "    LegacyExport expired 2026-01-31, still referenced 2 time(s)\n" +
            "    NewCheckout new since 2.3.0\n" +
            "    OldBanner removed since 2.3.0\n" +
            "  Known defects: 2 carried forward\n" +
            "    BUG-1234 mitigation: Retry the export from the orders page; monitoring: export_failures > 5 per minute; owner: team-orders\n" +
            "    BUG-1301 mitigation: none recorded; monitoring: none recorded; owner: team-search\n" +
            "  Public API: 2 member(s) added, 1 removed since 2.3.0\n" +
            "    Orders.Api: M:Contoso.Orders.OrdersClient.Convert``1(``0) (added)\n" +
            "    Orders.Api: M:Contoso.Orders.OrdersClient.Export(System.String) (added)\n" +
            "    Orders.Api: M:Contoso.Orders.OrdersClient.Cancel(System.Int32) (removed)\n",
            run.Output);
        Assert.DoesNotContain("Signatures:", run.Output);
    }

    [Fact]
    public void The_support_markdown_carries_the_same_flags_defects_and_API_with_members_as_code()
    {
        var run = CliRun.Of("summary", FullManifest(), "--format", "markdown", "--audience", "support");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "**Feature flags**: 3 flag(s), 2 new since 2.3.0, 1 expired, 1 undeclared, 1 removed.\n\n" +
            "- `BetaSearch` new since 2.3.0; undeclared: referenced 1 time(s), declared in no flag source\n",
            run.Output);
        Assert.Contains("- `BUG-1301` mitigation: none recorded; monitoring: none recorded; owner: team-search\n", run.Output);
        // A generic member's documentation ID has backticks of its own, so its code span takes a longer fence.
        Assert.Contains(
            "**Public API**: 2 member(s) added, 1 removed since 2.3.0.\n\n" +
            "- ```Orders.Api: M:Contoso.Orders.OrdersClient.Convert``1(``0)``` (added)\n" +
            "- `Orders.Api: M:Contoso.Orders.OrdersClient.Export(System.String)` (added)\n" +
            "- `Orders.Api: M:Contoso.Orders.OrdersClient.Cancel(System.Int32)` (removed)\n",
            run.Output);
    }

    [Fact]
    public void The_support_json_lists_new_removed_expired_and_undeclared_flags_the_defects_and_the_API_change()
    {
        var run = CliRun.Of("summary", FullManifest(), "--format", "json", "--audience", "support");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var support = json.RootElement.GetProperty("support");
        var flags = support.GetProperty("featureFlags");
        Assert.Equal(3, flags.GetProperty("count").GetInt32());
        Assert.Equal(["BetaSearch", "NewCheckout"], Strings(flags.GetProperty("new")));
        Assert.Equal(["OldBanner"], Strings(flags.GetProperty("removed")));
        Assert.Equal(["LegacyExport"], Strings(flags.GetProperty("expired")));
        Assert.Equal(["BetaSearch"], Strings(flags.GetProperty("undeclared")));
        var defect = support.GetProperty("knownDefects")[1];
        Assert.Equal(("BUG-1301", JsonValueKind.Null, "team-search"), (defect.GetProperty("id").GetString(), defect.GetProperty("mitigation").ValueKind, defect.GetProperty("owner").GetString()));
        var api = support.GetProperty("publicApi");
        Assert.Equal((true, "2.3.0"), (api.GetProperty("compared").GetBoolean(), api.GetProperty("baseline").GetString()));
        Assert.Equal(["Orders.Api: M:Contoso.Orders.OrdersClient.Convert``1(``0)", "Orders.Api: M:Contoso.Orders.OrdersClient.Export(System.String)"], Strings(api.GetProperty("added")));
        Assert.Equal(["Orders.Api: M:Contoso.Orders.OrdersClient.Cancel(System.Int32)"], Strings(api.GetProperty("removed")));
        Assert.False(json.RootElement.TryGetProperty("operations", out _));
    }

    [Fact]
    public void A_manifest_without_gates_dependency_check_flags_or_baseline_says_so_in_one_line_and_invents_nothing()
    {
        var run = CliRun.Of("summary", _files.WriteManifest(ReleaseFiles.Release("2.4.0")));

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith(
            "Operations: 0 migration(s), 0 without a working rollback, 0 destructive\n" +
            "  Rollback playbook: none recorded\n" +
            "\n" +
            "Security: 0 package dependencies (0 direct); data sensitivity Internal\n" +
            "  Signatures and vulnerabilities: not checked (the manifest records no dependency check)\n" +
            "  Leaked identifiers (RP3xxx): none recorded\n" +
            "\n" +
            "Support: user impact CustomerFacing; 0 finding(s) in the release\n",
            run.Output);
    }

    [Fact]
    public void The_json_summary_leaves_out_what_the_manifest_does_not_record()
    {
        var run = CliRun.Of("summary", _files.WriteManifest(ReleaseFiles.Release("2.4.0")), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(["migrations", "withoutRollback", "destructive", "forwardOnly", "list", "downtime"], root.GetProperty("operations").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["dependencies", "direct", "leaks"], root.GetProperty("security").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["findings", "findingRules"], root.GetProperty("support").EnumerateObject().Select(p => p.Name));
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public void Dispose() => _files.Dispose();
}
