using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Dependencies;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;

namespace ReleasePolicy.Manifest;

/// <summary>What the dependency check proved about one package, as the manifest's dependency entry adds it.</summary>
public sealed class ManifestDependencyTrust
{
    public ManifestDependencyTrust(PackageSignature? signature, bool trusted, string trust, IReadOnlyList<string> vulnerabilities)
    {
        Signature = signature;
        Trusted = trusted;
        Trust = trust;
        Vulnerabilities = vulnerabilities;
    }

    /// <summary>Null for an unsigned package (written as <c>{ "type": "none" }</c>).</summary>
    public PackageSignature? Signature { get; }

    public bool Trusted { get; }

    /// <summary><c>trusted</c>, <c>untrusted</c>, <c>unsigned</c> (and not allowed) or <c>unknown</c> (not verified: tampered or unreadable).</summary>
    public string Trust { get; }

    /// <summary>Ids of the advisories that affect this version.</summary>
    public IReadOnlyList<string> Vulnerabilities { get; }
}

/// <summary>One entry of the manifest's top-level <c>vulnerabilities</c>.</summary>
public sealed class ManifestVulnerability
{
    public ManifestVulnerability(string id, string package, string version, string severity, string? fixedVersion, string? source, string? justification, string? expires)
    {
        Id = id;
        Package = package;
        Version = version;
        Severity = severity;
        FixedVersion = fixedVersion;
        Source = source;
        Justification = justification;
        Expires = expires;
    }

    public string Id { get; }

    public string Package { get; }

    public string Version { get; }

    /// <summary><c>low</c>, <c>moderate</c>, <c>high</c>, <c>critical</c> or <c>unknown</c>.</summary>
    public string Severity { get; }

    public string? FixedVersion { get; }

    /// <summary><c>osv</c> or <c>nuget-audit</c>.</summary>
    public string? Source { get; }

    /// <summary>Set when a valid suppression recorded it instead of failing the release.</summary>
    public string? Justification { get; }

    public string? Expires { get; }

    public bool Suppressed => Justification is not null;
}

/// <summary>
/// The dependency check's report (<c>dependency-verification.json</c>) as the manifest uses it: trust per package,
/// the advisories, and the findings, which join the manifest's <c>findings</c>.
/// </summary>
public sealed class DependencyVerificationSummary
{
    private const string Description = "The dependency verification report";

    public DependencyVerificationSummary(IReadOnlyDictionary<string, ManifestDependencyTrust> packages, IReadOnlyList<ManifestVulnerability> vulnerabilities, IReadOnlyList<ReleaseFinding> findings)
    {
        Packages = packages;
        Vulnerabilities = vulnerabilities;
        Findings = findings;
    }

    /// <summary>By "id/version", ignoring case.</summary>
    public IReadOnlyDictionary<string, ManifestDependencyTrust> Packages { get; }

    public IReadOnlyList<ManifestVulnerability> Vulnerabilities { get; }

    public IReadOnlyList<ReleaseFinding> Findings { get; }

    public ManifestDependencyTrust? For(string id, string version) => Packages.TryGetValue(id + "/" + version, out var trust) ? trust : null;

    /// <returns><c>true</c> with the summary (null when there is no file); <c>false</c> with RP9002.</returns>
    public static bool TryRead(string? path, out DependencyVerificationSummary? summary, out PolicyFinding? error)
    {
        summary = null;
        error = null;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return true;
        }

        using var document = JsonInputFile.TryParse(path!, Description, out error);
        if (document is null)
        {
            return false;
        }

