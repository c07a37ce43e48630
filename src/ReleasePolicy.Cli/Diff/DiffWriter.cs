using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Diff;

/// <summary>Renders a <see cref="ReleaseComparison"/> as text, Markdown or JSON.</summary>
internal static class DiffWriter
{
    public static void Text(TextWriter output, ReleaseComparison diff, bool markdown)
    {
        var heading = markdown ? "### " : string.Empty;
        var bullet = markdown ? "- " : "  ";
        output.WriteLine($"{(markdown ? "## " : string.Empty)}{Name(diff.Before)} -> {Name(diff.After)}");
        output.WriteLine();
        output.WriteLine($"{heading}Risk: {Risk(diff.Before)} -> {Risk(diff.After)}");
        Section(output, heading + "Dependencies added", bullet, diff.Changes.Dependencies.Added.Select(p => $"{p.Id} {p.Version}{(p.Direct ? " (direct)" : string.Empty)}"));
        Section(output, heading + "Dependencies removed", bullet, diff.Changes.Dependencies.Removed.Select(p => $"{p.Id} {p.Version}"));
        Section(output, heading + "Dependencies updated", bullet, diff.Changes.Dependencies.Updated.Select(u => $"{u.Id} {u.From} -> {u.To}{(u.MajorUpgrade ? " (major)" : u.Downgrade ? " (downgrade)" : string.Empty)}"));
        Section(output, heading + "Migrations added", bullet, diff.Changes.MigrationsAdded.Select(m => $"{m.Id} ({m.Kind}, {m.Status}{(m.Destructive ? ", destructive" : string.Empty)})"));
        Section(output, heading + "Migrations removed", bullet, diff.Changes.MigrationsRemoved.Select(m => $"{m.Id} ({m.Kind})"));
        if (diff.Changes.FlagsCompared)
        {
            Section(output, heading + "Feature flags added", bullet, diff.Changes.FlagsAdded);
            Section(output, heading + "Feature flags removed", bullet, diff.Changes.FlagsRemoved);
        }

        if (diff.Changes.PublicApiCompared)
        {
            Section(output, heading + "Public API added", bullet, diff.Changes.PublicApiAdded);
            Section(output, heading + "Public API removed", bullet, diff.Changes.PublicApiRemoved);
        }
        else
        {
            output.WriteLine();
            output.WriteLine("Public API: not compared (a manifest without publicApi, written before it was recorded).");
        }

        Section(output, heading + "Findings new", bullet, diff.Changes.FindingsNew.Select(Finding));
        Section(output, heading + "Findings fixed", bullet, diff.Changes.FindingsFixed.Select(Finding));
    }

    public static void Json(TextWriter output, ReleaseComparison diff)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("from", Name(diff.Before));
            json.WriteString("to", Name(diff.After));
            json.WriteStartObject("risk");
            WriteRisk(json, "from", diff.Before);
            WriteRisk(json, "to", diff.After);
            json.WriteEndObject();
            // The same object a pack with ReleaseBaselineManifest records as the manifest's changes section.
            ReleaseManifestWriter.WriteChanges(json, diff.Changes);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Section(TextWriter output, string title, string bullet, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        output.WriteLine();
        output.WriteLine($"{title}: {(list.Count == 0 ? "none" : list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        foreach (var line in list)
        {
            output.WriteLine(bullet + line);
        }
    }

    private static void WriteRisk(Utf8JsonWriter json, string name, ReleaseManifest manifest)
    {
        if (manifest.Risk is { } risk)
        {
            json.WriteStartObject(name);
            json.WriteNumber("score", risk.Score);
            json.WriteString("level", risk.Level);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Name(ReleaseManifest manifest) => $"{manifest.Package.Id} {manifest.Package.Version}".Trim();

    private static string Risk(ReleaseManifest manifest) => manifest.Risk is { } risk ? $"{risk.Level} ({risk.Score}/100)" : "not assessed";

    private static string Finding(ReleaseFinding finding) =>
        $"{finding.Rule} {finding.Severity}: {finding.Message}" + (finding.Location is { } l ? $" ({l.Path})" : string.Empty);
}
