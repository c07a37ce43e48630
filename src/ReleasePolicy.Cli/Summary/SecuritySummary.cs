using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Manifest;
using ReleasePolicy.NuGet;

namespace ReleasePolicy.Cli.Summary;

/// <summary>
/// What security needs to sign the release off: the dependencies and how far they are trusted (unsigned, untrusted,
/// not verified), the known vulnerabilities including the suppressed ones and why, and leaked internal identifiers
/// (RP3xxx findings). Without a dependency check in the manifest, trust and vulnerabilities are said to be unknown.
/// </summary>
internal static class SecuritySummary
{
    private const string Unsigned = "unsigned";
    private const string Untrusted = "untrusted";
    private const string Unknown = "unknown";

    public static SummarySection Section(ReleaseManifest manifest)
    {
        var direct = manifest.Dependencies.Where(d => d.Direct).ToList();
        var section = new SummarySection("Security", $"{manifest.Dependencies.Count} package dependencies ({direct.Count} direct); data sensitivity {manifest.Release.DataSensitivity}");
        if (direct.Count > 0)
        {
            section.Add(null).WithTable(new[] { "Direct dependency", "Version" }, direct.Select(d => new[] { d.Id, d.Version }).ToList());
        }

        if (manifest.DependencyVerification is not { } verification)
        {
            section.Add("Signatures and vulnerabilities", "not checked (the manifest records no dependency check)");
        }
        else
        {
            var trust = Trust(manifest, verification);
            var signatures = section.Add("Signatures", TrustCounts(trust));
            foreach (var (package, record) in trust.Where(t => t.Record.Trust != "trusted"))
            {
                signatures.Item($"{package.Id} {package.Version}", Describe(record));
            }

            var vulnerabilities = verification.Vulnerabilities;
            var known = section.Add(
                "Vulnerabilities",
                vulnerabilities.Count == 0 ? "none known" : $"{vulnerabilities.Count} known, {vulnerabilities.Count(v => v.Suppressed)} of them suppressed");
            foreach (var v in vulnerabilities)
            {
                known.Item(v.Id, Describe(v));
            }
        }

        if (manifest.Findings is { } findings)
        {
            var leaks = Leaks(findings);
            var part = section.Add("Leaked identifiers (RP3xxx)", leaks.Count == 0 ? "none recorded" : $"{leaks.Count} finding(s)");
            foreach (var finding in leaks)
            {
                part.Item(finding.Rule, $"{finding.Severity}: {finding.Message}{SummaryWriter.Where(finding)}");
            }
        }

        return section;
    }

    public static void Json(Utf8JsonWriter json, ReleaseManifest manifest)
    {
        json.WriteStartObject("security");
        json.WriteNumber("dependencies", manifest.Dependencies.Count);
        json.WriteNumber("direct", manifest.Dependencies.Count(d => d.Direct));
        if (manifest.DependencyVerification is { } verification)
        {
            var trust = Trust(manifest, verification);
            json.WriteStartObject("signatures");
            json.WriteNumber("trusted", trust.Count(t => t.Record.Trust == "trusted"));
            json.WriteNumber(Unsigned, trust.Count(t => t.Record.Trust == Unsigned));
            json.WriteNumber(Untrusted, trust.Count(t => t.Record.Trust == Untrusted));
            json.WriteNumber(Unknown, trust.Count(t => t.Record.Trust == Unknown));
            json.WriteStartArray("packages");
            foreach (var (package, record) in trust.Where(t => t.Record.Trust != "trusted"))
            {
                json.WriteStartObject();
                json.WriteString("id", package.Id);
                json.WriteString("version", package.Version);
                json.WriteString("trust", record.Trust);
                if (record.Signature is { } signature)
                {
                    json.WriteString("signer", signature.SignerSubject);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartArray("vulnerabilities");
            foreach (var v in verification.Vulnerabilities)
            {
                json.WriteStartObject();
                json.WriteString("id", v.Id);
                json.WriteString("package", v.Package);
                json.WriteString("version", v.Version);
                json.WriteString("severity", v.Severity);
                if (v.FixedVersion is { } fixedVersion)
                {
                    json.WriteString("fixedVersion", fixedVersion);
                }

                json.WriteBoolean("suppressed", v.Suppressed);
                if (v.Suppressed)
                {
                    json.WriteString("justification", v.Justification);
                    if (v.Expires is { } expires)
                    {
                        json.WriteString("expires", expires);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (manifest.Findings is { } findings)
        {
            json.WriteStartArray("leaks");
            foreach (var finding in Leaks(findings))
            {
                SummaryWriter.WriteFinding(json, finding);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Each dependency the dependency check recorded, in the manifest's order.</summary>
    private static List<(ResolvedPackage Package, ManifestDependencyTrust Record)> Trust(ReleaseManifest manifest, DependencyVerificationSummary verification) =>
        manifest.Dependencies
            .Select(d => (Package: d, Record: verification.For(d.Id, d.Version)))
            .Where(t => t.Record is not null)
            .Select(t => (t.Package, t.Record!))
            .ToList();

    private static string TrustCounts(List<(ResolvedPackage Package, ManifestDependencyTrust Record)> trust)
    {
        int Count(string value) => trust.Count(t => t.Record.Trust == value);
        var text = $"{Count("trusted")} trusted, {Count(Unsigned)} unsigned, {Count(Untrusted)} untrusted";
        return Count(Unknown) > 0 ? text + $", {Count(Unknown)} not verified" : text;
    }

    private static string Describe(ManifestDependencyTrust record) => record.Trust switch
    {
        Unsigned => "unsigned, and the trust policy does not allow it",
        Untrusted => record.Signature is { } signature ? $"untrusted: signed by {signature.SignerSubject}, whom the trust policy does not name" : "untrusted",
        Unknown => "not verified: its content did not match its hash or signature, or it could not be read",
        _ => record.Trust,
    };

    private static string Describe(ManifestVulnerability v)
    {
        var text = $"{v.Severity} in {v.Package} {v.Version}";
        if (v.FixedVersion is { } fixedVersion)
        {
            text += $"; fixed in {fixedVersion}";
        }

        if (v.Suppressed)
        {
            text += $"; suppressed: {v.Justification}" + (v.Expires is { } expires ? $" (until {expires})" : string.Empty);
        }

        return text;
    }

    private static List<ReleaseFinding> Leaks(IReadOnlyList<ReleaseFinding> findings) =>
        findings.Where(f => f.Rule.StartsWith("RP3", System.StringComparison.Ordinal)).ToList();
}
