using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Manifest;
using ReleasePolicy.NuGet;

namespace ReleasePolicy.Gates;

/// <summary>A <c>PenetrationTestReport</c> item: the report file and, optionally, the <c>Date</c> of the test.</summary>
public sealed class PenetrationTestReportItem
{
    public PenetrationTestReportItem(string path, string? date)
    {
        Path = path;
        Date = string.IsNullOrWhiteSpace(date) ? null : date!.Trim();
    }

    /// <summary>Full path.</summary>
    public string Path { get; }

    public string? Date { get; }
}

/// <summary>
/// RP5009: a release that opens new doors since the baseline (<c>ReleaseBaselineManifest</c>) needs a
/// <c>PenetrationTestReport</c> newer than that baseline. New doors, as the build can see them: an outbound host in the
/// shipped <c>appsettings*.json</c> the baseline's RP5009 record does not list, and a package matching
/// <c>ReleaseClientSdkPackage</c> (wildcards) the baseline did not depend on. The gate records the hosts and client
/// packages it saw as its evidence (<c>host:…</c>, <c>package:…</c>), which is what the next release compares against.
/// Public API growth: members in the built assemblies' public surface that the baseline manifest's <c>publicApi</c> does
/// not list (a baseline without <c>publicApi</c> compares none, and the gate says so).
/// </summary>
public static class IntegrationExpansionGate
{
    private static readonly Regex Url = new(@"https?://[A-Za-z0-9.-]+", RegexOptions.CultureInvariant);

    /// <returns>The gate, or null when there is nothing to record and no baseline.</returns>
    public static GateResult? Check(
        string projectDirectory,
        ReleaseManifest? baseline,
        DateTimeOffset? baselineTime,
        IReadOnlyList<ResolvedPackage> dependencies,
        IReadOnlyList<string> clientSdkPatterns,
        IReadOnlyList<PenetrationTestReportItem> reports,
        string? projectFile,
        ICollection<PolicyFinding> findings,
        IReadOnlyList<PublicApiAssembly>? publicApi = null)
    {
        var hosts = OutboundHosts(projectDirectory);
        var patterns = clientSdkPatterns.Select(Wildcard).ToList();
        var clientPackages = dependencies.Where(p => patterns.Any(r => r.IsMatch(p.Id))).Select(p => p.Id).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.OrdinalIgnoreCase).ToList();
        var evidence = hosts.Select(h => "host:" + h).Concat(clientPackages.Select(p => "package:" + p)).ToList();
        if (baseline is null)
        {
            return evidence.Count == 0
                ? null
                : new GateResult(RuleIds.IntegrationExpansionWithoutPenTest, GateStatus.Pass, "No ReleaseBaselineManifest to compare with; the outbound hosts and client packages are recorded for the next release.", evidence);
        }

        var before = baseline.Gates?.Gates.FirstOrDefault(g => g.Id == RuleIds.IntegrationExpansionWithoutPenTest)?.Evidence;
        var newDoors = new List<string>();
        if (before is not null)
        {
            newDoors.AddRange(hosts.Where(h => !before.Contains("host:" + h, StringComparer.OrdinalIgnoreCase)).Select(h => $"new outbound host '{h}' in the shipped configuration"));
        }

        var baselineIds = new HashSet<string>(baseline.Dependencies.Select(d => d.Id), StringComparer.OrdinalIgnoreCase);
        newDoors.AddRange(dependencies.Where(p => patterns.Any(r => r.IsMatch(p.Id)) && !baselineIds.Contains(p.Id))
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(g => $"new client SDK package '{g.Key} {g.First().Version}'"));
        var apiCompared = baseline.PublicApi is not null && publicApi is not null;
        if (apiCompared)
        {
            var added = ReleaseChanges.ComparePublicApi(baseline.PublicApi!, publicApi!).Added;
            if (added.Count > 0)
            {
                var examples = string.Join(", ", added.Take(3).Select(m => "'" + m + "'"));
                newDoors.Add($"{added.Count} public API member(s) added, e.g. {examples}");
            }
        }

