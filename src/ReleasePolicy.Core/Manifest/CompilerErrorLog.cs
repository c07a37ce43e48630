using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;
using ReleasePolicy.Json;

namespace ReleasePolicy.Manifest;

/// <summary>
/// What the analyzers found, read back from the C# compiler's error log (SARIF 2.1, or 1.0 when a project set
/// <c>ErrorLog</c> without a version): the code migrations from RP1000's properties and the RP1001-RP1007 findings.
/// Analyzers cannot write files, so this is how their knowledge reaches the release manifest.
/// </summary>
public sealed class CompilerErrorLog
{
    private const string Description = "The compiler error log";
    private const string MigrationInventoryRule = "RP1000";

    /// <summary>The analyzer rules whose findings the manifest records; in-source suppressions leave a finding out.</summary>
    private static readonly HashSet<string> RecordedRules = new(StringComparer.Ordinal)
    {
        "RP1001", "RP1002", "RP1003", "RP1004", "RP1005", "RP1006", "RP1007",
    };

    private static readonly HashSet<string> MigrationKinds = new(StringComparer.Ordinal) { "efcore", "fluentmigrator" };

    private static readonly HashSet<string> MigrationStatuses = new(StringComparer.Ordinal)
    {
        "reversible", "missing-rollback", "empty-rollback", "incomplete-rollback", "forward-only",
    };

    // MSBuild's ErrorLog property carries the format after the path: "obj/x.sarif,version=2.1".
    private static readonly Regex VersionSuffix = new(@",\s*version\s*=\s*[0-9.]+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private CompilerErrorLog(IReadOnlyList<CodeMigration> migrations, IReadOnlyList<ReleaseFinding> findings)
    {
        Migrations = migrations;
        Findings = findings;
    }

    /// <summary>Sorted by kind, then ID (numerically when both are numbers), then class name.</summary>
    public IReadOnlyList<CodeMigration> Migrations { get; }

    /// <summary>Sorted by path, line, rule, then message.</summary>
    public IReadOnlyList<ReleaseFinding> Findings { get; }

    /// <param name="path">The error log; a trailing <c>,version=2.1</c> is ignored.</param>
    /// <param name="projectDirectory">Source paths are written relative to it; null keeps them absolute.</param>
    /// <returns>
    /// <c>true</c> with the log, or with <c>null</c> when there is no file (the compiler did not run, or the
    /// analyzers are off); <c>false</c> with an RP9002 finding when the file is not JSON or not a SARIF log.
    /// </returns>
    public static bool TryRead(string? path, string? projectDirectory, out CompilerErrorLog? log, out PolicyFinding? error) =>
        TryRead(new[] { path }, projectDirectory, out log, out error);

    /// <summary>
    /// Reads the logs of several compilations of one project (one per target framework) as one: a migration or finding
    /// reported by more than one compilation is listed once, as the first log in <paramref name="paths"/> has it.
    /// </summary>
    public static bool TryRead(IEnumerable<string?> paths, string? projectDirectory, out CompilerErrorLog? log, out PolicyFinding? error)
    {
        log = null;
        error = null;
        var projectPaths = projectDirectory is null ? null : new ProjectPath(projectDirectory);
        var migrations = new List<CodeMigration>();
        var findings = new List<ReleaseFinding>();
        var anyLog = false;
        foreach (var candidate in paths)
        {
            var path = candidate is null ? null : VersionSuffix.Replace(candidate, string.Empty).Trim();
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                continue;
            }

            anyLog = true;
            if (!TryReadInto(path!, projectPaths, migrations, findings, out error))
            {
                return false;
            }
        }

        if (anyLog)
        {
            log = new CompilerErrorLog(Distinct(migrations, CompareMigrations), Distinct(findings, CompareFindings));
        }

        return true;
    }

    private static bool TryReadInto(string path, ProjectPath? paths, List<CodeMigration> migrations, List<ReleaseFinding> findings, out PolicyFinding? error)
    {
        using var document = JsonInputFile.TryParse(path, Description, out error);
        if (document is null)
        {
            return false;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{path}' is not a SARIF log: it has no 'runs' array. Delete it and build again to regenerate it.",
                path,
                line: 1,
                column: 1);
            return false;
        }

        foreach (var run in runs.EnumerateArray())
        {
            if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var rule = result.ValueKind == JsonValueKind.Object ? String(result, "ruleId") : null;
                if (rule == MigrationInventoryRule)
                {
                    // The inventory is a fact, not a finding: a #pragma around a migration does not make it disappear.
                    if (ReadMigration(result, paths) is { } migration)
                    {
                        migrations.Add(migration);
                    }
                }
                else if (rule is not null && RecordedRules.Contains(rule) && !IsSuppressedInSource(result)
                         && ReadFinding(rule, result, paths) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }

        return true;
    }

    /// <summary>Sorts stably (so the first log's entry comes first among equals) and keeps one of each.</summary>
    private static List<T> Distinct<T>(List<T> items, Comparison<T> compare)
    {
        var indexed = new List<KeyValuePair<int, T>>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            indexed.Add(new KeyValuePair<int, T>(i, items[i]));
        }

