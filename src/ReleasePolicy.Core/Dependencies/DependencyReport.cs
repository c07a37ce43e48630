using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// <c>dependency-verification.json</c>: what the dependency check proved, for the release manifest. Per package its
/// signature, trust and advisories; the advisories with their suppressions; and the findings as the build reported them.
/// </summary>
public static class DependencyReport
{
    private const string Description = "The dependency verification report";

    public static byte[] Serialize(DependencyVerificationResult result, bool enforce, string projectDirectory)
    {
        return ManifestJsonFormat.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteStartArray("packages");
            foreach (var dependency in result.Dependencies)
            {
                var package = dependency.Verdict.Package;
                writer.WriteStartObject();
                writer.WriteString("id", package.Id);
                writer.WriteString("version", package.Version);
                writer.WriteBoolean("intact", dependency.Verdict.Intact);
                if (dependency.Verdict.Signature is { } signature)
                {
                    writer.WritePropertyName("signature");
                    PackageSignatureJson.Write(writer, signature);
                }
                else
                {
                    writer.WriteNull("signature");
                }

                writer.WriteBoolean("trusted", dependency.Trusted);
                writer.WriteString("trust", dependency.Trust);
                writer.WriteStartArray("vulnerabilities");
                foreach (var id in result.Vulnerabilities.Where(v => v.PackageId == package.Id && v.Version == package.Version).Select(v => v.AdvisoryId).Distinct())
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("vulnerabilities");
            foreach (var v in result.Vulnerabilities.OrderBy(v => v.PackageId, System.StringComparer.OrdinalIgnoreCase).ThenBy(v => v.AdvisoryId, System.StringComparer.Ordinal))
            {
                WriteVulnerability(writer, v);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("findings");
            using (var findings = JsonDocument.Parse(Manifest.ScriptFindingsReport.Serialize(result.Findings, enforce, projectDirectory)))
            {
                findings.RootElement.WriteTo(writer);
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteVulnerability(Utf8JsonWriter writer, VulnerabilityFinding v)
    {
        writer.WriteStartObject();
        writer.WriteString("id", v.AdvisoryId);
        writer.WriteString("package", v.PackageId);
        writer.WriteString("version", v.Version);
        writer.WriteString("severity", v.Severity.Name());
        if (v.FixedVersion is null)
        {
            writer.WriteNull("fixedVersion");
        }
        else
        {
            writer.WriteString("fixedVersion", v.FixedVersion);
        }

        writer.WriteString("source", v.Source);
        writer.WriteBoolean("suppressed", v.Suppression is not null);
        if (v.Suppression is { } suppression)
        {
            writer.WriteString("justification", suppression.Justification);
            writer.WriteString("expires", suppression.ExpiresText);
        }

        writer.WriteEndObject();
    }
}
