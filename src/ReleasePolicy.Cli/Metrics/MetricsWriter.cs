using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Metrics;

/// <summary><c>release-policy metrics</c> as text, Markdown or JSON: each metric with the sample it was computed from.</summary>
internal static class MetricsWriter
{
    public static void Text(TextWriter output, IReadOnlyList<ReleaseMetrics> scopes, bool markdown)
    {
        foreach (var scope in scopes)
        {
            output.WriteLine(markdown ? $"### {scope.Scope}" : scope.Scope);
            if (markdown)
            {
                output.WriteLine();
                output.WriteLine("| Metric | Value | Sample |");
                output.WriteLine("|---|---|---|");
            }

            foreach (var (metric, value, sample) in Lines(scope))
            {
                output.WriteLine(markdown ? $"| {metric} | {value} | {sample} |" : $"  {metric}: {value} ({sample})");
            }

            foreach (var failure in scope.Failures)
            {
                var restore = failure.TimeToRestore is { } t ? " after " + Duration(t) : string.Empty;
                output.WriteLine(markdown
                    ? $"| failed release | {failure.Release.Name} | hotfix {failure.Hotfix.Version}{restore} |"
                    : $"  failed: {failure.Release.Name}, restored by hotfix {failure.Hotfix.Version}{restore}");
            }

            output.WriteLine();
        }
    }

    public static IEnumerable<(string Metric, string Value, string Sample)> Lines(ReleaseMetrics scope)
    {
        yield return ("Releases", $"{scope.Releases.Count} ({scope.Hotfixes} hotfix{(scope.Hotfixes == 1 ? string.Empty : "es")})", scope.Dated.Count == 0 ? "no build timestamps" : $"{scope.Dated.Count} with a build timestamp");
        yield return ("Deployment frequency", scope.ReleasesPerWeek is { } perWeek ? $"{Number(perWeek)} per week" : "unknown",
            scope.Span is { } span ? $"{scope.Dated.Count} releases over {Duration(span)}" : "needs two releases with a build timestamp");
        yield return ("Change failure rate", scope.ChangeFailureRate is { } rate ? Percent(rate) : "unknown",
            $"{scope.Failures.Count} of {scope.Releases.Count} releases followed by a hotfix");
        yield return ("Time to restore", Summary(scope.RestoreTimes), $"n={scope.RestoreTimes.Count} failed releases with both build times");
        yield return ("Lead time", Summary(scope.LeadTimes), $"n={scope.LeadTimes.Count} releases with a known commit time");
    }

    public static void Json(TextWriter output, IReadOnlyList<ReleaseMetrics> scopes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("scopes");
            foreach (var scope in scopes)
            {
                json.WriteStartObject();
                json.WriteString("scope", scope.Scope);
                json.WriteNumber("releases", scope.Releases.Count);
                json.WriteNumber("hotfixes", scope.Hotfixes);
                json.WriteStartObject("deploymentFrequency");
                WriteOptional(json, "perWeek", scope.ReleasesPerWeek);
                WriteOptional(json, "days", scope.Span?.TotalDays);
                json.WriteNumber("sample", scope.Dated.Count);
                json.WriteEndObject();
                json.WriteStartObject("changeFailureRate");
                WriteOptional(json, "rate", scope.ChangeFailureRate);
                json.WriteNumber("failed", scope.Failures.Count);
                json.WriteNumber("sample", scope.Releases.Count);
                json.WriteStartArray("failures");
                foreach (var failure in scope.Failures)
                {
                    json.WriteStartObject();
                    json.WriteString("package", failure.Release.Package);
                    json.WriteString("release", failure.Release.Version);
                    json.WriteString("hotfix", failure.Hotfix.Version);
                    WriteOptional(json, "restoreHours", failure.TimeToRestore?.TotalHours);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                WriteDurations(json, "timeToRestore", scope.RestoreTimes);
                WriteDurations(json, "leadTime", scope.LeadTimes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static string Duration(TimeSpan span) =>
        span.TotalHours < 48 ? Number(span.TotalHours) + " h" : Number(span.TotalDays) + " d";

    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Percent(double rate) => Math.Round(rate * 100, 1).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Summary(IReadOnlyList<TimeSpan> values) =>
        values.Count == 0 ? "unknown" : $"median {Duration(ReleaseMetrics.Median(values)!.Value)}, mean {Duration(ReleaseMetrics.Mean(values)!.Value)}";

    private static void WriteDurations(Utf8JsonWriter json, string name, IReadOnlyList<TimeSpan> values)
    {
        json.WriteStartObject(name);
        WriteOptional(json, "medianHours", ReleaseMetrics.Median(values)?.TotalHours);
        WriteOptional(json, "meanHours", ReleaseMetrics.Mean(values)?.TotalHours);
        json.WriteNumber("sample", values.Count);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
