using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReleasePolicy.Manifest;
using ReleasePolicy.Rules;

namespace ReleasePolicy.Cli.Sarif;

/// <summary>
/// <c>release-policy summary --format sarif</c>: the manifest's <c>findings</c> as one SARIF 2.1.0 run, so that code
/// scanning (GitHub's upload-sarif, Azure DevOps, any SARIF viewer) shows them on the lines they name. Rules come from
/// the catalogue (title, category, help link to docs/rules); locations relative to the repository root, as the manifest
/// records them when the project was built in a git work tree. A manifest that records them relative to the project
/// (built outside a repository, or by an older ReleasePolicy) gets the repository-relative folder from <c>--project-path</c>.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <param name="projectPath">
    /// <c>--project-path</c>: the project's folder relative to the repository root, for a manifest whose findings are
    /// relative to the project; ignored when the manifest records <c>package.repository.projectPath</c>.
    /// </param>
    public static void Write(TextWriter output, ReleaseManifest manifest, string? projectPath)
    {
        var findings = manifest.Findings ?? Array.Empty<ReleaseFinding>();
        var ruleIds = findings.Select(f => f.Rule).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var prefix = manifest.Package.Repository.ProjectPath is null ? projectPath : null;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, ruleIds);
            WriteProvenance(json, manifest);
            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(json, finding, ruleIds.IndexOf(finding.Rule), prefix);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    /// <summary>SARIF's levels: error, warning, note (the manifest's info), none (a hidden rule's default).</summary>
    public static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "hidden" => "none",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<string> ruleIds)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "ReleasePolicy");
        json.WriteString("informationUri", "https://github.com/releasepolicy/releasepolicy");
        var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (version is not null)
        {
            json.WriteString("semanticVersion", version.Split('+')[0]);
        }

        json.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            var rule = RuleCatalogue.Find(id);
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule?.Title ?? id);
            json.WriteEndObject();
            json.WriteString("helpUri", rule?.HelpLink ?? RuleHelpLink.For(id));
            if (rule is not null)
            {
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity.Name.ToLowerInvariant()));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.Category);
                json.WriteStartArray("tags");
                json.WriteStringValue(rule.Category);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter json, ReleaseManifest manifest)
    {
        var repository = manifest.Package.Repository;
        if (repository.Url is null)
        {
            return;
        }

        json.WriteStartArray("versionControlProvenance");
        json.WriteStartObject();
        json.WriteString("repositoryUri", repository.Url);
        if (repository.Commit is not null)
        {
            json.WriteString("revisionId", repository.Commit);
        }

        if (repository.Branch is not null)
        {
            json.WriteString("branch", repository.Branch);
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, ReleaseFinding finding, int ruleIndex, string? prefix)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message.Length > 0 ? finding.Message : finding.Rule);
        json.WriteEndObject();
        if (finding.Location is { } location)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            if (Path.IsPathRooted(location.Path))
            {
                json.WriteString("uri", new Uri(location.Path).AbsoluteUri);
            }
            else
            {
                var path = prefix is null ? location.Path.Replace('\\', '/') : FindingLocations.Join(prefix, location.Path);
                json.WriteString("uri", string.Join("/", path.Split('/').Select(Uri.EscapeDataString)));
                json.WriteString("uriBaseId", "%SRCROOT%");
            }

            json.WriteEndObject();
            if (location.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", location.Line);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
