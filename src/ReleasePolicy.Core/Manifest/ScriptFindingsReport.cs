using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;
using ReleasePolicy.Json;

namespace ReleasePolicy.Manifest;

/// <summary>
/// The findings of the SQL script check (RP1010-RP1013) as the build reported them, written beside the migrations
/// report so the manifest's <c>findings</c> list task rules as it lists analyzer rules. A JSON array of
/// <c>{ "rule", "severity", "message", "location"? }</c>, paths relative to the project (the manifest makes them relative
/// to the repository: <see cref="FindingLocations"/>).
/// </summary>
public static class ScriptFindingsReport
{
    private const string Description = "The script findings report";

    /// <summary>Policy and information findings; input errors (RP9xxx) fail the build and are not release facts.</summary>
    public static byte[] Serialize(IEnumerable<PolicyFinding> findings, bool enforce, string projectDirectory)
    {
        var paths = new ProjectPath(projectDirectory);
        var listed = new List<ReleaseFinding>();
        foreach (var finding in findings)
        {
            var severity = finding.Kind switch
            {
                FindingKind.Policy => enforce ? "error" : "warning",
                FindingKind.Warning => "warning",
                FindingKind.Information => "info",
                _ => null,
            };
            if (severity is not null)
            {
                var location = finding.File is null ? null : new SourceLocation(paths.Relative(Path.GetFullPath(finding.File)), finding.Line);
                listed.Add(new ReleaseFinding(finding.RuleId, severity, finding.Message, location));
            }
        }

        listed.Sort(ReleaseFinding.Compare);
        return ManifestJsonFormat.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var finding in listed)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", finding.Rule);
                writer.WriteString("severity", finding.Severity);
                writer.WriteString("message", finding.Message);
                if (finding.Location is { } location)
                {
                    writer.WriteStartObject("location");
                    writer.WriteString("path", location.Path);
                    if (location.Line > 0)
                    {
                        writer.WriteNumber("line", location.Line);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <returns><c>true</c> with the findings (null when there is no file); <c>false</c> with RP9002 when it is not such an array.</returns>
    public static bool TryRead(string? path, out IReadOnlyList<ReleaseFinding>? findings, out PolicyFinding? error)
    {
        findings = null;
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

        var list = new List<ReleaseFinding>();
        if (document.RootElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && String(item, "rule") is { } rule && String(item, "severity") is { } severity && String(item, "message") is { } message)
                {
                    SourceLocation? location = null;
                    if (item.TryGetProperty("location", out var at) && String(at, "path") is { } atPath)
                    {
                        location = new SourceLocation(atPath, at.TryGetProperty("line", out var line) && line.TryGetInt32(out var number) ? number : 0);
                    }

                    list.Add(new ReleaseFinding(rule, severity, message, location));
                    continue;
                }

                error = Invalid(path!);
                return false;
            }

            findings = list;
            return true;
        }

        error = Invalid(path!);
        return false;
    }

    private static PolicyFinding Invalid(string path) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"{Description} '{path}' is not a JSON array of findings. Delete it and build again to regenerate it.",
        path,
        line: 1,
        column: 1);

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
