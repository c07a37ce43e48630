using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>
/// RP5005: the pass rate of the tests in <c>ReleaseTestResults</c> (TRX files) against <c>ReleaseMinTestPassRate</c>
/// (percent, default 100 when results are given). Passed tests over passed plus failed ones (Failed, Error, Timeout,
/// Aborted); tests that did not run (NotExecuted, skipped) count for neither. The message names up to ten failed tests.
/// </summary>
public static class TestResultsGate
{
    private const int NamedFailures = 10;
    private static readonly HashSet<string> FailedOutcomes = new(StringComparer.OrdinalIgnoreCase) { "Failed", "Error", "Timeout", "Aborted" };

    /// <returns>The gate, or null when no results file is given.</returns>
    public static GateResult? Check(IReadOnlyList<string> trxFiles, decimal minimumPassRate, string projectDirectory, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (trxFiles.Count == 0)
        {
            return null;
        }

        var passed = 0;
        var failed = new List<string>();
        var before = findings.Count;
        foreach (var file in trxFiles)
        {
            QualityReportFile.TryRead(file, "TestRun", "a TRX test results file", reader =>
            {
                if (reader.LocalName != "UnitTestResult")
                {
                    return;
                }

                var outcome = reader.GetAttribute("outcome") ?? string.Empty;
                if (string.Equals(outcome, "Passed", StringComparison.OrdinalIgnoreCase))
                {
                    passed++;
                }
                else if (FailedOutcomes.Contains(outcome))
                {
                    failed.Add(reader.GetAttribute("testName") ?? "(unnamed test)");
                }
            }, findings);
        }

        var evidence = trxFiles.Select(f => RollbackPlaybookGate.ProjectRelative(f, projectDirectory)).ToList();
        if (findings.Count != before)
        {
            return new GateResult(RuleIds.TestPassRateBelowThreshold, GateStatus.Fail, "A test results file could not be read.", evidence);
        }

        var counted = passed + failed.Count;
        var rate = counted == 0 ? 0m : Math.Round(100m * passed / counted, 2);
        var measured = $"{Percent(rate)} ({passed} of {counted} tests passed)";
        if (counted > 0 && rate >= minimumPassRate)
        {
            return new GateResult(RuleIds.TestPassRateBelowThreshold, GateStatus.Pass, $"Test pass rate {measured}, at or above ReleaseMinTestPassRate {Percent(minimumPassRate)}.", evidence);
        }

        var names = failed.Distinct(StringComparer.Ordinal).ToList();
        var named = string.Join(", ", names.Take(NamedFailures));
        var more = names.Count > NamedFailures ? $" and {names.Count - NamedFailures} more" : string.Empty;
        var message = counted == 0
            ? $"The test results ({string.Join(", ", evidence)}) contain no test that ran, so the pass rate cannot reach ReleaseMinTestPassRate {Percent(minimumPassRate)}. Point ReleaseTestResults at the TRX files of the release's test run."
            : $"Test pass rate {measured} is below ReleaseMinTestPassRate {Percent(minimumPassRate)}. Failed: {named}{more}. Fix the failing tests and run them again before releasing.";
        findings.Add(new PolicyFinding(RuleIds.TestPassRateBelowThreshold, FindingKind.Policy, message, trxFiles.Count == 1 ? trxFiles[0] : projectFile));
        return new GateResult(RuleIds.TestPassRateBelowThreshold, GateStatus.Fail, message, evidence);
    }

    /// <summary>A percentage setting: a number from 0 to 100 (decimals allowed); null with RP9001 otherwise.</summary>
    public static decimal? TryParsePercent(string property, string? value, decimal? defaultValue, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        var text = value!.Trim().TrimEnd('%');
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 100m)
        {
            return percent;
        }

        findings.Add(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"{property} is '{value}'. Allowed: a percentage from 0 to 100, e.g. 95 or 99.5.",
            projectFile));
        return null;
    }

    internal static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
