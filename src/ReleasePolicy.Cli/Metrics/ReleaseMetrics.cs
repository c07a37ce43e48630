using System;
using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Cli.Trend;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Metrics;

/// <summary>One release as the metrics see it.</summary>
internal sealed record ReleasePoint(
    string Package,
    string? Version,
    DateTimeOffset? Built,
    bool Hotfix,
    DateTimeOffset? Committed,
    int? RiskScore)
{
    /// <summary>Commit → build, when both are known and in that order.</summary>
    public TimeSpan? LeadTime => Built is { } built && Committed is { } committed && built >= committed ? built - committed : null;

    public string Name => Version is null ? Package : $"{Package} {Version}";
}

/// <summary>A release followed by a hotfix: the hotfix restored what the release broke.</summary>
internal sealed record ReleaseFailure(ReleasePoint Release, ReleasePoint Hotfix)
{
    public TimeSpan? TimeToRestore => Release.Built is { } built && Hotfix.Built is { } fixedAt && fixedAt >= built ? fixedAt - built : null;
}

/// <summary>
/// The DORA-style release metrics a set of manifests allows, for one package or all of them, each with its sample
/// size. Definitions (also in the README):
/// <list type="bullet">
/// <item>deployment frequency: releases per week, (dated releases − 1) / days from the first to the last build × 7;</item>
/// <item>change failure rate: releases directly followed by a hotfix of the same package, over all releases;</item>
/// <item>time to restore: a failed release's build → its hotfix's build;</item>
/// <item>lead time: the commit's committer time (read from the repository) → the build timestamp.</item>
/// </list>
/// Build times come from <c>build.timestamp</c> (SOURCE_DATE_EPOCH); a release without one counts in the counts only.
/// </summary>
internal sealed class ReleaseMetrics
{
    private ReleaseMetrics(string scope, IReadOnlyList<ReleasePoint> releases, IReadOnlyList<ReleaseFailure> failures)
    {
        Scope = scope;
        Releases = releases;
        Failures = failures;
    }

    /// <summary>A package id, or <see cref="Overall"/>.</summary>
    public string Scope { get; }

    public const string Overall = "all packages";

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ReleasePoint> Releases { get; }

    public IReadOnlyList<ReleaseFailure> Failures { get; }

    public int Hotfixes => Releases.Count(r => r.Hotfix);

    public IReadOnlyList<ReleasePoint> Dated => Releases.Where(r => r.Built is not null).OrderBy(r => r.Built).ToList();

    public TimeSpan? Span => Dated.Count >= 2 ? Dated[Dated.Count - 1].Built!.Value - Dated[0].Built!.Value : null;

    public double? ReleasesPerWeek => Span is { TotalDays: > 0 } span ? (Dated.Count - 1) / span.TotalDays * 7 : null;

    public double? ChangeFailureRate => Releases.Count == 0 ? null : (double)Failures.Count / Releases.Count;

    public IReadOnlyList<TimeSpan> RestoreTimes => Failures.Select(f => f.TimeToRestore).OfType<TimeSpan>().ToList();

    public IReadOnlyList<TimeSpan> LeadTimes => Releases.Select(r => r.LeadTime).OfType<TimeSpan>().ToList();

    /// <summary>One entry per package (by id, ignoring case), then the overall one when there are several packages.</summary>
    public static IReadOnlyList<ReleaseMetrics> Compute(IReadOnlyList<ReleaseManifest> manifests, Func<ReleaseManifest, DateTimeOffset?> commitTime)
    {
        var scopes = new List<ReleaseMetrics>();
        var all = new List<ReleasePoint>();
        var allFailures = new List<ReleaseFailure>();
        foreach (var package in manifests.GroupBy(m => m.Package.Id ?? "(no package id)", StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            var ordered = TrendWriter.Order(package.ToList());
            var points = ordered.Select(m => new ReleasePoint(
                package.Key,
                m.Package.Version,
                m.Build.Timestamp,
                string.Equals(m.Release.Type, "Hotfix", StringComparison.Ordinal),
                m.Package.Repository.Commit is null ? null : commitTime(m),
                m.Risk?.Score)).ToList();
            var failures = new List<ReleaseFailure>();
            for (var i = 1; i < points.Count; i++)
            {
                if (points[i].Hotfix)
                {
                    failures.Add(new ReleaseFailure(points[i - 1], points[i]));
                }
            }

            scopes.Add(new ReleaseMetrics(package.Key, points, failures));
            all.AddRange(points);
            allFailures.AddRange(failures);
        }

        if (scopes.Count > 1)
        {
            var ordered = all.All(p => p.Built is not null) ? all.OrderBy(p => p.Built).ToList() : all;
            scopes.Add(new ReleaseMetrics(Overall, ordered, allFailures));
        }

        return scopes;
    }

    public static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : TimeSpan.FromTicks((sorted[sorted.Count / 2 - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
    }

    public static TimeSpan? Mean(IReadOnlyList<TimeSpan> values) =>
        values.Count == 0 ? null : TimeSpan.FromTicks((long)values.Average(v => v.Ticks));
}
