using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReleasePolicy.Manifest;
using Spectre.Console;

namespace ReleasePolicy.Cli.Summary;

/// <summary>
/// The release impact summary of <c>release-policy summary</c>: one manifest, per audience, as terminal text, Markdown
/// (for <c>$GITHUB_STEP_SUMMARY</c> or release notes) or JSON. Only what the manifest records; nothing is inferred.
/// </summary>
internal static class SummaryWriter
{
    public static void Text(IAnsiConsole console, ReleaseManifest manifest, string audience)
    {
        console.MarkupLine($"[bold]{Markup.Escape(Title(manifest))}[/]");
        foreach (var (label, value) in Facts(manifest))
        {
            console.MarkupLine($"  {label}: {Markup.Escape(value)}");
        }

        if (manifest.Risk is { } risk)
        {
            console.MarkupLine($"  Risk: [bold]{risk.Level}[/] ({risk.Score}/100)");
            foreach (var factor in risk.Factors)
            {
                console.MarkupLine($"    {factor.Id} ({factor.Weight}): {Markup.Escape(string.Join("; ", factor.Evidence))}");
            }
        }

        if (Audience.Includes(audience, Audience.Operations))
        {
            var migrations = manifest.Migrations.All;
            console.WriteLine();
            console.MarkupLine($"[bold]Operations[/]: {Counts(migrations)}");
            if (migrations.Count > 0)
            {
                var table = new Table().AddColumns("Migration", "Kind", "Rollback", "Destructive", "File");
                foreach (var m in migrations)
                {
                    table.AddRow(Markup.Escape(m.Id), m.Kind, m.Status, m.Destructive ? "yes" : "no", Markup.Escape(m.Path ?? string.Empty));
                }

                console.Write(table);
            }
        }

        if (Audience.Includes(audience, Audience.Security))
        {
            var direct = manifest.Dependencies.Where(d => d.Direct).ToList();
            console.WriteLine();
            console.MarkupLine($"[bold]Security[/]: {manifest.Dependencies.Count} package dependencies ({direct.Count} direct); data sensitivity {Markup.Escape(manifest.Release.DataSensitivity)}");
            if (direct.Count > 0)
            {
                var table = new Table().AddColumns("Direct dependency", "Version");
                foreach (var d in direct)
                {
                    table.AddRow(Markup.Escape(d.Id), Markup.Escape(d.Version));
                }

                console.Write(table);
            }
        }

        if (Audience.Includes(audience, Audience.Support))
        {
            var findings = manifest.Findings ?? new List<ReleaseFinding>();
            console.WriteLine();
            console.MarkupLine($"[bold]Support[/]: user impact {Markup.Escape(manifest.Release.UserImpact)}; {findings.Count} finding(s) in the release");
            foreach (var f in findings)
            {
                console.MarkupLine($"  {f.Rule} {f.Severity}: {Markup.Escape(f.Message)}{Markup.Escape(Where(f))}");
            }
        }
    }

    public static void Markdown(TextWriter output, ReleaseManifest manifest, string audience)
    {
        output.WriteLine($"## {Md(Title(manifest))}");
        output.WriteLine();
        foreach (var (label, value) in Facts(manifest))
        {
            output.WriteLine($"- **{label}**: {Md(value)}");
        }

        if (manifest.Risk is { } risk)
        {
            output.WriteLine($"- **Risk**: {risk.Level} ({risk.Score}/100)");
            output.WriteLine();
            output.WriteLine("| Risk factor | Weight | Evidence |");
            output.WriteLine("|---|---|---|");
            foreach (var factor in risk.Factors)
            {
                output.WriteLine($"| {factor.Id} | {factor.Weight} | {Md(string.Join("; ", factor.Evidence))} |");
            }
        }

        if (Audience.Includes(audience, Audience.Operations))
        {
            var migrations = manifest.Migrations.All;
            output.WriteLine();
            output.WriteLine("### Operations");
            output.WriteLine();
            output.WriteLine(Counts(migrations) + ".");
            if (migrations.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("| Migration | Kind | Rollback | Destructive | File |");
                output.WriteLine("|---|---|---|---|---|");
                foreach (var m in migrations)
                {
                    output.WriteLine($"| {Md(m.Id)} | {m.Kind} | {m.Status} | {(m.Destructive ? "yes" : "no")} | {Md(m.Path ?? string.Empty)} |");
                }
            }
        }

        if (Audience.Includes(audience, Audience.Security))
        {
            var direct = manifest.Dependencies.Where(d => d.Direct).ToList();
            output.WriteLine();
            output.WriteLine("### Security");
            output.WriteLine();
            output.WriteLine($"{manifest.Dependencies.Count} package dependencies ({direct.Count} direct); data sensitivity {Md(manifest.Release.DataSensitivity)}.");
            if (direct.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("| Direct dependency | Version |");
                output.WriteLine("|---|---|");
                foreach (var d in direct)
                {
                    output.WriteLine($"| {Md(d.Id)} | {Md(d.Version)} |");
                }
            }
        }

        if (Audience.Includes(audience, Audience.Support))
        {
            var findings = manifest.Findings ?? new List<ReleaseFinding>();
            output.WriteLine();
            output.WriteLine("### Support");
            output.WriteLine();
            output.WriteLine($"User impact {Md(manifest.Release.UserImpact)}; {findings.Count} finding(s) in the release.");
            if (findings.Count > 0)
            {
                output.WriteLine();
                foreach (var f in findings)
                {
                    output.WriteLine($"- `{f.Rule}` {f.Severity}: {Md(f.Message)}{Md(Where(f))}");
                }
            }
        }
    }

