using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Summary;

/// <summary>
/// What support needs when customers call: the user impact and the findings left in the release, the feature flags
/// (new since the baseline, expired, undeclared, removed), the known defects carried forward with their mitigation, and
/// the user-visible change of the public API since the baseline.
/// </summary>
internal static class SupportSummary
{
    public static SummarySection Section(ReleaseManifest manifest)
    {
        var findings = manifest.Findings ?? Array.Empty<ReleaseFinding>();
        var section = new SummarySection("Support", $"user impact {manifest.Release.UserImpact}; {findings.Count} finding(s) in the release");
        if (findings.Count > 0)
        {
            var part = section.Add(null);
            foreach (var f in findings)
            {
                part.Item(f.Rule, $"{f.Severity}: {f.Message}{SummaryWriter.Where(f)}");
            }
        }

        if (manifest.FeatureFlags is { } flags)
        {
            var changes = FlagChanges(manifest);
            var counts = $"{flags.Count} flag(s)"
                + (changes is null ? string.Empty : $", {changes.FlagsAdded.Count} new since {Baseline(changes)}")
                + $", {flags.Count(f => f.Expired)} expired, {flags.Count(f => f.Undeclared)} undeclared"
                + (changes is { FlagsRemoved.Count: > 0 } ? $", {changes.FlagsRemoved.Count} removed" : string.Empty);
            var part = section.Add("Feature flags", counts);
            foreach (var flag in flags)
            {
                if (Notes(flag, changes) is { Length: > 0 } notes)
                {
                    part.Item(flag.Name, notes);
                }
            }

            foreach (var removed in changes?.FlagsRemoved ?? Array.Empty<string>())
            {
                part.Item(removed, $"removed since {Baseline(changes!)}");
            }
        }

        if (manifest.Gates is { } gates)
        {
            var defects = gates.KnownDefects;
            var part = section.Add("Known defects", defects.Count == 0 ? "none carried forward" : $"{defects.Count} carried forward");
            foreach (var defect in defects)
            {
                part.Item(defect.Id, $"mitigation: {defect.Mitigation ?? "none recorded"}; monitoring: {defect.MonitoringTrigger ?? "none recorded"}; owner: {defect.Owner ?? "none recorded"}");
            }
        }

        if (manifest.Changes is { } api)
        {
            if (!api.PublicApiCompared)
            {
                section.Add("Public API", "not compared (this release or its baseline records no publicApi)");
            }
            else
            {
                var part = section.Add("Public API", $"{api.PublicApiAdded.Count} member(s) added, {api.PublicApiRemoved.Count} removed since {Baseline(api)}");
                foreach (var member in api.PublicApiAdded)
                {
                    part.Item(member, "(added)");
                }

                foreach (var member in api.PublicApiRemoved)
                {
                    part.Item(member, "(removed)");
                }
            }
        }

        return section;
    }

    public static void Json(Utf8JsonWriter json, ReleaseManifest manifest)
    {
        var findings = manifest.Findings ?? Array.Empty<ReleaseFinding>();
        json.WriteStartObject("support");
        json.WriteNumber("findings", findings.Count);
        Strings(json, "findingRules", findings.Select(f => f.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal));
        if (manifest.FeatureFlags is { } flags)
        {
            var changes = FlagChanges(manifest);
            json.WriteStartObject("featureFlags");
            json.WriteNumber("count", flags.Count);
            if (changes is not null)
            {
                Strings(json, "new", changes.FlagsAdded);
                Strings(json, "removed", changes.FlagsRemoved);
            }

            Strings(json, "expired", flags.Where(f => f.Expired).Select(f => f.Name));
            Strings(json, "undeclared", flags.Where(f => f.Undeclared).Select(f => f.Name));
            json.WriteEndObject();
        }

        if (manifest.Gates is { } gates)
        {
            json.WriteStartArray("knownDefects");
            foreach (var defect in gates.KnownDefects)
            {
                json.WriteStartObject();
                json.WriteString("id", defect.Id);
                json.WriteString("mitigation", defect.Mitigation);
                json.WriteString("monitoringTrigger", defect.MonitoringTrigger);
                json.WriteString("owner", defect.Owner);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (manifest.Changes is { } api)
        {
            json.WriteStartObject("publicApi");
            json.WriteBoolean("compared", api.PublicApiCompared);
            json.WriteString("baseline", api.BaselineVersion);
            if (api.PublicApiCompared)
            {
                Strings(json, "added", api.PublicApiAdded);
                Strings(json, "removed", api.PublicApiRemoved);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The baseline comparison, when both manifests had a <c>featureFlags</c> section to compare.</summary>
    private static ReleaseChanges? FlagChanges(ReleaseManifest manifest) => manifest.Changes is { FlagsCompared: true } changes ? changes : null;

    private static string Baseline(ReleaseChanges changes) => changes.BaselineVersion ?? "the baseline";

    /// <summary>What support should know about one flag; empty for a declared, referenced, unexpired flag that is not new.</summary>
    private static string Notes(FeatureFlag flag, ReleaseChanges? changes)
    {
        var notes = new List<string>();
        if (changes is not null && changes.FlagsAdded.Contains(flag.Name, StringComparer.OrdinalIgnoreCase))
        {
            notes.Add($"new since {Baseline(changes)}");
        }

        if (flag.Expired)
        {
            notes.Add($"expired {flag.Expires}" + (flag.References > 0 ? $", still referenced {flag.References} time(s)" : string.Empty));
        }

        if (flag.Undeclared)
        {
            notes.Add($"undeclared: referenced {flag.References} time(s), declared in no flag source");
        }

        return string.Join("; ", notes);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
