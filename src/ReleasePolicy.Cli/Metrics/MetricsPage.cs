using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace ReleasePolicy.Cli.Metrics;

/// <summary>
/// <c>metrics --html</c>: one self-contained page (inline CSS and SVG, no script, no external resource) with the
/// metrics table and trend charts: releases per week, lead time and risk per release, time to restore per failure.
/// It opens from a CI artifact or a mail attachment with no network.
/// </summary>
internal static class MetricsPage
{
    private const int Width = 720;
    private const int Height = 180;

    public static string Render(IReadOnlyList<ReleaseMetrics> scopes)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Release metrics</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:60rem}")
            .Append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}")
            .Append("th{background:#f6f8fa}svg{display:block;margin:.25rem 0 1.5rem}.bar{fill:#0969da}.hotfix{fill:#cf222e}.axis{stroke:#8c959f}")
            .Append("text{font-size:11px;fill:#57606a}.line{fill:none;stroke:#8250df;stroke-width:2}.dot{fill:#8250df}\n")
            .Append("</style>\n</head>\n<body>\n<h1>Release metrics</h1>\n");
        foreach (var scope in scopes)
        {
            page.Append("<h2>").Append(Html(scope.Scope)).Append("</h2>\n<table>\n<tr><th>Metric</th><th>Value</th><th>Sample</th></tr>\n");
            foreach (var (metric, value, sample) in MetricsWriter.Lines(scope))
            {
                page.Append("<tr><td>").Append(Html(metric)).Append("</td><td>").Append(Html(value)).Append("</td><td>").Append(Html(sample)).Append("</td></tr>\n");
            }

            page.Append("</table>\n");
            Weekly(page, scope);
            var dated = scope.Releases.Where(r => r.LeadTime is not null).ToList();
            Bars(page, "Lead time per release (hours)", dated.Select(r => (r.Version ?? "?", r.LeadTime!.Value.TotalHours, r.Hotfix)).ToList());
            Bars(page, "Time to restore per failed release (hours)", scope.Failures.Where(f => f.TimeToRestore is not null).Select(f => (f.Release.Version ?? "?", f.TimeToRestore!.Value.TotalHours, true)).ToList());
            Line(page, "Risk score per release", scope.Releases.Where(r => r.RiskScore is not null).Select(r => (r.Version ?? "?", (double)r.RiskScore!.Value)).ToList(), max: 100);
        }

        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Releases per ISO week from the first dated release to the last, hotfixes stacked in red.</summary>
    private static void Weekly(StringBuilder page, ReleaseMetrics scope)
    {
        var dated = scope.Dated;
        if (dated.Count == 0)
        {
            return;
        }

        var first = WeekStart(dated[0].Built!.Value);
        var weeks = (int)((WeekStart(dated[dated.Count - 1].Built!.Value) - first).TotalDays / 7) + 1;
        var counts = new (int All, int Hotfixes)[weeks];
        foreach (var release in dated)
        {
            var week = (int)((WeekStart(release.Built!.Value) - first).TotalDays / 7);
            counts[week] = (counts[week].All + 1, counts[week].Hotfixes + (release.Hotfix ? 1 : 0));
        }

        var max = Math.Max(1, counts.Max(c => c.All));
        Title(page, "Releases per week (hotfixes in red)");
        Svg(page, svg =>
        {
            var slot = (Width - 40.0) / weeks;
            for (var i = 0; i < weeks; i++)
            {
                var x = 30 + i * slot;
                var total = counts[i].All * (Height - 40.0) / max;
                var hot = counts[i].Hotfixes * (Height - 40.0) / max;
                Rect(svg, "bar", x, Height - 20 - total, Math.Max(1, slot - 2), total - hot);
                Rect(svg, "hotfix", x, Height - 20 - hot, Math.Max(1, slot - 2), hot);
                if (weeks <= 26 || i % (weeks / 13 + 1) == 0)
                {
                    Label(svg, x, Height - 6, first.AddDays(7 * i).ToString("MM-dd", CultureInfo.InvariantCulture));
                }
            }

            Label(svg, 2, 24, max.ToString(CultureInfo.InvariantCulture));
        });
    }

    private static void Bars(StringBuilder page, string title, IReadOnlyList<(string Label, double Value, bool Hotfix)> bars)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var max = Math.Max(bars.Max(b => b.Value), 0.1);
        Title(page, title);
        Svg(page, svg =>
        {
            var slot = (Width - 40.0) / bars.Count;
            for (var i = 0; i < bars.Count; i++)
            {
                var height = bars[i].Value * (Height - 40.0) / max;
                Rect(svg, bars[i].Hotfix ? "hotfix" : "bar", 30 + i * slot, Height - 20 - height, Math.Max(1, slot - 2), height);
                Label(svg, 30 + i * slot, Height - 6, bars[i].Label);
            }

            Label(svg, 2, 24, MetricsWriter.Number(max));
        });
    }

    private static void Line(StringBuilder page, string title, IReadOnlyList<(string Label, double Value)> points, double max)
    {
        if (points.Count == 0)
        {
            return;
        }

        Title(page, title);
        Svg(page, svg =>
        {
            var slot = points.Count == 1 ? 0 : (Width - 60.0) / (points.Count - 1);
            var coordinates = points.Select((p, i) => (X: 40 + i * slot, Y: Height - 20 - p.Value * (Height - 40.0) / max)).ToList();
            svg.Append("<polyline class=\"line\" points=\"").Append(string.Join(" ", coordinates.Select(c => $"{F(c.X)},{F(c.Y)}"))).Append("\"/>");
            for (var i = 0; i < points.Count; i++)
            {
                svg.Append("<circle class=\"dot\" cx=\"").Append(F(coordinates[i].X)).Append("\" cy=\"").Append(F(coordinates[i].Y)).Append("\" r=\"3\"><title>")
                    .Append(Html($"{points[i].Label}: {points[i].Value}")).Append("</title></circle>");
                Label(svg, coordinates[i].X - 10, Height - 6, points[i].Label);
            }

            Label(svg, 2, 24, MetricsWriter.Number(max));
        });
    }

    private static void Title(StringBuilder page, string title) => page.Append("<h3>").Append(Html(title)).Append("</h3>\n");

    private static void Svg(StringBuilder page, Action<StringBuilder> body)
    {
        page.Append("<svg width=\"").Append(Width).Append("\" height=\"").Append(Height)
            .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" role=\"img\">");
        page.Append("<line class=\"axis\" x1=\"28\" y1=\"").Append(Height - 20).Append("\" x2=\"").Append(Width - 8).Append("\" y2=\"").Append(Height - 20).Append("\"/>");
        body(page);
        page.Append("</svg>\n");
    }

    private static void Rect(StringBuilder svg, string cssClass, double x, double y, double width, double height)
    {
        if (height > 0)
        {
            svg.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(F(x)).Append("\" y=\"").Append(F(y))
                .Append("\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height)).Append("\"/>");
        }
    }

    private static void Label(StringBuilder svg, double x, double y, string text) =>
        svg.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\">").Append(Html(text)).Append("</text>");

    private static DateTimeOffset WeekStart(DateTimeOffset time)
    {
        var day = time.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    public static void Write(string path, IReadOnlyList<ReleaseMetrics> scopes) =>
        File.WriteAllText(path, Render(scopes), new UTF8Encoding(false));
}
