using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// One NuGetAudit warning restore wrote into <c>project.assets.json</c> <c>logs</c> (NU1901 low, NU1902 moderate,
/// NU1903 high, NU1904 critical), read so that a build that ran restore online keeps its findings in the release.
/// </summary>
public sealed class AuditLogEntry
{
    private static readonly Regex UrlPattern = new(@"https?://\S+", RegexOptions.CultureInvariant);
    private static readonly Regex PackageAndVersion = new(@"^Package '(?<id>[^']+)' (?<version>\S+) ", RegexOptions.CultureInvariant);

    public AuditLogEntry(string code, string packageId, string version, VulnerabilitySeverity severity, string? advisoryUrl)
    {
        Code = code;
        PackageId = packageId;
        Version = version;
        Severity = severity;
        AdvisoryUrl = advisoryUrl;
    }

    public string Code { get; }

    public string PackageId { get; }

    public string Version { get; }

    public VulnerabilitySeverity Severity { get; }

    public string? AdvisoryUrl { get; }

    /// <summary>The advisory id NuGet links to (GHSA-xxxx-xxxx-xxxx), else the URL itself.</summary>
    public string AdvisoryId
    {
        get
        {
            if (AdvisoryUrl is null)
            {
                return Code;
            }

            var slash = AdvisoryUrl.TrimEnd('/').LastIndexOf('/');
            return slash >= 0 ? AdvisoryUrl.Substring(slash + 1).TrimEnd('/') : AdvisoryUrl;
        }
    }

    internal static IReadOnlyList<AuditLogEntry> ReadAll(JsonElement root)
    {
        var entries = new List<AuditLogEntry>();
        if (!root.TryGetProperty("logs", out var logs) || logs.ValueKind != JsonValueKind.Array)
        {
            return entries;
        }

        foreach (var log in logs.EnumerateArray())
        {
            if (log.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var code = PackageAssets.StringProperty(log, "code");
            var severity = code switch
            {
                "NU1901" => VulnerabilitySeverity.Low,
                "NU1902" => VulnerabilitySeverity.Moderate,
                "NU1903" => VulnerabilitySeverity.High,
                "NU1904" => VulnerabilitySeverity.Critical,
                _ => VulnerabilitySeverity.Unknown,
            };
            var message = PackageAssets.StringProperty(log, "message") ?? string.Empty;
            var match = PackageAndVersion.Match(message);
            var id = PackageAssets.StringProperty(log, "libraryId") ?? (match.Success ? match.Groups["id"].Value : null);
            if (severity == VulnerabilitySeverity.Unknown || id is null || !match.Success)
            {
                continue;
            }

            var url = UrlPattern.Match(message);
            entries.Add(new AuditLogEntry(code!, id, match.Groups["version"].Value, severity, url.Success ? url.Value.TrimEnd('.', ',') : null));
        }

        return entries;
    }
}
