using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>
/// RP5006: line coverage from the Cobertura reports in <c>ReleaseCoverageReport</c> (the root's <c>lines-covered</c> and
/// <c>lines-valid</c>, summed over the files) against <c>ReleaseMinLineCoverage</c> (percent; off unless set).
/// </summary>
public static class CoverageGate
{
    /// <returns>The gate, or null when no report is given or no threshold is set.</returns>
    public static GateResult? Check(IReadOnlyList<string> reports, decimal? minimumLineCoverage, string projectDirectory, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (reports.Count == 0 || minimumLineCoverage is not { } minimum)
        {
            return null;
        }

        long covered = 0, valid = 0;
        var before = findings.Count;
        foreach (var file in reports)
        {
            var seenRoot = false;
            QualityReportFile.TryRead(file, "coverage", "a Cobertura coverage report", reader =>
            {
                if (seenRoot || reader.LocalName != "coverage")
                {
                    return;
                }

                seenRoot = true;
                if (long.TryParse(reader.GetAttribute("lines-covered"), NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                    && long.TryParse(reader.GetAttribute("lines-valid"), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                {
                    covered += c;
                    valid += v;
                }
                else
                {
                    findings.Add(new PolicyFinding(
                        RuleIds.UnreadableInput,
                        FindingKind.InputError,
                        $"'{file}' is a Cobertura report without the lines-covered and lines-valid attributes on <coverage>; write it with coverlet (--collect:\"XPlat Code Coverage\") or ReportGenerator's Cobertura output.",
                        file,
                        1));
                }
            }, findings);
        }

        var evidence = reports.Select(f => RollbackPlaybookGate.ProjectRelative(f, projectDirectory)).ToList();
        if (findings.Count != before)
        {
            return new GateResult(RuleIds.LineCoverageBelowThreshold, GateStatus.Fail, "A coverage report could not be read.", evidence);
        }

        var rate = valid == 0 ? 0m : System.Math.Round(100m * covered / valid, 2);
        var measured = $"{TestResultsGate.Percent(rate)} ({covered} of {valid} lines)";
        if (valid > 0 && rate >= minimum)
        {
            return new GateResult(RuleIds.LineCoverageBelowThreshold, GateStatus.Pass, $"Line coverage {measured}, at or above ReleaseMinLineCoverage {TestResultsGate.Percent(minimum)}.", evidence);
        }

        var message = $"Line coverage {measured} in {string.Join(", ", evidence)} is below ReleaseMinLineCoverage {TestResultsGate.Percent(minimum)}. Add tests for the uncovered code, or lower the threshold deliberately.";
        findings.Add(new PolicyFinding(RuleIds.LineCoverageBelowThreshold, FindingKind.Policy, message, reports.Count == 1 ? reports[0] : projectFile));
        return new GateResult(RuleIds.LineCoverageBelowThreshold, GateStatus.Fail, message, evidence);
    }
}
