using System.Runtime.CompilerServices;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>
/// RP5005 / RP5006 over the TRX and Cobertura files of a real test run (TestData/regenerate.sh: 4 tests, 1 failing,
/// 11 of 13 lines covered), and over the broken files a CI run leaves behind.
/// </summary>
public sealed class QualityGateTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    private static string Trx => TestData("orders-pricing.trx");

    private static string Cobertura => TestData("orders-pricing.cobertura.xml");

    [Fact]
    public void A_failed_test_is_below_the_default_100_percent_and_is_named()
    {
        var findings = new List<PolicyFinding>();

        var gate = TestResultsGate.Check(new[] { Trx }, 100m, _project.FullPath, null, findings);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        var finding = Assert.Single(findings);
        Assert.Equal(("RP5005", Trx), (finding.RuleId, finding.File));
        Assert.Equal(
            "Test pass rate 75% (3 of 4 tests passed) is below ReleaseMinTestPassRate 100%. " +
            "Failed: Orders.Pricing.Tests.PriceCalculatorTests.Discount_WINTER10_takes_fifteen_percent_off. Fix the failing tests and run them again before releasing.",
            finding.Message);
    }

    [Fact]
    public void A_lower_threshold_passes_with_the_measured_rate()
    {
        var findings = new List<PolicyFinding>();

        var gate = TestResultsGate.Check(new[] { Trx }, 75m, _project.FullPath, null, findings);

        Assert.Equal(GateStatus.Pass, gate!.Status);
        Assert.StartsWith("Test pass rate 75% (3 of 4 tests passed)", gate.Reason);
        Assert.Empty(findings);
    }

    [Fact]
    public void More_than_ten_failed_tests_are_named_up_to_ten_then_counted()
    {
        var results = string.Concat(Enumerable.Range(1, 12).Select(i => $"""<UnitTestResult testName="Orders.Tests.Case{i:00}" outcome="Failed" />"""));
        var trx = _project.WriteFile("many.trx", $"""<?xml version="1.0" encoding="utf-8"?><TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>{results}<UnitTestResult testName="Orders.Tests.Ok" outcome="Passed" /><UnitTestResult testName="Orders.Tests.Skipped" outcome="NotExecuted" /></Results></TestRun>""");
        var findings = new List<PolicyFinding>();

        TestResultsGate.Check(new[] { trx }, 100m, _project.FullPath, null, findings);

        var message = Assert.Single(findings).Message;
        Assert.Contains("7.69% (1 of 13 tests passed)", message);
        Assert.Contains("Orders.Tests.Case10 and 2 more.", message);
        Assert.DoesNotContain("Case11", message);
    }

    [Fact]
    public void Coverage_below_the_threshold_fails_with_what_was_measured_and_is_off_by_default()
    {
        var findings = new List<PolicyFinding>();

        Assert.Null(CoverageGate.Check(new[] { Cobertura }, null, _project.FullPath, null, findings));
        var gate = CoverageGate.Check(new[] { Cobertura }, 90m, _project.FullPath, null, findings);
        var pass = CoverageGate.Check(new[] { Cobertura }, 80m, _project.FullPath, null, new List<PolicyFinding>());

        Assert.Equal((GateStatus.Fail, GateStatus.Pass), (gate!.Status, pass!.Status));
        var finding = Assert.Single(findings);
        Assert.Equal("RP5006", finding.RuleId);
        Assert.StartsWith("Line coverage 84.62% (11 of 13 lines) in ", finding.Message);
        Assert.EndsWith(" is below ReleaseMinLineCoverage 90%. Add tests for the uncovered code, or lower the threshold deliberately.", finding.Message);
    }

    [Fact]
    public void A_truncated_TRX_file_is_RP9002_with_the_line_where_it_broke()
    {
        var text = File.ReadAllText(Trx);
        var truncated = _project.WriteFile("cut.trx", text.Substring(0, text.Length / 2));
        var findings = new List<PolicyFinding>();

        var gate = TestResultsGate.Check(new[] { truncated }, 100m, _project.FullPath, null, findings);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        var finding = Assert.Single(findings);
        Assert.Equal(("RP9002", FindingKind.InputError, truncated), (finding.RuleId, finding.Kind, finding.File));
        Assert.StartsWith($"'{truncated}' is not a TRX test results file that can be read: ", finding.Message);
        Assert.True(finding.Line > 1);
    }

    [Fact]
    public void A_coverage_report_given_as_test_results_is_RP9002_naming_both_formats()
    {
        var findings = new List<PolicyFinding>();

        TestResultsGate.Check(new[] { Cobertura }, 100m, _project.FullPath, null, findings);
        CoverageGate.Check(new[] { Trx }, 50m, _project.FullPath, null, findings);

        Assert.Equal(
            new[]
            {
                $"'{Cobertura}' is not a TRX test results file: it starts with <coverage>, and a TRX test results file starts with <TestRun>.",
                $"'{Trx}' is not a Cobertura coverage report: it starts with <TestRun>, and a Cobertura coverage report starts with <coverage>.",
            },
            findings.Select(f => f.Message));
    }

    [Theory]
    [InlineData("ReleaseMinTestPassRate", "ninety")]
    [InlineData("ReleaseMinLineCoverage", "120")]
    [InlineData("ReleaseMinLineCoverage", "-5")]
    public void A_threshold_that_is_not_a_percentage_is_RP9001(string property, string value)
    {
        var findings = new List<PolicyFinding>();

        Assert.Null(TestResultsGate.TryParsePercent(property, value, null, "Orders.Api.csproj", findings));
        Assert.Equal($"{property} is '{value}'. Allowed: a percentage from 0 to 100, e.g. 95 or 99.5.", Assert.Single(findings).Message);
    }

    private static string TestData(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "TestData", name);
}