        try
        {
            var root = document.RootElement;
            JsonFields.RequireObject(root, "$");
            var packages = new Dictionary<string, ManifestDependencyTrust>(StringComparer.OrdinalIgnoreCase);
            foreach (var (item, itemPath) in JsonFields.Array(root, "packages", "$", out _))
            {
                JsonFields.RequireObject(item, itemPath);
                packages[JsonFields.String(item, "id", itemPath) + "/" + JsonFields.String(item, "version", itemPath)] = ReadTrust(item, itemPath, fromReport: true);
            }

            var findings = new List<ReleaseFinding>();
            foreach (var (item, itemPath) in JsonFields.Array(root, "findings", "$", out _))
            {
                JsonFields.RequireObject(item, itemPath);
                var location = JsonFields.Object(item, "location", itemPath) is { } l
                    ? new SourceLocation(JsonFields.String(l, "path", itemPath + ".location"), JsonFields.OptionalInt(l, "line", itemPath + ".location") ?? 0)
                    : null;
                findings.Add(new ReleaseFinding(JsonFields.String(item, "rule", itemPath), JsonFields.String(item, "severity", itemPath), JsonFields.String(item, "message", itemPath), location));
            }

            summary = new DependencyVerificationSummary(packages, ReadVulnerabilities(root), findings);
            return true;
        }
        catch (InvalidManifestDataException ex)
        {
            error = new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"{Description} '{path}' cannot be used: {ex.Message} Delete it and build again.", path);
            return false;
        }
    }

    /// <summary>A dependency entry's <c>signature</c>, <c>trusted</c>, <c>trust</c> and <c>vulnerabilities</c>; null when the manifest has none.</summary>
    internal static ManifestDependencyTrust? ReadDependency(JsonElement item, string path) =>
        item.TryGetProperty("trusted", out _) || item.TryGetProperty("signature", out _) ? ReadTrust(item, path, fromReport: false) : null;

    internal static IReadOnlyList<ManifestVulnerability> ReadVulnerabilities(JsonElement root)
    {
        var list = new List<ManifestVulnerability>();
        foreach (var (item, path) in JsonFields.Array(root, "vulnerabilities", "$", out _))
        {
            JsonFields.RequireObject(item, path);
            string? justification = null;
            string? expires = null;
            if (item.TryGetProperty("suppressed", out var suppressed))
            {
                if (suppressed.ValueKind == JsonValueKind.Object)
                {
                    justification = JsonFields.OptionalString(suppressed, "justification", path + ".suppressed");
                    expires = JsonFields.OptionalString(suppressed, "expires", path + ".suppressed");
                }
                else if (suppressed.ValueKind == JsonValueKind.True)
                {
                    justification = JsonFields.OptionalString(item, "justification", path);
                    expires = JsonFields.OptionalString(item, "expires", path);
                }
            }

            list.Add(new ManifestVulnerability(
                JsonFields.String(item, "id", path),
                JsonFields.String(item, "package", path),
                JsonFields.String(item, "version", path),
                JsonFields.String(item, "severity", path),
                JsonFields.OptionalString(item, "fixedVersion", path),
                JsonFields.OptionalString(item, "source", path),
                justification,
                expires));
        }

        return list;
    }

    private static ManifestDependencyTrust ReadTrust(JsonElement item, string path, bool fromReport)
    {
        var signature = item.TryGetProperty("signature", out var s) ? PackageSignatureJson.Read(s) : null;
        var trusted = JsonFields.Boolean(item, "trusted", path);
        var intact = !fromReport || JsonFields.Boolean(item, "intact", path, absent: true);
        var trust = fromReport
            ? (!intact ? "unknown" : trusted ? "trusted" : signature is null ? "unsigned" : "untrusted")
            : JsonFields.OptionalString(item, "trust", path) ?? (trusted ? "trusted" : "unknown");
        var vulnerabilities = JsonFields.Array(item, "vulnerabilities", path, out _).Select(v => v.Item.ValueKind == JsonValueKind.String ? v.Item.GetString()! : string.Empty).Where(v => v.Length > 0).ToList();
        return new ManifestDependencyTrust(signature, trusted, trust, vulnerabilities);
    }

    internal static void WriteDependency(Utf8JsonWriter writer, ManifestDependencyTrust trust)
    {
        writer.WritePropertyName("signature");
        if (trust.Signature is { } signature)
        {
            PackageSignatureJson.Write(writer, signature);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("type", "none");
            writer.WriteEndObject();
        }

        writer.WriteBoolean("trusted", trust.Trusted);
        writer.WriteString("trust", trust.Trust);
        writer.WriteStartArray("vulnerabilities");
        foreach (var id in trust.Vulnerabilities)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }

    internal static void WriteVulnerabilities(Utf8JsonWriter writer, IReadOnlyList<ManifestVulnerability> vulnerabilities)
    {
        writer.WriteStartArray("vulnerabilities");
        foreach (var v in vulnerabilities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", v.Id);
            writer.WriteString("package", v.Package);
            writer.WriteString("version", v.Version);
            writer.WriteString("severity", v.Severity);
            if (v.FixedVersion is not null)
            {
                writer.WriteString("fixedVersion", v.FixedVersion);
            }

            if (v.Source is not null)
            {
                writer.WriteString("source", v.Source);
            }

            if (v.Suppressed)
            {
                writer.WriteStartObject("suppressed");
                writer.WriteString("justification", v.Justification);
                if (v.Expires is not null)
                {
                    writer.WriteString("expires", v.Expires);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
