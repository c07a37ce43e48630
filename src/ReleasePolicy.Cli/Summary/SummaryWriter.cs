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

        foreach (var section in Sections(manifest, audience))
        {
            Text(console, section);
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

        foreach (var section in Sections(manifest, audience))
        {
            Markdown(output, section);
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
                OperationsSummary.Json(json, manifest);
            }

            if (Audience.Includes(audience, Audience.Security))
            {
                SecuritySummary.Json(json, manifest);
            }

            if (Audience.Includes(audience, Audience.Support))
            {
                SupportSummary.Json(json, manifest);
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

    /// <summary>The audience's sections, in the order operations, security, support.</summary>
    private static IEnumerable<SummarySection> Sections(ReleaseManifest manifest, string audience)
    {
        if (Audience.Includes(audience, Audience.Operations))
        {
            yield return OperationsSummary.Section(manifest);
        }

        if (Audience.Includes(audience, Audience.Security))
        {
            yield return SecuritySummary.Section(manifest);
        }

        if (Audience.Includes(audience, Audience.Support))
        {
            yield return SupportSummary.Section(manifest);
        }
    }

    private static void Text(IAnsiConsole console, SummarySection section)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{section.Title}[/]: {Markup.Escape(section.Headline)}");
        foreach (var part in section.Parts)
        {
            var indent = "  ";
            if (part.Label is { } label)
            {
                console.MarkupLine($"  {Markup.Escape(label)}: {Markup.Escape(part.Text ?? string.Empty)}");
                indent = "    ";
            }

            foreach (var item in part.Items)
            {
                console.MarkupLine($"{indent}{Markup.Escape(item.Code)} {Markup.Escape(item.Text)}");
            }

            if (part.Table is { } table)
            {
                var grid = new Table().AddColumns(table.Headers.Select(Markup.Escape).ToArray());
                foreach (var row in table.Rows)
                {
                    grid.AddRow(row.Select(Markup.Escape).ToArray());
                }

                console.Write(grid);
            }
        }
    }

    private static void Markdown(TextWriter output, SummarySection section)
    {
        output.WriteLine();
        output.WriteLine($"### {section.Title}");
        output.WriteLine();
        output.WriteLine(Md(char.ToUpperInvariant(section.Headline[0]) + section.Headline.Substring(1)) + ".");
        foreach (var part in section.Parts)
        {
            if (part.Label is { } label)
            {
                output.WriteLine();
                output.WriteLine($"**{Md(label)}**: {Md(part.Text ?? string.Empty)}.");
            }

            if (part.Items.Count > 0)
            {
                output.WriteLine();
                foreach (var item in part.Items)
                {
                    output.WriteLine($"- {Code(item.Code)} {Md(item.Text)}");
                }
            }

            if (part.Table is { } table)
            {
                output.WriteLine();
                output.WriteLine("| " + string.Join(" | ", table.Headers.Select(Md)) + " |");
                output.WriteLine("|" + string.Concat(table.Headers.Select(_ => "---|")));
                foreach (var row in table.Rows)
                {
                    output.WriteLine("| " + string.Join(" | ", row.Select(Md)) + " |");
                }
            }
        }
    }

    /// <summary>" (db/V2__drop_notes.sql:1)" after a finding's message; empty without a location.</summary>
    internal static string Where(ReleaseFinding finding) =>
        finding.Location is { } location ? $" ({location.Path}{(location.Line > 0 ? ":" + location.Line : string.Empty)})" : string.Empty;

    internal static void WriteFinding(Utf8JsonWriter json, ReleaseFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("rule", finding.Rule);
        json.WriteString("severity", finding.Severity);
        json.WriteString("message", finding.Message);
        if (finding.Location is { } location)
        {
            json.WriteString("path", location.Path);
            if (location.Line > 0)
            {
                json.WriteNumber("line", location.Line);
            }
        }

        json.WriteEndObject();
    }

    /// <summary>Inline code whose fence is longer than any run of backticks inside (generic members: <c>M:Ns.T.Convert``1</c>).</summary>
    private static string Code(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = System.Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = text.StartsWith("`", System.StringComparison.Ordinal) || text.EndsWith("`", System.StringComparison.Ordinal) ? " " : string.Empty;
        return fence + pad + text + pad + fence;
    }

    /// <summary>Keeps a value from breaking a Markdown table or turning into markup.</summary>
    private static string Md(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("<", "&lt;");
}