        indexed.Sort((a, b) => compare(a.Value, b.Value) is var order && order != 0 ? order : a.Key.CompareTo(b.Key));
        var distinct = new List<T>(indexed.Count);
        foreach (var item in indexed)
        {
            if (distinct.Count == 0 || compare(distinct[distinct.Count - 1], item.Value) != 0)
            {
                distinct.Add(item.Value);
            }
        }

        return distinct;
    }

    private static CodeMigration? ReadMigration(JsonElement result, ProjectPath? paths)
    {
        if (!result.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("customProperties", out var custom) || custom.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var id = String(custom, "migrationId");
        var kind = String(custom, "kind");
        var className = String(custom, "className");
        var status = String(custom, "status");
        if (id is null || className is null || kind is null || !MigrationKinds.Contains(kind) || status is null || !MigrationStatuses.Contains(status))
        {
            return null;
        }

        var destructive = string.Equals(String(custom, "destructive"), "true", StringComparison.OrdinalIgnoreCase);
        return new CodeMigration(id, kind, className, ReadLocation(result, paths), status, String(custom, "reason"), destructive);
    }

    private static ReleaseFinding? ReadFinding(string rule, JsonElement result, ProjectPath? paths)
    {
        // SARIF's default level is "warning"; "none" is not something a build reported.
        var severity = (String(result, "level") ?? "warning") switch
        {
            "error" => "error",
            "warning" => "warning",
            "note" => "info",
            _ => null,
        };
        if (severity is null)
        {
            return null;
        }

        // SARIF 2.1: "message": { "text": "…" }; SARIF 1.0: "message": "…".
        var message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? String(m, "text") : String(result, "message");
        return new ReleaseFinding(rule, severity, message ?? string.Empty, ReadLocation(result, paths));
    }

    /// <summary>SARIF 2.1 <c>suppressions</c> or SARIF 1.0 <c>suppressionStates</c>, present and non-empty.</summary>
    private static bool IsSuppressedInSource(JsonElement result) =>
        (result.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array && suppressions.GetArrayLength() > 0)
        || (result.TryGetProperty("suppressionStates", out var states) && states.ValueKind == JsonValueKind.Array && states.GetArrayLength() > 0);

    private static SourceLocation? ReadLocation(JsonElement result, ProjectPath? paths)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0
            || locations[0].ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // SARIF 2.1: physicalLocation.artifactLocation.uri + physicalLocation.region; SARIF 1.0: resultFile.uri + resultFile.region.
        var first = locations[0];
        JsonElement file = default, region = default;
        if (first.TryGetProperty("physicalLocation", out var physical) && physical.ValueKind == JsonValueKind.Object)
        {
            physical.TryGetProperty("artifactLocation", out file);
            physical.TryGetProperty("region", out region);
        }
        else if (first.TryGetProperty("resultFile", out file) && file.ValueKind == JsonValueKind.Object)
        {
            file.TryGetProperty("region", out region);
        }

        var uri = file.ValueKind == JsonValueKind.Object ? String(file, "uri") : null;
        var path = uri is null ? null : FileUri.ToPath(uri);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var line = region.ValueKind == JsonValueKind.Object && region.TryGetProperty("startLine", out var startLine)
            && startLine.ValueKind == JsonValueKind.Number && startLine.TryGetInt32(out var number) && number > 0
                ? number
                : 0;
        return new SourceLocation(Relative(path!, paths), line);
    }

    private static string Relative(string path, ProjectPath? paths)
    {
        var rooted = path.StartsWith("/", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');
        if (!rooted || paths is null)
        {
            return path;
        }

        return paths.Relative(Path.DirectorySeparatorChar == '\\' ? path.Replace('/', '\\') : path);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static int CompareMigrations(CodeMigration a, CodeMigration b)
    {
        var order = string.CompareOrdinal(a.Kind, b.Kind);
        if (order == 0)
        {
            order = CompareIds(a.Id, b.Id);
        }

        return order != 0 ? order : string.CompareOrdinal(a.ClassName, b.ClassName);
    }

    /// <summary>FluentMigrator versions are numbers: 9 comes before 10. Anything else (EF Core's timestamped IDs) is ordinal.</summary>
    private static int CompareIds(string a, string b)
    {
        if (IsDigits(a) && IsDigits(b))
        {
            var trimmedA = a.TrimStart('0');
            var trimmedB = b.TrimStart('0');
            var byLength = trimmedA.Length.CompareTo(trimmedB.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var byValue = string.CompareOrdinal(trimmedA, trimmedB);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return string.CompareOrdinal(a, b);
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static int CompareFindings(ReleaseFinding a, ReleaseFinding b)
    {
        var order = string.CompareOrdinal(a.Location?.Path, b.Location?.Path);
        if (order == 0)
        {
            order = (a.Location?.Line ?? 0).CompareTo(b.Location?.Line ?? 0);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Rule, b.Rule);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Message, b.Message);
    }
}
