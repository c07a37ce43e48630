using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ReleasePolicy.Manifest;

/// <summary>
/// The sidecar's <c>provenance</c> (with <c>ReleaseProvenanceEnabled=true</c>): an in-toto Statement v1 whose subject
/// is the package file and its SHA-256, with a SLSA provenance v1 predicate built only from facts the manifest already
/// records — the source repository and commit, the build's configuration, SDK and target frameworks, every resolved
/// package with its hash, the CI run — and the builder the CI environment names. Nothing comes from the clock, so the
/// same commit gives the same bytes. It is a statement, not a signature: sign it (Sigstore, <c>cosign attest</c>) in CI
/// to make it an attestation. See docs/provenance.md.
/// </summary>
public static class SlsaProvenance
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";
    public const string BuildType = "https://github.com/releasepolicy/releasepolicy/blob/main/docs/provenance.md#dotnet-pack-v1";

    /// <summary>The builder id when no CI system is detected: a developer machine, said plainly.</summary>
    public const string LocalBuilder = "https://github.com/releasepolicy/releasepolicy/blob/main/docs/provenance.md#local-build";

    /// <param name="manifest">The release manifest the sidecar carries.</param>
    /// <param name="subjects">The released files (their path relative to the sidecar, and SHA-256).</param>
    /// <param name="variable">Reads an environment variable, for the CI builder.</param>
    public static void Write(Utf8JsonWriter writer, ReleaseManifest manifest, IReadOnlyList<ReleaseArtifact> subjects, Func<string, string?> variable)
    {
        writer.WriteStartObject("provenance");
        writer.WriteString("_type", StatementType);
        writer.WriteStartArray("subject");
        foreach (var subject in subjects.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("name", subject.Path);
            writer.WriteStartObject("digest");
            writer.WriteString("sha256", subject.Sha256);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("predicateType", PredicateType);
        writer.WriteStartObject("predicate");

        writer.WriteStartObject("buildDefinition");
        writer.WriteString("buildType", BuildType);
        writer.WriteStartObject("externalParameters");
        var repository = manifest.Package.Repository;
        if (repository.Url is { } url)
        {
            writer.WriteString("source", SourceUri(url, repository.Branch));
        }

        Optional(writer, "packageId", manifest.Package.Id);
        Optional(writer, "packageVersion", manifest.Package.Version);
        Optional(writer, "configuration", manifest.Build.Configuration);
        writer.WriteEndObject();
        writer.WriteStartObject("internalParameters");
        Optional(writer, "sdkVersion", manifest.Build.SdkVersion);
        writer.WriteStartArray("targetFrameworks");
        foreach (var framework in manifest.Build.TargetFrameworks)
        {
            writer.WriteStringValue(framework);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("resolvedDependencies");
        if (repository.Url is { } sourceUrl && repository.Commit is { } commit)
        {
            writer.WriteStartObject();
            writer.WriteString("uri", SourceUri(sourceUrl, repository.Branch));
            writer.WriteStartObject("digest");
            writer.WriteString("gitCommit", commit);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        foreach (var package in manifest.Dependencies)
        {
            writer.WriteStartObject();
            writer.WriteString("uri", $"pkg:nuget/{package.Id}@{package.Version}");
            if (Hex(package.Sha512) is { } sha512)
            {
                writer.WriteStartObject("digest");
                writer.WriteString("sha512", sha512);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("runDetails");
        writer.WriteStartObject("builder");
        writer.WriteString("id", BuilderId(variable));
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        Optional(writer, "invocationId", manifest.Build.CiRun);
        if (manifest.Build.Timestamp is { } timestamp)
        {
            // SOURCE_DATE_EPOCH, never the clock: the same commit gives the same statement.
            writer.WriteString("startedOn", SourceDateEpoch.Format(timestamp));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The CI platform that ran the build, from its documented variables; a plain "local build" otherwise.</summary>
    public static string BuilderId(Func<string, string?> variable)
    {
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;
        if (Get("GITHUB_ACTIONS") == "true" || Get("GITHUB_RUN_ID") is not null)
        {
            var server = (Get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/');
            return $"{server}/actions/runner/{Get("RUNNER_ENVIRONMENT") ?? "github-hosted"}";
        }

        if (Get("TF_BUILD") is not null || Get("SYSTEM_COLLECTIONURI") is not null)
        {
            return (Get("SYSTEM_COLLECTIONURI") ?? "https://dev.azure.com/").TrimEnd('/') + "/_settings/agentpools";
        }

        if (Get("GITLAB_CI") is not null || Get("CI_SERVER_URL") is not null)
        {
            return (Get("CI_SERVER_URL") ?? "https://gitlab.com").TrimEnd('/') + "/gitlab-runner";
        }

        return LocalBuilder;
    }

    private static string SourceUri(string url, string? branch) =>
        "git+" + url + (branch is null ? string.Empty : "@refs/heads/" + branch);

    /// <summary>NuGet writes SHA-512 as base64; in-toto digests are lowercase hex.</summary>
    private static string? Hex(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        try
        {
            return string.Concat(Convert.FromBase64String(base64).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