        if (newDoors.Count == 0)
        {
            var scope = apiCompared
                ? "No new outbound host, client SDK package or public API since the baseline."
                : "No new outbound host or client SDK package since the baseline (public API not compared: " +
                  (baseline.PublicApi is null ? "the baseline manifest has no publicApi)." : "this build recorded none).");
            return new GateResult(RuleIds.IntegrationExpansionWithoutPenTest, GateStatus.Pass, scope, evidence);
        }

        var newest = reports.Select(r => ReportTime(r, projectFile, findings)).Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty().Max();
        if (reports.Count > 0 && baselineTime is { } since && newest > since)
        {
            return new GateResult(RuleIds.IntegrationExpansionWithoutPenTest, GateStatus.Pass, $"New integrations since the baseline ({string.Join("; ", newDoors)}) are covered by a penetration test report of {ReleaseClock.Format(newest)}.", evidence);
        }

        var sinceText = baselineTime is { } t ? ReleaseClock.Format(t) : "the baseline";
        var message = $"The release adds integrations since the baseline ({string.Join("; ", newDoors)}) without a penetration test report newer than {sinceText}. " +
            "Have it tested and add the report: <PenetrationTestReport Include=\"docs/security/pentest.pdf\" Date=\"2026-12-01T00:00:00Z\" />.";
        findings.Add(new PolicyFinding(RuleIds.IntegrationExpansionWithoutPenTest, FindingKind.Policy, message, projectFile));
        return new GateResult(RuleIds.IntegrationExpansionWithoutPenTest, GateStatus.Fail, message, evidence);
    }

    /// <summary>The hosts of http(s) URLs in the appsettings files that ship (not Development), documentation names left out.</summary>
    internal static IReadOnlyList<string> OutboundHosts(string projectDirectory)
    {
        if (!Directory.Exists(projectDirectory))
        {
            return Array.Empty<string>();
        }

        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(projectDirectory, "appsettings*.json"))
        {
            var name = Path.GetFileName(file);
            if (name.Equals("appsettings.Development.json", StringComparison.OrdinalIgnoreCase) || name.Equals("appsettings.Local.json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A file that is no regular file or cannot be read is the configuration drift gate's RP9002 (it reads the same files).
            string text;
            try
            {
                text = IO.RegularFile.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                continue;
            }

            foreach (Match match in Url.Matches(text))
            {
                var host = match.Value.Substring(match.Value.IndexOf("//", StringComparison.Ordinal) + 2).TrimEnd('.').ToLowerInvariant();
                if (!IsDocumentationOrLocal(host))
                {
                    hosts.Add(host);
                }
            }
        }

        return hosts.ToList();
    }

    private static bool IsDocumentationOrLocal(string host) =>
        host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
        || host is "example.com" or "example.net" or "example.org"
        || host.EndsWith(".example.com", StringComparison.Ordinal) || host.EndsWith(".example.net", StringComparison.Ordinal) || host.EndsWith(".example.org", StringComparison.Ordinal)
        || host.EndsWith(".example", StringComparison.Ordinal) || host.EndsWith(".test", StringComparison.Ordinal) || host.EndsWith(".invalid", StringComparison.Ordinal)
        || Regex.IsMatch(host, @"^\d+\.\d+\.\d+\.\d+$");

    private static DateTimeOffset? ReportTime(PenetrationTestReportItem report, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (!File.Exists(report.Path))
        {
            findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"The PenetrationTestReport '{report.Path}' was not found. Check the path.", projectFile));
            return null;
        }

        if (report.Date is null)
        {
            return new DateTimeOffset(File.GetLastWriteTimeUtc(report.Path), TimeSpan.Zero);
        }

        if (ReleaseClock.TryParseInstant(report.Date, out var date)
            || DateTimeOffset.TryParseExact(report.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return date;
        }

        findings.Add(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"PenetrationTestReport '{report.Path}' has Date '{report.Date}'. Allowed: a date (2026-12-01) or {ReleaseClock.AllowedForm}.",
            projectFile));
        return null;
    }

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
