using System;
using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Risk;

/// <summary>
/// Scores a release from what its manifest records (and, for dependency changes, the baseline's): the documented,
/// deterministic model of docs/risk.md. Facts the build does not have yet (signatures, vulnerabilities, leaks, flags,
/// public API) add nothing rather than a guess.
/// </summary>
public static class RiskModel
{
    /// <summary>
    /// Findings that say a migration has no working rollback or destroys data: the migration factors already count
    /// that fact, so the warning does not count a second time.
    /// </summary>
    private static readonly HashSet<string> CountedByMigrationFactors = new(StringComparer.Ordinal)
    {
        RuleIds.MigrationWithoutRollback,
        RuleIds.EmptyDown,
        RuleIds.DownOnlyThrows,
        RuleIds.DownDoesNotReverseUp,
        RuleIds.DestructiveOperationInUp,
        RuleIds.ForwardScriptWithoutRollback,
        RuleIds.EmptyRollbackScript,
        RuleIds.OrphanRollbackScript,
    };

    public static RiskAssessment Assess(ReleaseManifest manifest, ReleaseManifest? baseline, RiskPolicy policy) =>
        Assess(manifest, policy, baseline is null ? null : ReleaseChanges.Between(baseline, manifest));

    /// <param name="changes">What changed since the baseline (the manifest's <c>changes</c>); null without one.</param>
    public static RiskAssessment Assess(ReleaseManifest manifest, RiskPolicy policy, ReleaseChanges? changes)
    {
        var factors = new List<RiskFactor>();
        void Add(string id, int weight, IReadOnlyList<string> evidence)
        {
            if (weight > 0 && evidence.Count > 0)
            {
                factors.Add(new RiskFactor(id, weight, evidence));
            }
        }

        var release = manifest.Release;
        if (release.UserImpact == "CustomerFacing")
        {
            Add(RiskFactors.UserImpact, policy.Weight(RiskFactors.UserImpact), new[] { "ReleaseUserImpact=CustomerFacing" });
        }

        var sensitivityQuarters = release.DataSensitivity switch
        {
            "Internal" => 1,
            "Confidential" => 2,
            "PII" => 3,
            "PHI" or "PCI" => 4,
            _ => 0,
        };
        Add(RiskFactors.DataSensitivity, policy.Weight(RiskFactors.DataSensitivity) * sensitivityQuarters / 4, new[] { "ReleaseDataSensitivity=" + release.DataSensitivity });

        var migrations = manifest.Migrations.All;
        Add(
            RiskFactors.DestructiveMigrations,
            policy.Weight(RiskFactors.DestructiveMigrations),
            migrations.Where(m => m.Destructive).Select(m => m.Id + Where(m.Path)).ToList());
        Add(
            RiskFactors.MigrationsWithoutRollback,
            policy.Weight(RiskFactors.MigrationsWithoutRollback),
            migrations.Where(m => m.WithoutRollback).Select(m => $"{m.Id}: {m.Status}{Where(m.Path)}").ToList());

        var warnings = (manifest.Findings ?? Array.Empty<ReleaseFinding>())
            .Where(f => f.Severity == "warning" && !CountedByMigrationFactors.Contains(f.Rule))
            .GroupBy(f => f.Rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} x{g.Count()}")
            .ToList();
        Add(RiskFactors.FindingsLeftAsWarnings, policy.Weight(RiskFactors.FindingsLeftAsWarnings), warnings);

        if (release.Type == "Hotfix")
        {
            Add(RiskFactors.Hotfix, policy.Weight(RiskFactors.Hotfix), new[] { "ReleaseType=Hotfix" + (release.HotfixSeverity is { } severity ? $" ({severity})" : string.Empty) });
        }

        if (manifest.Gates is { } gates)
        {
            Add(RiskFactors.KnownDefects, policy.Weight(RiskFactors.KnownDefects), gates.KnownDefects.Select(d => d.Id).ToList());
        }

        if (manifest.DependencyVerification is { } verification)
        {
            Add(
                RiskFactors.UntrustedDependencies,
                policy.Weight(RiskFactors.UntrustedDependencies),
                manifest.Dependencies
                    .Select(p => (Package: p, Trust: verification.For(p.Id, p.Version)))
                    .Where(p => p.Trust is { Trusted: false })
                    .Select(p => $"{p.Package.Id} {p.Package.Version}: {p.Trust!.Trust}")
                    .ToList());

            // Suppressed advisories still ship: the justification explains them, it does not remove them.
            Add(
                RiskFactors.Vulnerabilities,
                policy.Weight(RiskFactors.Vulnerabilities),
                verification.Vulnerabilities
                    .Select(v => $"{v.Id} {v.Severity} in {v.Package} {v.Version}" + (v.Suppressed ? " (suppressed)" : string.Empty))
                    .ToList());
        }

        if (changes is { PublicApiCompared: true } api)
        {
            var evidence = new List<string>();
            if (api.PublicApiRemoved.Count > 0)
            {
                evidence.Add($"{api.PublicApiRemoved.Count} public member(s) removed, e.g. {api.PublicApiRemoved[0]}");
            }

            if (api.PublicApiAdded.Count > 0)
            {
                evidence.Add($"{api.PublicApiAdded.Count} public member(s) added, e.g. {api.PublicApiAdded[0]}");
            }

            Add(RiskFactors.PublicApiChange, policy.Weight(RiskFactors.PublicApiChange), evidence);
        }

        if (changes?.Dependencies is { } dependencies)
        {
            Add(RiskFactors.DependenciesAdded, policy.Weight(RiskFactors.DependenciesAdded), dependencies.Added.Select(p => $"{p.Id} {p.Version}").ToList());
            Add(RiskFactors.DependenciesRemoved, policy.Weight(RiskFactors.DependenciesRemoved), dependencies.Removed.Select(p => $"{p.Id} {p.Version}").ToList());
            Add(
                RiskFactors.DependencyMajorUpgrades,
                policy.Weight(RiskFactors.DependencyMajorUpgrades),
                dependencies.Updated.Where(u => u.MajorUpgrade).Select(u => $"{u.Id} {u.From} -> {u.To}").ToList());
        }

        var ordered = factors.OrderByDescending(f => f.Weight).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var score = Math.Min(100, ordered.Sum(f => f.Weight));
        return new RiskAssessment(score, policy.LevelOf(score), ordered);
    }

    /// <summary>RP5000's text: level, score, the top three factors and where the manifest is.</summary>
    public static string Summary(RiskAssessment risk, string manifestPath)
    {
        var top = risk.Factors.Take(3).Select(f => $"{f.Id} ({f.Weight})").ToList();
        var factors = top.Count == 0 ? "no risk factors apply" : string.Join(", ", top);
        return $"Release risk {risk.Level} ({risk.Score}/100): {factors}. Release manifest: {manifestPath}";
    }

    private static string Where(string? path) => path is null ? string.Empty : $" ({path})";
}
