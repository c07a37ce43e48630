using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>One row of the RP5007 gate's <c>drift</c> table in the manifest.</summary>
public sealed class ConfigDrift
{
    public ConfigDrift(string key, string kind, string file, int line, string other, string detail)
    {
        Key = key;
        Kind = kind;
        File = file;
        Line = line;
        Other = other;
        Detail = detail;
    }

    /// <summary>The key path, e.g. <c>Payments:RetryCount</c>.</summary>
    public string Key { get; }

    /// <summary><c>missing</c> (set in <see cref="File"/>, absent from <see cref="Other"/>) or <c>type</c>.</summary>
    public string Kind { get; }

    /// <summary>The file (name) where the key is, and its line there.</summary>
    public string File { get; }

    public int Line { get; }

    /// <summary>The file it is missing from or has another type in.</summary>
    public string Other { get; }

    public string Detail { get; }
}

/// <summary>
/// RP5007: <c>appsettings.json</c> against each <c>appsettings.&lt;Env&gt;.json</c> beside the project, and the
/// environments against each other. A key one environment sets that another lacks (and <c>appsettings.json</c> does
/// not supply) is drift; so is a key whose JSON type differs between two files (null never counts: it means "unset").
/// <c>Development</c> and <c>Local</c> are a developer's machine, not a release target, and are not compared.
/// <c>ReleaseConfigDriftIgnore</c> patterns (<c>*</c> for any characters) allow keys meant to differ.
/// </summary>
public static class ConfigDriftGate
{
    private static readonly HashSet<string> DeveloperEnvironments = new(StringComparer.OrdinalIgnoreCase) { "Development", "Local" };

    /// <returns>The gate, or null when the project has no environment files to compare.</returns>
    public static GateResult? Check(
        string projectDirectory,
        IReadOnlyList<string> ignorePatterns,
        ICollection<PolicyFinding> findings,
        ICollection<string> filesRead,
        out IReadOnlyList<ConfigDrift> drift)
    {
        drift = Array.Empty<ConfigDrift>();
        var basePath = Path.Combine(projectDirectory, "appsettings.json");
        var environmentPaths = Directory.Exists(projectDirectory)
            ? Directory.GetFiles(projectDirectory, "appsettings.*.json")
                .Where(p => Environment(p) is { } env && !DeveloperEnvironments.Contains(env))
                .OrderBy(p => p, StringComparer.OrdinalIgnoreCase)
                .ToList()
            : new List<string>();
        if (environmentPaths.Count == 0)
        {
            return null;
        }

        var before = findings.Count;
        var baseFile = File.Exists(basePath) ? ConfigurationFile.TryRead(basePath, findings) : null;
        var environments = environmentPaths.Select(p => ConfigurationFile.TryRead(p, findings)).ToList();
        foreach (var path in environmentPaths.Concat(File.Exists(basePath) ? new[] { basePath } : Array.Empty<string>()))
        {
            filesRead.Add(Path.GetFullPath(path));
        }

        if (findings.Count != before)
        {
            return new GateResult(RuleIds.ConfigurationDrift, GateStatus.Fail, "A configuration file could not be read.", environmentPaths.Select(Path.GetFileName).ToList()!);
        }

        var ignored = ignorePatterns.Select(Wildcard).ToList();
        bool Ignored(string key) => ignored.Any(r => r.IsMatch(key));
        var rows = new List<ConfigDrift>();
        var all = new List<ConfigurationFile>();
        if (baseFile is not null)
        {
            all.Add(baseFile);
        }

        all.AddRange(environments!);

        // Keys one environment sets that another neither sets nor inherits from appsettings.json.
        foreach (var environment in environments)
        {
            foreach (var other in environments.Where(e => !ReferenceEquals(e, environment)))
            {
                foreach (var key in environment!.Keys.Values.Where(k => k.Kind != "object" && k.Kind != "null"))
                {
                    if (Ignored(key.Path) || Has(other!, key.Path) || (baseFile is not null && Has(baseFile, key.Path)))
                    {
                        continue;
                    }

                    rows.Add(new ConfigDrift(key.Path, "missing", environment.Name, key.Line, other!.Name,
                        $"'{key.Path}' is set in {environment.Name} (line {key.Line}) but missing from {other.Name}" +
                        (baseFile is null ? string.Empty : $" and from {baseFile.Name}") +
                        $", so {Environment(other.FullPath)} runs without it"));
                }
            }
        }

        // The same key with two JSON types: appsettings.json against each environment, and environments pairwise.
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                foreach (var key in all[j].Keys.Values)
                {
                    if (Ignored(key.Path) || !all[i].Keys.TryGetValue(key.Path, out var earlier) || earlier.Kind == key.Kind || earlier.Kind == "null" || key.Kind == "null")
                    {
                        continue;
                    }

                    rows.Add(new ConfigDrift(key.Path, "type", all[j].Name, key.Line, all[i].Name,
                        $"'{key.Path}' is {Article(key.Kind)} in {all[j].Name} (line {key.Line}) and {Article(earlier.Kind)} in {all[i].Name} (line {earlier.Line})"));
                }
            }
        }

        drift = rows;
        var names = all.Select(f => f.Name).ToList();
        if (rows.Count == 0)
        {
            return new GateResult(RuleIds.ConfigurationDrift, GateStatus.Pass, $"No configuration drift between {string.Join(", ", names)}.", names);
        }

        foreach (var row in rows)
        {
            var fix = row.Kind == "missing"
                ? $"Add it to {row.Other} (or to appsettings.json for every environment)"
                : "Give it the same type in both";
            findings.Add(new PolicyFinding(
                RuleIds.ConfigurationDrift,
                FindingKind.Policy,
                $"Configuration drift: {row.Detail}. {fix}, or allow the difference with <ReleaseConfigDriftIgnore Include=\"{row.Key}\" />.",
                Path.Combine(projectDirectory, row.File),
                row.Line));
        }

        return new GateResult(RuleIds.ConfigurationDrift, GateStatus.Fail, $"{rows.Count} configuration drift{(rows.Count == 1 ? string.Empty : "s")} between {string.Join(", ", names)}.", rows.Select(r => $"{r.File}:{r.Line} {r.Key}").ToList());
    }

    private static bool Has(ConfigurationFile file, string key)
    {
        if (file.Keys.ContainsKey(key))
        {
            return true;
        }

        // A parent set to an array or a value covers its children (e.g. a whole section replaced by a string).
        var colon = key.LastIndexOf(':');
        return colon > 0 && file.Keys.TryGetValue(key.Substring(0, colon), out var parent) && parent.Kind != "object";
    }

    private static string? Environment(string path)
    {
        var name = Path.GetFileName(path);
        var middle = name.Substring("appsettings.".Length, name.Length - "appsettings.".Length - ".json".Length);
        return middle.Length == 0 || middle.Contains('.') ? null : middle;
    }

    private static string Article(string kind) => (kind is "object" or "array" ? "an " : "a ") + kind;

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
