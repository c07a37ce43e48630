using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;
using Format = ReleasePolicy.Rules.InventoryFormat;

namespace ReleasePolicy.Manifest;

/// <summary>
/// What the analyzers recorded about a compilation, read back from the inventory files the inventory writers (analyzers
/// the SDK adds to command-line builds) wrote during the compile: the migration inventory (EF Core / FluentMigrator
/// migrations with their rollback status and the RP1001-RP1007 findings) and the feature-flag inventory (every flag
/// with where it is declared and how often it is referenced, and the RP2002 / RP2003 findings) and the leak inventory
/// (the RP3001-RP3006 findings); each finding with the severity the build gave it.
/// </summary>
public sealed class CompilationInventory
{
    /// <summary>The feature-flag inventory's file name; any other inventory file is a migration inventory.</summary>
    public const string FlagInventoryFileName = "flag-inventory.txt";

    /// <summary>The leak inventory's file name: the RP3001-RP3006 findings only.</summary>
    public const string LeakInventoryFileName = "leak-inventory.txt";

    private static readonly HashSet<string> MigrationKinds = new(StringComparer.Ordinal) { "efcore", "fluentmigrator" };

    private static readonly HashSet<string> MigrationStatuses = new(StringComparer.Ordinal)
    {
        "reversible", "missing-rollback", "empty-rollback", "incomplete-rollback", "forward-only",
    };

    private static readonly HashSet<string> Severities = new(StringComparer.Ordinal) { "error", "warning", "info" };

    private CompilationInventory(IReadOnlyList<CodeMigration> migrations, IReadOnlyList<FeatureFlag> flags, IReadOnlyList<ReleaseFinding> findings)
    {
        Migrations = migrations;
        Flags = flags;
        Findings = findings;
    }

    /// <summary>Sorted by kind, then ID (numerically when both are numbers), then class name.</summary>
    public IReadOnlyList<CodeMigration> Migrations { get; }

    /// <summary>Sorted by name (<see cref="FeatureFlag.Compare"/>); empty when no feature-flag inventory was read.</summary>
    public IReadOnlyList<FeatureFlag> Flags { get; }

    /// <summary>True when a feature-flag inventory was read, so the manifest has a <c>featureFlags</c> section.</summary>
    public bool HasFlagInventory { get; private set; }

    /// <summary>Sorted by path, line, rule, then message.</summary>
    public IReadOnlyList<ReleaseFinding> Findings { get; }

    /// <summary>
    /// Reads the inventories of several compilations of one project (one per target framework) as one: a migration or
    /// finding in more than one is listed once, as the first file in <paramref name="paths"/> has it.
    /// </summary>
    /// <param name="projectDirectory">Source paths are written relative to it; null keeps them absolute.</param>
    /// <returns>
    /// <c>true</c> with the inventory (null when <paramref name="paths"/> is empty); <c>false</c> with an RP9002 finding
    /// when a file is missing, cut off or not an inventory, or the generator reported a failure.
    /// </returns>
    public static bool TryRead(IEnumerable<string> paths, string? projectDirectory, out CompilationInventory? inventory, out PolicyFinding? error)
    {
        inventory = null;
        error = null;
        var projectPaths = projectDirectory is null ? null : new ProjectPath(projectDirectory);
        var migrations = new List<CodeMigration>();
        var flags = new List<FeatureFlag>();
        var findings = new List<ReleaseFinding>();
        var any = false;
        var anyFlags = false;
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            any = true;
            anyFlags |= IsFlagInventory(path.Trim());
            if (!TryReadInto(path.Trim(), projectPaths, migrations, flags, findings, out error))
            {
                return false;
            }
        }

        if (any)
        {
            inventory = new CompilationInventory(Distinct(migrations, CompareMigrations), MergeFlags(flags), Distinct(findings, ReleaseFinding.Compare))
            {
                HasFlagInventory = anyFlags,
            };
        }