    public static void Json(TextWriter output, ReleaseManifest manifest, string audience)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("package", manifest.Package.Id);
            json.WriteString("version", manifest.Package.Version);
            json.WriteString("commit", manifest.Package.Repository.Commit);
            json.WriteString("releaseType", manifest.Release.Type);
            json.WriteString("userImpact", manifest.Release.UserImpact);
            json.WriteString("dataSensitivity", manifest.Release.DataSensitivity);
            json.WriteString("audience", audience);
            if (manifest.Risk is { } risk)
            {
                json.WriteStartObject("risk");
                json.WriteNumber("score", risk.Score);
                json.WriteString("level", risk.Level);
                json.WriteStartArray("factors");
                foreach (var factor in risk.Factors)
                {
                    json.WriteStartObject();
                    json.WriteString("id", factor.Id);
                    json.WriteNumber("weight", factor.Weight);
                    json.WriteStartArray("evidence");
                    factor.Evidence.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            if (Audience.Includes(audience, Audience.Operations))
            {
                var migrations = manifest.Migrations.All;
                json.WriteStartObject("operations");
                json.WriteNumber("migrations", migrations.Count);
                json.WriteNumber("withoutRollback", migrations.Count(m => m.WithoutRollback));
                json.WriteNumber("destructive", migrations.Count(m => m.Destructive));
                json.WriteStartArray("list");
                foreach (var m in migrations)
                {
                    json.WriteStartObject();
                    json.WriteString("id", m.Id);
                    json.WriteString("kind", m.Kind);
                    json.WriteString("status", m.Status);
                    json.WriteBoolean("destructive", m.Destructive);
                    json.WriteString("path", m.Path);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            if (Audience.Includes(audience, Audience.Security))
            {
                json.WriteStartObject("security");
                json.WriteNumber("dependencies", manifest.Dependencies.Count);
                json.WriteNumber("direct", manifest.Dependencies.Count(d => d.Direct));
                json.WriteEndObject();
            }

            if (Audience.Includes(audience, Audience.Support))
            {
                json.WriteStartObject("support");
                json.WriteNumber("findings", manifest.Findings?.Count ?? 0);
                json.WriteStartArray("findingRules");
                foreach (var rule in (manifest.Findings ?? new List<ReleaseFinding>()).Select(f => f.Rule).Distinct().OrderBy(r => r, System.StringComparer.Ordinal))
                {
                    json.WriteStringValue(rule);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Title(ReleaseManifest manifest) =>
        $"{manifest.Package.Id ?? "(no package id)"} {manifest.Package.Version ?? string.Empty}".TrimEnd();

    private static IEnumerable<(string Label, string Value)> Facts(ReleaseManifest manifest)
    {
        var release = manifest.Release;
        yield return ("Release", release.Type + (release.HotfixSeverity is { } severity ? $" ({severity})" : string.Empty) + $", {release.UserImpact}, data {release.DataSensitivity}");
        var repository = manifest.Package.Repository;
        if (repository.Commit is not null || repository.Branch is not null)
        {
            yield return ("Source", string.Join(" ", new[] { repository.Commit, repository.Branch is null ? null : $"({repository.Branch})" }.Where(v => v is not null)));
        }

        if (manifest.Build.CiRun is { } run)
        {
            yield return ("CI run", run);
        }
    }

    private static string Counts(IReadOnlyList<MigrationFact> migrations) =>
        $"{migrations.Count} migration(s), {migrations.Count(m => m.WithoutRollback)} without a working rollback, {migrations.Count(m => m.Destructive)} destructive";

    private static string Where(ReleaseFinding finding) =>
        finding.Location is { } location ? $" ({location.Path}{(location.Line > 0 ? ":" + location.Line : string.Empty)})" : string.Empty;

    /// <summary>Keeps a value from breaking a Markdown table or turning into markup.</summary>
    private static string Md(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("<", "&lt;");
}
