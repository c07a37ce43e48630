using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.IO;
using ReleasePolicy.Manifest;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Cli.Verify;

/// <summary>
/// What <c>release-policy verify</c> checks. For a .nupkg: the sidecar beside it records the package's SHA-256, and the
/// manifest inside the package says the same as the sidecar. For a manifest or sidecar: it is well formed, and every
/// artifact it lists is there with the recorded SHA-256. Every manifest read must conform to the JSON Schema
/// (<see cref="ManifestSchema"/>). Then the risk ceiling and the gates (<see cref="GateCheck"/>), when asked for.
/// </summary>
internal sealed class ReleaseVerification
{
    private ReleaseVerification(int exitCode, IReadOnlyList<string> passed, IReadOnlyList<string> failures)
    {
        ExitCode = exitCode;
        Passed = passed;
        Failures = failures;
    }

    public int ExitCode { get; }

    /// <summary>What held, one line each.</summary>
    public IReadOnlyList<string> Passed { get; }

    /// <summary>Every reason it failed, one line each.</summary>
    public IReadOnlyList<string> Failures { get; }

    public static ReleaseVerification Run(string path, string? maxRisk, TextWriter error, bool requireGates = false)
    {
        if (maxRisk is not null && RiskLevels.Rank(maxRisk) < 0)
        {
            error.WriteLine($"error: --max-risk is '{maxRisk}'. Allowed values: {string.Join(", ", RiskLevels.All)}.");
            return InputError();
        }

        var passed = new List<string>();
        var failures = new List<string>();
        ReleaseManifest? manifest;
        byte[]? manifestBytes = null;
        if (PackageManifestEntry.IsPackage(path))
        {
            manifest = VerifyPackage(path, passed, failures, error, out manifestBytes);
        }
        else
        {
            manifest = ManifestInput.Read(path, error);
            if (manifest is not null)
            {
                passed.Add($"'{path}' is a well-formed release manifest, schema version {ReleaseManifest.SchemaVersion}.");
                manifestBytes = File.ReadAllBytes(path);
                VerifySchema(manifestBytes, Path.GetFileName(path), passed, failures);
                VerifyArtifacts(manifest, Path.GetDirectoryName(Path.GetFullPath(path))!, passed, failures);
            }
        }

        if (manifest is null || manifestBytes is null)
        {
            return InputError();
        }

        if (maxRisk is not null)
        {
            if (manifest.Risk is not { } risk)
            {
                failures.Add($"The manifest records no risk assessment, so --max-risk {maxRisk} cannot be checked; pack with a ReleasePolicy.Sdk that assesses risk.");
            }
            else if (RiskLevels.Rank(risk.Level) > RiskLevels.Rank(maxRisk))
            {
                var factors = string.Join(", ", risk.Factors.Take(3).Select(f => $"{f.Id} ({f.Weight})"));
                failures.Add($"Release risk is {risk.Level} ({risk.Score}/100), above --max-risk {maxRisk.ToLowerInvariant()}: {factors}.");
            }
            else
            {
                passed.Add($"Release risk {risk.Level} ({risk.Score}/100) is within --max-risk {maxRisk.ToLowerInvariant()}.");
            }
        }

        if (requireGates)
        {
            using var document = JsonDocument.Parse(manifestBytes);
            GateCheck.Verify(document.RootElement, passed, failures);
        }

        return new ReleaseVerification(failures.Count == 0 ? ExitCodes.Pass : ExitCodes.PolicyFailure, passed, failures);
    }

    /// <summary>One line per schema violation, each with its JSON path; the reader already accepted the file, so the JSON parses.</summary>
    private static void VerifySchema(byte[] json, string name, List<string> passed, List<string> failures)
    {
        using var document = JsonDocument.Parse(json);
        var violations = ManifestSchema.Violations(document.RootElement);
        if (violations.Count == 0)
        {
            passed.Add($"'{name}' conforms to the release manifest JSON Schema.");
            return;
        }

        failures.AddRange(violations.Select(v => $"'{name}' does not conform to the release manifest JSON Schema at {v}."));
    }