        return true;
    }

    private static bool IsFlagInventory(string path) => string.Equals(Path.GetFileName(path), FlagInventoryFileName, StringComparison.OrdinalIgnoreCase);

    private static bool TryReadInto(string path, ProjectPath? paths, List<CodeMigration> migrations, List<FeatureFlag> flags, List<ReleaseFinding> findings, out PolicyFinding? error)
    {
        error = null;
        var name = Path.GetFileName(path);
        var (description, contents) =
            string.Equals(name, FlagInventoryFileName, StringComparison.OrdinalIgnoreCase) ? ("The feature-flag inventory", "feature flags")
            : string.Equals(name, LeakInventoryFileName, StringComparison.OrdinalIgnoreCase) ? ("The leak inventory", "RP3001-RP3006 findings")
            : ("The migration inventory", "EF Core / FluentMigrator migrations");
        string[] lines;
        try
        {
            if (Directory.Exists(path))
            {
                error = Unreadable(description, path, 0, "is a folder, not a file; delete the folder and build again, so the ReleasePolicy analyzers write the inventory there");
                return false;
            }

            if (!File.Exists(path))
            {
                error = Unreadable(description, path, 0,
                    "does not exist, so the release manifest cannot list the " + contents + ". The ReleasePolicy analyzers " +
                    "write it during the compile (not when RunAnalyzers is false or RP9003 is turned off): build the project, then pack or publish again");
                return false;
            }

            lines = IO.RegularFile.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = Unreadable(description, path, 0, "cannot be read: " + IO.RegularFile.Explain(ex).TrimEnd('.'));
            return false;
        }

        if (lines.Length == 0 || !lines[0].StartsWith("// " + Format.Title, StringComparison.Ordinal))
        {
            error = Unreadable(description, path, 1, "is not a ReleasePolicy inventory; delete it and build again");
            return false;
        }

        if (lines[0].Substring(3 + Format.Title.Length).Trim() != Format.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            error = Unreadable(description, path, 1, $"has format '{lines[0].Substring(3 + Format.Title.Length).Trim()}' where {Format.Version} is expected; it was written by another ReleasePolicy version: build again");
            return false;
        }

        int migrationCount = 0, flagCount = 0, findingCount = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith(Format.LinePrefix + "{", StringComparison.Ordinal))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line.Substring(Format.LinePrefix.Length));
            }
            catch (JsonException ex)
            {
                error = Unreadable(description, path, i + 1, "has a line that is not JSON (" + ex.Message + "); delete it and build again");
                return false;
            }

            using (document)
            {
                foreach (var record in document.RootElement.EnumerateObject())
                {
                    var value = record.Value;
                    switch (record.Name)
                    {
                        case Format.MigrationRecord when ReadMigration(value, paths) is { } migration:
                            migrations.Add(migration);
                            migrationCount++;
                            break;
                        case Format.FlagRecord when ReadFlag(value, paths) is { } flag:
                            flags.Add(flag);
                            flagCount++;
                            break;
                        case Format.FindingRecord when ReadFinding(value, paths) is { } finding:
                            findings.Add(finding);
                            findingCount++;
                            break;
                        case Format.FailureRecord:
                            error = Unreadable(description, path, i + 1,
                                $"records that the migration inventory writer failed ({String(value, Format.Message)}). " +
                                "Please report this at https://github.com/releasepolicy/releasepolicy/issues with the migration that causes it");
                            return false;
                        case Format.EndRecord:
                            if (Int(value, Format.MigrationCount) != migrationCount || Int(value, Format.FlagCount) != flagCount || Int(value, Format.FindingCount) != findingCount)
                            {
                                error = Unreadable(description, path, i + 1, "lists fewer migrations, flags or findings than it says it holds; delete it and build again");
                                return false;
                            }

                            return true;
                        default:
                            error = Unreadable(description, path, i + 1, $"has a '{record.Name}' record that is not valid; delete it and build again");
                            return false;
                    }
                }
            }
        }

        error = Unreadable(description, path, lines.Length, "is cut off (it has no end record); delete it and build again");
        return false;
    }

    private static PolicyFinding Unreadable(string description, string path, int line, string what) =>
        new(RuleIds.UnreadableInput, FindingKind.InputError, $"{description} '{path}' {what}.", path, line, line > 0 ? 1 : 0);

    /// <summary>
    /// One entry per name across the frameworks' inventories: references summed would count the same code once per
    /// framework, so the most any framework saw; declared, expiry and expired from the first that has them; undeclared
    /// only when every framework that saw the flag says so.
    /// </summary>
    private static List<FeatureFlag> MergeFlags(List<FeatureFlag> flags)
    {
        var byName = new Dictionary<string, FeatureFlag>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in flags)
        {
            byName[flag.Name] = byName.TryGetValue(flag.Name, out var seen)
                ? new FeatureFlag(seen.Name, seen.Declared ?? flag.Declared, Math.Max(seen.References, flag.References), seen.Expires ?? flag.Expires, seen.Expired || flag.Expired, seen.Undeclared && flag.Undeclared)
                : flag;
        }

        var merged = new List<FeatureFlag>(byName.Values);
        merged.Sort(FeatureFlag.Compare);
        return merged;
    }

    private static FeatureFlag? ReadFlag(JsonElement record, ProjectPath? paths)
    {
        var name = String(record, Format.Name);
        var references = Int(record, Format.References);
        return name is null || references < 0
            ? null
            : new FeatureFlag(
                name,
                ReadLocation(record, paths),
                references,
                String(record, Format.Expires),
                record.TryGetProperty(Format.Expired, out var expired) && expired.ValueKind == JsonValueKind.True,
                record.TryGetProperty(Format.Undeclared, out var undeclared) && undeclared.ValueKind == JsonValueKind.True);
    }

    /// <summary>Sorts stably (so the first file's entry comes first among equals) and keeps one of each.</summary>
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

    private static CodeMigration? ReadMigration(JsonElement record, ProjectPath? paths)
    {
        var id = String(record, Format.Id);
        var kind = String(record, Format.Kind);
        var className = String(record, Format.ClassName);
        var status = String(record, Format.Status);
        if (id is null || className is null || kind is null || !MigrationKinds.Contains(kind) || status is null || !MigrationStatuses.Contains(status))
        {
            return null;
        }

        var destructive = record.TryGetProperty(Format.Destructive, out var d) && d.ValueKind == JsonValueKind.True;
        return new CodeMigration(id, kind, className, ReadLocation(record, paths), status, String(record, Format.Reason), destructive)
        {
            Baselined = record.TryGetProperty(Format.Baselined, out var b) && b.ValueKind == JsonValueKind.True,
        };
    }

    private static ReleaseFinding? ReadFinding(JsonElement record, ProjectPath? paths)
    {
        var rule = String(record, Format.Rule);
        var severity = String(record, Format.Severity);
        return rule is null || severity is null || !Severities.Contains(severity)
            ? null
            : new ReleaseFinding(rule, severity, String(record, Format.Message) ?? string.Empty, ReadLocation(record, paths));
    }

    private static SourceLocation? ReadLocation(JsonElement record, ProjectPath? paths) =>
        String(record, Format.Path) is { } path ? new SourceLocation(Relative(path, paths), Math.Max(0, Int(record, Format.Line))) : null;

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : -1;

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
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

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
}
