using Microsoft.Build.Utilities;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Git;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;
using ReleasePolicy.Tasks.Tests.Infrastructure;
using ReleasePolicy.Tasks.Tests.Manifest;

namespace ReleasePolicy.Tasks.Tests.Risk;

/// <summary>The risk model of docs/risk.md: each factor, the level edges, the overrides, and RP5000/RP5001 from the task.</summary>
public sealed class RiskModelTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void An_internal_release_of_no_data_without_migrations_scores_zero_and_is_low()
    {
        var risk = Assess(Release(userImpact: "Internal", dataSensitivity: "None"));

        Assert.Equal((0, "low"), (risk.Score, risk.Level));
        Assert.Empty(risk.Factors);
    }

    [Theory]
    [InlineData("None", 0)]
    [InlineData("Internal", 5)]
    [InlineData("Confidential", 10)]
    [InlineData("PII", 15)]
    [InlineData("PHI", 20)]
    [InlineData("PCI", 20)]
    public void Data_sensitivity_scales_its_weight_by_the_class_of_data(string sensitivity, int expected)
    {
        var risk = Assess(Release(userImpact: "Internal", dataSensitivity: sensitivity));

        Assert.Equal(expected, risk.Score);
    }

    [Fact]
    public void Customer_facing_releases_carry_the_user_impact_weight_with_the_setting_as_evidence()
    {
        var factor = Assert.Single(Assess(Release(dataSensitivity: "None")).Factors);

        Assert.Equal(("user-impact", 15), (factor.Id, factor.Weight));
        Assert.Equal(["ReleaseUserImpact=CustomerFacing"], factor.Evidence);
    }

    [Fact]
    public void Destructive_migrations_and_migrations_without_rollback_name_each_migration_and_its_file()
    {
        var manifest = Release(
            userImpact: "Internal",
            dataSensitivity: "None",
            sql:
            [
                Sql("V3__drop_notes", MigrationStatus.Reversible, destructive: true),
                Sql("V4__add_index", MigrationStatus.ForwardOnly),
                Sql("V5__rename", MigrationStatus.MissingRollback),
            ],
            code: [new CodeMigration("20260401_Trim", "efcore", "Orders.Trim", new SourceLocation("Migrations/Trim.cs", 7), "empty-rollback", "Down is empty", destructive: true)]);

        var risk = Assess(manifest);

        Assert.Equal((40, "medium"), (risk.Score, risk.Level));
        Assert.Equal(["destructive-migrations", "migrations-without-rollback"], risk.Factors.Select(f => f.Id));
        Assert.Equal(["V3__drop_notes (db/V3__drop_notes.sql)", "20260401_Trim (Migrations/Trim.cs)"], risk.Factors[0].Evidence);
        Assert.Equal(["V5__rename: missing-rollback (db/V5__rename.sql)", "20260401_Trim: empty-rollback (Migrations/Trim.cs)"], risk.Factors[1].Evidence);
    }

    [Fact]
    public void Findings_left_as_warnings_count_per_rule_and_errors_or_infos_do_not()
    {
        var manifest = Release(userImpact: "Internal", dataSensitivity: "None", findings:
        [
            new ReleaseFinding("RP1013", "warning", "a", null),
            new ReleaseFinding("RP1007", "warning", "b", null),
            new ReleaseFinding("RP1013", "warning", "c", null),
            new ReleaseFinding("RP1006", "info", "d", null),
            new ReleaseFinding("RP1006", "error", "e", null),
        ]);

        var factor = Assert.Single(Assess(manifest).Factors);

        Assert.Equal(("findings-left-as-warnings", 10), (factor.Id, factor.Weight));
        Assert.Equal(["RP1007 x1", "RP1013 x2"], factor.Evidence);
    }

    [Fact]
    public void A_missing_rollback_warning_is_not_counted_again_beside_the_migration_factor()
    {
        var manifest = Release(
            userImpact: "Internal",
            dataSensitivity: "None",
            sql: [Sql("V5__rename", MigrationStatus.MissingRollback)],
            findings: [new ReleaseFinding("RP1010", "warning", "no rollback", null), new ReleaseFinding("RP1001", "warning", "no Down", null)]);

        var factor = Assert.Single(Assess(manifest).Factors);

        Assert.Equal("migrations-without-rollback", factor.Id);
    }

    [Fact]
    public void A_hotfix_carries_its_weight_with_the_severity_as_evidence()
    {
        var factor = Assert.Single(Assess(Release(userImpact: "Internal", dataSensitivity: "None", type: "Hotfix", severity: "Sev1")).Factors);

        Assert.Equal(["ReleaseType=Hotfix (Sev1)"], factor.Evidence);
    }

    [Fact]
    public void Dependency_changes_count_only_against_a_baseline_and_a_minor_upgrade_is_not_a_major_one()
    {
        var baseline = Release(dependencies: [Package("Serilog", "3.1.1"), Package("Polly", "7.2.4"), Package("Dapper", "2.1.28"), Package("Old.Client", "1.0.0")]);
        var current = Release(userImpact: "Internal", dataSensitivity: "None", dependencies: [Package("serilog", "4.0.0"), Package("Polly", "7.2.5"), Package("Dapper", "2.1.28"), Package("Azure.Core", "1.44.1")]);

        Assert.Empty(Assess(current).Factors);
        var risk = RiskModel.Assess(current, baseline, RiskPolicy.Default);

        Assert.Equal(18, risk.Score);
        Assert.Equal(["dependency-major-upgrades", "dependencies-added", "dependencies-removed"], risk.Factors.Select(f => f.Id));
        Assert.Equal(["serilog 3.1.1 -> 4.0.0"], risk.Factors[0].Evidence); // spelled as this release resolves it
        Assert.Equal(["Azure.Core 1.44.1"], risk.Factors[1].Evidence);
        Assert.Equal(["Old.Client 1.0.0"], risk.Factors[2].Evidence);
    }

    [Theory]
    [InlineData(29, "low")]
    [InlineData(30, "medium")]
    [InlineData(59, "medium")]
    [InlineData(60, "high")]
    [InlineData(79, "high")]
    [InlineData(80, "critical")]
    [InlineData(100, "critical")]
    public void Levels_start_at_30_60_and_80(int score, string level) =>
        Assert.Equal(level, RiskPolicy.Default.LevelOf(score));

    [Fact]
    public void The_score_is_capped_at_100()
    {
        var policy = Policy("user-impact=100;data-sensitivity=100");

        Assert.Equal(100, RiskModel.Assess(Release(dataSensitivity: "PCI"), null, policy).Score);
    }

    [Fact]
    public void Weights_and_levels_are_overridden_by_the_properties_and_a_zero_weight_drops_the_factor()
    {
        var policy = Policy("USER-IMPACT=40; data-sensitivity=0", "medium=10;high=35;critical=90");

        var risk = RiskModel.Assess(Release(dataSensitivity: "PII"), null, policy);

        Assert.Equal((40, "high"), (risk.Score, risk.Level));
        Assert.Equal(["user-impact"], risk.Factors.Select(f => f.Id));
    }

    [Theory]
    [InlineData("blast-radius=10", null, "ReleaseRiskWeights is 'blast-radius=10': 'blast-radius' is not a risk factor. Factors: user-impact, data-sensitivity, destructive-migrations, migrations-without-rollback, findings-left-as-warnings, hotfix, dependencies-added, dependencies-removed, dependency-major-upgrades, known-defects, untrusted-dependencies, vulnerabilities, public-api-change.")]
    [InlineData("hotfix=high", null, "ReleaseRiskWeights is 'hotfix=high': the weight of 'hotfix' is 'high'; weights are whole numbers from 0 to 100.")]
    [InlineData("hotfix=101", null, "ReleaseRiskWeights is 'hotfix=101': the weight of 'hotfix' is '101'; weights are whole numbers from 0 to 100.")]
    [InlineData(null, "high=20", "ReleaseRiskLevels is 'high=20': the levels must start at increasing scores, and they start at medium=30, high=20, critical=80.")]
    [InlineData(null, "low=0", "ReleaseRiskLevels is 'low=0': 'low' is not a level that starts at a score. Levels: medium, high, critical.")]
    public void Invalid_overrides_are_RP9001_naming_the_property_and_what_is_allowed(string? weights, string? levels, string message)
    {
        var findings = new List<PolicyFinding>();

        Assert.Null(RiskPolicy.TryCreate(weights, levels, "Orders.Api.csproj", findings));

        var finding = Assert.Single(findings);
        Assert.Equal(("RP9001", message), (finding.RuleId, finding.Message));
    }

    [Fact]
    public void The_summary_names_level_score_the_top_three_factors_and_the_manifest()
    {
        var risk = new RiskAssessment(70, "high",
        [
            new RiskFactor("destructive-migrations", 20, ["V3"]),
            new RiskFactor("migrations-without-rollback", 20, ["V3"]),
            new RiskFactor("user-impact", 15, ["x"]),
            new RiskFactor("hotfix", 10, ["y"]),
        ]);

        Assert.Equal(
            "Release risk high (70/100): destructive-migrations (20), migrations-without-rollback (20), user-impact (15). Release manifest: /out/release-manifest.json",
            RiskModel.Summary(risk, "/out/release-manifest.json"));
    }

    [Fact]
    public void Pack_reports_RP5000_with_the_risk_summary_as_a_message_read_back_from_the_manifest()
    {
        _context.Generate();
        Assert.DoesNotContain(_context.Engine.Messages, m => m.Code == "RP5000");
        var engine = new RecordingBuildEngine();

        // A separate task, so an up-to-date pack that skips the manifest still prints the summary.
        Assert.True(new ReportReleaseRisk { BuildEngine = engine, ManifestFile = _context.OutputFile }.Execute(), engine.ToString());

        var message = Assert.Single(engine.Messages, m => m.Code == "RP5000");
        Assert.Equal($"Release risk low (20/100): user-impact (15), data-sensitivity (5). Release manifest: {Path.GetFullPath(_context.OutputFile)}", message.Message);
        Assert.Equal(Path.GetFullPath(_context.OutputFile), message.File);
    }

    [Fact]
    public void A_high_risk_without_a_rollback_playbook_fails_an_Enforce_pack_with_RP5001_and_asks_to_run_again()
    {
        var task = HighRiskTask();
        task.Mode = "Enforce";
        task.RiskRequiredArtifacts = [new TaskItem(_context.Directory.Path("src/Orders.Api/docs/change-approval.md"))];

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP5001", error.Code);
        Assert.Equal(
            "Release risk is high (65/100), at or above ReleaseRiskThreshold 'high', and it requires a rollback playbook (declare it: <RollbackPlaybook Include=\"docs/rollback.md\" />); " +
            $"the required artifact '{_context.Directory.Path("src/Orders.Api/docs/change-approval.md")}' (ReleaseRiskRequiredArtifact; the file does not exist). Add them, or lower the risk (docs/risk.md lists the factors).",
            error.Message);
        Assert.True(task.RunAgain);
    }

    [Fact]
    public void A_high_risk_with_its_playbook_passes_and_a_missing_playbook_file_is_named_in_Audit()
    {
        var playbook = _context.Directory.Path("src/Orders.Api/docs/rollback.md");
        var task = HighRiskTask();
        task.RollbackPlaybooks = [new TaskItem(playbook)];

        Assert.True(task.Execute());
        Assert.Contains($"the rollback playbook '{playbook}' (the file does not exist)", Assert.Single(_context.Engine.Warnings).Message);

        _context.Directory.WriteFile("src/Orders.Api/docs/rollback.md", "# Rollback\n");
        task = HighRiskTask();
        task.RollbackPlaybooks = [new TaskItem(playbook)];
        Assert.True(task.Execute());
        Assert.Empty(_context.Engine.Warnings);
        Assert.False(task.RunAgain);
    }

    [Fact]
    public void Below_the_threshold_nothing_is_required()
    {
        var task = HighRiskTask();
        task.RiskThreshold = "Critical";

        Assert.True(task.Execute());
        Assert.Empty(_context.Engine.Warnings);
    }

    [Fact]
    public void A_baseline_package_adds_its_dependency_changes_to_the_risk()
    {
        var baselineAssets = _context.Directory.WriteFile("baseline/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);
        _context.Generate(task => (task.ProjectAssetsFile, task.PackageId) = (baselineAssets, "Contoso.Orders.Api"));
        var baseline = _context.Directory.Path("baseline/release-manifest.json");
        File.Move(_context.OutputFile, baseline);

        var manifest = _context.Generate(task => task.BaselineManifestFile = baseline);

        var factors = manifest.GetProperty("risk").GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains("dependencies-removed", factors);
    }

    [Fact]
    public void An_unreadable_baseline_is_RP9002_naming_it()
    {
        var baseline = _context.Directory.WriteFile("baseline/release-manifest.json", "{ nope");
        var task = _context.CreateTask();
        task.BaselineManifestFile = baseline;

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal(("RP9002", baseline), (error.Code, error.File));
    }

    public void Dispose() => _context.Dispose();

    /// <summary>Customer-facing confidential data (25) and a destructive script without a rollback (40): 65, high.</summary>
    private GenerateReleaseManifest HighRiskTask()
    {
        var report = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", "");
        File.WriteAllBytes(report, MigrationsReport.Write([Sql("V3__drop_notes", MigrationStatus.MissingRollback, destructive: true)]));
        var task = _context.CreateTask();
        task.MigrationsReportFile = report;
        task.ReleaseDataSensitivity = "Confidential";
        return task;
    }

    private static RiskAssessment Assess(ReleaseManifest manifest) => RiskModel.Assess(manifest, null, RiskPolicy.Default);

    private static RiskPolicy Policy(string? weights, string? levels = null) =>
        RiskPolicy.TryCreate(weights, levels, null, new List<PolicyFinding>())!;

    private static MigrationEntry Sql(string id, string status, bool destructive = false) =>
        new(id, "flyway", new MigrationScriptFile($"db/{id}.sql", "aa"), null, null, status, null, destructive);

    private static ResolvedPackage Package(string id, string version) => new(id, version, direct: true, sha512: null);

    private static ReleaseManifest Release(
        string userImpact = "CustomerFacing",
        string dataSensitivity = "Internal",
        string type = "Standard",
        string? severity = null,
        IReadOnlyList<MigrationEntry>? sql = null,
        IReadOnlyList<CodeMigration>? code = null,
        IReadOnlyList<ReleaseFinding>? findings = null,
        IReadOnlyList<ResolvedPackage>? dependencies = null) =>
        new(
            new ManifestPackage("Contoso.Orders.Api", "2.4.0", GitRepositoryInfo.None),
            new ManifestBuild("Release", ["net8.0"], null, null, null),
            ReleaseClassification.TryCreate(type, severity, userImpact, dataSensitivity, null, new List<PolicyFinding>())!,
            new ManifestMigrations(sql ?? [], code ?? []),
            dependencies ?? [],
            findings);
}