    private static ReleaseManifest? VerifyPackage(string nupkg, List<string> passed, List<string> failures, TextWriter error, out byte[]? manifestBytes)
    {
        manifestBytes = null;
        if (!ManifestInput.IsFile(nupkg, error))
        {
            return null;
        }

        var bytes = PackageManifestEntry.TryRead(nupkg, out var packageError);
        if (bytes is null)
        {
            error.WriteLine($"error: {packageError!.Message}");
            return null;
        }

        var source = nupkg + "!" + PackageManifestEntry.EntryName;
        if (!ReleaseManifestReader.TryRead(bytes, source, out var embedded, out var embeddedError))
        {
            error.WriteLine($"error: {embeddedError!.Message}");
            return null;
        }

        passed.Add($"'{source}' is a well-formed release manifest, schema version {ReleaseManifest.SchemaVersion}.");
        manifestBytes = bytes;
        VerifySchema(bytes, Path.GetFileName(nupkg) + "!" + PackageManifestEntry.EntryName, passed, failures);
        var sidecarPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(nupkg))!, Path.GetFileNameWithoutExtension(nupkg) + ".release.json");
        if (!File.Exists(sidecarPath))
        {
            failures.Add($"The sidecar '{sidecarPath}' is missing, so nothing records the package's SHA-256. Keep the .release.json that pack wrote beside the .nupkg.");
            return embedded;
        }

        var sidecar = ManifestInput.Read(sidecarPath, error);
        if (sidecar is null)
        {
            return null;
        }

        VerifySchema(File.ReadAllBytes(sidecarPath), Path.GetFileName(sidecarPath), passed, failures);
        VerifyArtifacts(sidecar, Path.GetDirectoryName(sidecarPath)!, passed, failures, mustList: Path.GetFileName(nupkg));
        VerifyProvenance(sidecarPath, passed, failures);
        var sidecarManifest = sidecar.WithoutArtifacts();
        if (ReleaseManifestWriter.ToBytes(sidecarManifest).AsSpan().SequenceEqual(ReleaseManifestWriter.ToBytes(embedded!)))
        {
            passed.Add($"The manifest inside the package matches the sidecar '{Path.GetFileName(sidecarPath)}'.");
        }
        else
        {
            failures.Add($"The manifest inside the package differs from the sidecar '{sidecarPath}': one of them was changed after pack.");
        }

        return embedded;
    }

    /// <summary>The sidecar's in-toto statement, when it has one, names the released files with the hashes they have now.</summary>
    private static void VerifyProvenance(string sidecarPath, List<string> passed, List<string> failures)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(sidecarPath));
        if (!document.RootElement.TryGetProperty("provenance", out var provenance) || !provenance.TryGetProperty("subject", out var subjects) || subjects.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return;
        }

        var folder = Path.GetDirectoryName(sidecarPath)!;
        var before = failures.Count;
        foreach (var subject in subjects.EnumerateArray())
        {
            var name = subject.TryGetProperty("name", out var n) ? n.GetString() : null;
            var recorded = subject.TryGetProperty("digest", out var d) && d.TryGetProperty("sha256", out var h) ? h.GetString() : null;
            var file = name is null ? null : Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
            if (file is null || !File.Exists(file))
            {
                failures.Add($"The provenance statement's subject '{name}' is missing (looked for '{file}').");
            }
            else if (!string.Equals(ReleasePolicy.IO.Sha256Digest.OfFile(file), recorded, StringComparison.Ordinal))
            {
                failures.Add($"The provenance statement records SHA-256 {recorded} for '{name}', which the file no longer has: it was changed after pack.");
            }
        }

        if (failures.Count == before)
        {
            passed.Add($"The provenance statement in '{Path.GetFileName(sidecarPath)}' names the package with its SHA-256.");
        }
    }

    private static void VerifyArtifacts(ReleaseManifest manifest, string folder, List<string> passed, List<string> failures, string? mustList = null)
    {
        var artifacts = manifest.Artifacts ?? Array.Empty<ReleaseArtifact>();
        if (mustList is not null && !artifacts.Any(a => string.Equals(a.Path, mustList, StringComparison.Ordinal)))
        {
            failures.Add($"The sidecar lists no artifact '{mustList}', so the package's SHA-256 is not recorded.");
        }

        foreach (var artifact in artifacts)
        {
            var file = Path.Combine(folder, artifact.Path.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(file))
            {
                failures.Add($"The artifact '{artifact.Path}' is missing (looked for '{file}').");
                continue;
            }

            var actual = Sha256Digest.OfFile(file);
            if (string.Equals(actual, artifact.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                passed.Add($"'{artifact.Path}' has the recorded SHA-256 {artifact.Sha256}.");
            }
            else
            {
                failures.Add($"'{artifact.Path}' has SHA-256 {actual}, but the manifest records {artifact.Sha256}: the file was changed after pack.");
            }
        }
    }

    private static ReleaseVerification InputError() =>
        new(ExitCodes.UsageOrInputError, Array.Empty<string>(), Array.Empty<string>());
}
