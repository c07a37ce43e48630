using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Trend;

/// <summary>
/// <c>release-policy trend</c>: several releases side by side, oldest first (by build timestamp when every manifest has
/// one, else by package version), so a team sees risk, migrations and dependencies move release after release.
/// </summary>
internal static class TrendWriter
{
    public static IReadOnlyList<ReleaseManifest> Order(IReadOnlyList<ReleaseManifest> releases) =>
        releases.All(r => r.Build.Timestamp is not null)
            ? releases.OrderBy(r => r.Build.Timestamp).ToList()
            : releases.OrderBy(r => r.Package.Version ?? string.Empty, VersionOrder.Instance).ToList();

    public static void Write(TextWriter output, IReadOnlyList<ReleaseManifest> releases, bool markdown)
    {
        var rows = Order(releases).Select(r => new[]
        {
            $"{r.Package.Id} {r.Package.Version}".Trim(),
            r.Build.Timestamp is { } t ? SourceDateEpoch.Format(t) : "-",
            r.Release.Type + (r.Release.HotfixSeverity is { } s ? $" ({s})" : string.Empty),
            r.Risk is { } risk ? $"{risk.Level} {risk.Score}" : "-",
            r.Migrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Migrations.All.Count(m => m.WithoutRollback).ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Dependencies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (r.Findings?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var header = new[] { "Release", "Built", "Type", "Risk", "Migrations", "No rollback", "Dependencies", "Findings" };
        if (markdown)
        {
            output.WriteLine("| " + string.Join(" | ", header) + " |");
            output.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
            rows.ForEach(row => output.WriteLine("| " + string.Join(" | ", row) + " |"));
        }
        else
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
            rows.ForEach(row => output.WriteLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd()));
        }

        var hotfixes = releases.Count(r => r.Release.Type == "Hotfix");
        output.WriteLine();
        output.WriteLine($"{releases.Count} release(s), {hotfixes} hotfix(es).");
    }

    /// <summary>Numeric parts compared as numbers, so 1.10.0 comes after 1.9.0.</summary>
    private sealed class VersionOrder : IComparer<string>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? string.Empty).Split('.', '-', '+');
            var b = (y ?? string.Empty).Split('.', '-', '+');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = int.TryParse(a[i], out var na) && int.TryParse(b[i], out var nb) ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
