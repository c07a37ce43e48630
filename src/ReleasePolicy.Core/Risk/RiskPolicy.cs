using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Risk;

/// <summary>
/// The weights and level thresholds the score is computed with: the defaults of docs/risk.md, overridden by
/// <c>ReleaseRiskWeights</c> (<c>factor=weight;…</c>) and <c>ReleaseRiskLevels</c> (<c>medium=25;high=50;critical=75</c>).
/// </summary>
public sealed class RiskPolicy
{
    public static readonly RiskPolicy Default = new(
        RiskFactors.Defaults.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        new[] { 30, 60, 80 });

    private readonly IReadOnlyDictionary<string, int> _weights;

    private RiskPolicy(IReadOnlyDictionary<string, int> weights, IReadOnlyList<int> levelStarts)
    {
        _weights = weights;
        LevelStarts = levelStarts;
    }

    /// <summary>The score at which medium, high and critical start.</summary>
    public IReadOnlyList<int> LevelStarts { get; }

    public int Weight(string factor) => _weights.TryGetValue(factor, out var weight) ? weight : 0;

    public string LevelOf(int score)
    {
        var level = RiskLevels.Low;
        for (var i = 0; i < LevelStarts.Count; i++)
        {
            if (score >= LevelStarts[i])
            {
                level = RiskLevels.All[i + 1];
            }
        }

        return level;
    }

    /// <summary>Each invalid part is its own RP9001 finding located at <paramref name="projectFile"/>; the result is null when there is any.</summary>
    public static RiskPolicy? TryCreate(string? weights, string? levels, string? projectFile, ICollection<PolicyFinding> findings)
    {
        var before = findings.Count;
        var resolved = RiskFactors.Defaults.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var known = string.Join(", ", RiskFactors.Defaults.Select(p => p.Key));
        foreach (var (name, value) in Pairs(weights))
        {
            var factor = RiskFactors.Defaults.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (factor is null)
            {
                findings.Add(Invalid("ReleaseRiskWeights", weights, $"'{name}' is not a risk factor. Factors: {known}.", projectFile));
            }
            else if (Points(value) is { } points)
            {
                resolved[factor] = points;
            }
            else
            {
                findings.Add(Invalid("ReleaseRiskWeights", weights, $"the weight of '{factor}' is '{value}'; weights are whole numbers from 0 to 100.", projectFile));
            }
        }

        var starts = Default.LevelStarts.ToArray();
        foreach (var (name, value) in Pairs(levels))
        {
            var index = RiskLevels.Rank(name) - 1;
            if (index < 0)
            {
                findings.Add(Invalid("ReleaseRiskLevels", levels, $"'{name}' is not a level that starts at a score. Levels: medium, high, critical.", projectFile));
            }
            else if (Points(value) is { } points)
            {
                starts[index] = points;
            }
            else
            {
                findings.Add(Invalid("ReleaseRiskLevels", levels, $"'{name}' starts at '{value}'; scores are whole numbers from 0 to 100.", projectFile));
            }
        }

        if (findings.Count == before && !(starts[0] < starts[1] && starts[1] < starts[2]))
        {
            findings.Add(Invalid("ReleaseRiskLevels", levels, $"the levels must start at increasing scores, and they start at medium={starts[0]}, high={starts[1]}, critical={starts[2]}.", projectFile));
        }

        return findings.Count != before ? null : new RiskPolicy(resolved, starts);
    }

    /// <summary><c>ReleaseRiskThreshold</c>: a level name, default <c>high</c>.</summary>
    public static string? TryParseThreshold(string? value, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return RiskLevels.High;
        }

        var rank = RiskLevels.Rank(value);
        if (rank >= 0)
        {
            return RiskLevels.All[rank];
        }

        findings.Add(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"ReleaseRiskThreshold is '{value}'. Allowed values: {string.Join(", ", RiskLevels.All)}.",
            projectFile));
        return null;
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string? text)
    {
        foreach (var part in (text ?? string.Empty).Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var equals = trimmed.IndexOf('=');
            yield return equals < 0 ? (trimmed, string.Empty) : (trimmed.Substring(0, equals).Trim(), trimmed.Substring(equals + 1).Trim());
        }
    }

    private static int? Points(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var points) && points <= 100 ? points : null;

    private static PolicyFinding Invalid(string property, string? value, string problem, string? projectFile) =>
        new(RuleIds.InvalidPolicyValue, FindingKind.InputError, $"{property} is '{value}': {problem}", projectFile);
}
