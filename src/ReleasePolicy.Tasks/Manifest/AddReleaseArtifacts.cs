using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;
using ReleasePolicy.Json;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Writes the sidecar <c>&lt;id&gt;.&lt;version&gt;.release.json</c> beside a .nupkg: the release manifest plus
/// <c>artifacts</c>, each file's path relative to the sidecar and its SHA-256, so CI can verify what it deploys.
/// </summary>
public sealed class AddReleaseArtifacts : ReleasePolicyTask
{
    /// <summary>The release manifest written by GenerateReleaseManifest.</summary>
    [Required]
    public string ManifestFile { get; set; } = string.Empty;

    /// <summary>The released files (the .nupkg, and .snupkg when there is one).</summary>
    public ITaskItem[] Artifacts { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Where to write the sidecar manifest; artifact paths are relative to its folder.</summary>
    [Required]
    [Output]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>$(ReleaseProvenanceEnabled): <c>true</c> adds an in-toto Statement with a SLSA provenance predicate (<c>provenance</c>).</summary>
    public string? ProvenanceEnabled { get; set; }

    /// <summary>Reads CI environment variables for the provenance's builder; replaced in tests.</summary>
    internal Func<string, string?> EnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    protected override string Activity => $"writing the release artifacts manifest '{OutputFile}'";

    protected override void ExecuteCore()
    {
        var outputPath = Path.GetFullPath(OutputFile);
        var outputDirectory = Path.GetDirectoryName(outputPath)!;
        var artifacts = new List<ReleaseArtifact>();
        var findings = new List<PolicyFinding>();
        foreach (var item in Artifacts)
        {
            var file = Path.GetFullPath(item.ItemSpec);
            if (!File.Exists(file))
            {
                findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    Directory.Exists(file)
                        ? $"The release artifact '{file}' is a folder, not a file, so it has no SHA-256 to record in '{outputPath}'. List the files in it (the .nupkg and .snupkg), not the folder."
                        : $"The release artifact '{file}' was not found, so its SHA-256 cannot be recorded in '{outputPath}'. " +
                    "Make sure it is produced before the release manifest (pack or publish ran) and that the path is right.",
                    file));
                continue;
            }

            try
            {
                artifacts.Add(ReleaseArtifact.FromFile(file, outputDirectory));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    $"The release artifact '{file}' cannot be read, so its SHA-256 cannot be recorded in '{outputPath}': {ex.Message} " +
                    "List only the files pack or publish produced (the .nupkg and .snupkg).",
                    file));
            }
        }

        if (!File.Exists(ManifestFile))
        {
            findings.Add(new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"The release manifest '{Path.GetFullPath(ManifestFile)}' was not found; it is written by the " +
                "GenerateReleaseManifest task, which must run first.",
                ManifestFile));
        }

        if (findings.Count > 0)
        {
            Report(findings);
            return;
        }

        using var manifest = JsonInputFile.TryParse(ManifestFile, "The release manifest", out var error);
        if (manifest is null || manifest.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            Report(error ?? new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"The release manifest '{ManifestFile}' is not a JSON object. Delete it and build again to regenerate it.",
                ManifestFile,
                line: 1,
                column: 1));
            return;
        }

        Action<System.Text.Json.Utf8JsonWriter>? provenance = null;
        if (string.Equals(ProvenanceEnabled?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            if (!ReleaseManifestReader.TryRead(ManifestFile, out var model, out var modelError))
            {
                Report(modelError!);
                return;
            }

            provenance = writer => SlsaProvenance.Write(writer, model!, artifacts, EnvironmentVariable);
        }

        var written = AtomicFile.WriteIfChanged(outputPath, ReleaseArtifactsWriter.ToBytes(manifest.RootElement, artifacts, provenance));
        Log.LogMessage(MessageImportance.Low, written ? "Release artifacts manifest written to '{0}'." : "Release artifacts manifest '{0}' is up to date.", outputPath);
        OutputFile = outputPath;
    }
}
