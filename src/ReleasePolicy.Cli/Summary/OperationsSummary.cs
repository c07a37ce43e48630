using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Gates;
using ReleasePolicy.Manifest;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Cli.Summary;

/// <summary>
/// What operations needs to deploy the release and to go back: the migrations, the ones that matter for downtime
/// (destructive, forward-only, or without a working rollback), the rollback playbook the manifest records, and the
/// release gates' results.
/// </summary>
internal static class OperationsSummary
{
    public static SummarySection Section(ReleaseManifest manifest)
    {
        var migrations = manifest.Migrations.All;
        var section = new SummarySection("Operations", Counts(migrations));
        if (migrations.Count > 0)
        {
            section.Add(null).WithTable(
                new[] { "Migration", "Kind", "Rollback", "Destructive", "File" },
                migrations.Select(m => new[] { m.Id, m.Kind, m.Status, m.Destructive ? "yes" : "no", m.Path ?? string.Empty }).ToList());
            var downtime = DowntimeRelevant(migrations);
            var part = section.Add("Downtime-relevant", downtime.Count == 0 ? "none" : $"{downtime.Count} migration(s) destructive, forward-only or without a working rollback");
            foreach (var migration in downtime)
            {
                part.Item(migration.Id, Why(migration) + (migration.Path is { } path ? $" ({path})" : string.Empty));
            }
        }

        var rollback = manifest.Gates?.Rollback;
        section.Add("Rollback playbook", rollback is null ? "none recorded" : $"{rollback.Path} (sha256 {rollback.Sha256})");
        if (manifest.Gates is { Gates.Count: > 0 } report)
        {
            var part = section.Add("Release gates", GateCounts(report.Gates));
            foreach (var gate in report.Gates)
            {
                part.Item(gate.Id, $"{gate.Status}: {gate.Reason}");
            }
        }

        return section;
    }

    public static void Json(Utf8JsonWriter json, ReleaseManifest manifest)
    {
        var migrations = manifest.Migrations.All;
        json.WriteStartObject("operations");
        json.WriteNumber("migrations", migrations.Count);
        json.WriteNumber("withoutRollback", migrations.Count(m => m.WithoutRollback));
        json.WriteNumber("destructive", migrations.Count(m => m.Destructive));
        json.WriteNumber("forwardOnly", migrations.Count(IsForwardOnly));
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
        json.WriteStartArray("downtime");
        foreach (var m in DowntimeRelevant(migrations))
        {
            json.WriteStartObject();
            json.WriteString("id", m.Id);
            json.WriteString("kind", m.Kind);
            json.WriteString("status", m.Status);
            if (m.Reason is { } reason)
            {
                json.WriteString("reason", reason);
            }

            json.WriteBoolean("destructive", m.Destructive);
            json.WriteBoolean("forwardOnly", IsForwardOnly(m));
            json.WriteBoolean("withoutRollback", m.WithoutRollback);
            json.WriteString("path", m.Path);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (manifest.Gates?.Rollback is { } rollback)
        {
            json.WriteStartObject("rollbackPlaybook");
            json.WriteString("path", rollback.Path);
            json.WriteString("sha256", rollback.Sha256);
            json.WriteEndObject();
        }

        if (manifest.Gates is { } report)
        {
            json.WriteStartArray("gates");
            foreach (var gate in report.Gates)
            {
                json.WriteStartObject();
                json.WriteString("id", gate.Id);
                json.WriteString("status", gate.Status);
                json.WriteString("reason", gate.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>"2 migration(s), 1 without a working rollback, 1 destructive".</summary>
    private static string Counts(IReadOnlyList<MigrationFact> migrations) =>
        $"{migrations.Count} migration(s), {migrations.Count(m => m.WithoutRollback)} without a working rollback, {migrations.Count(m => m.Destructive)} destructive";

    /// <summary>A deployment that cannot simply be undone: data destroyed, no way back by design, or no working way back.</summary>
    private static IReadOnlyList<MigrationFact> DowntimeRelevant(IReadOnlyList<MigrationFact> migrations) =>
        migrations.Where(m => m.Destructive || IsForwardOnly(m) || m.WithoutRollback).ToList();

    private static bool IsForwardOnly(MigrationFact migration) => migration.Status == MigrationStatus.ForwardOnly;

    private static string Why(MigrationFact migration)
    {
        var reasons = new List<string>();
        if (migration.Destructive)
        {
            reasons.Add("destructive");
        }

        var reason = migration.Reason is { } r ? ": " + r : string.Empty;
        if (IsForwardOnly(migration))
        {
            reasons.Add("forward-only" + reason);
        }
        else if (migration.WithoutRollback)
        {
            reasons.Add($"no working rollback ({migration.Status}{reason})");
        }

        return string.Join("; ", reasons);
    }

    private static string GateCounts(IReadOnlyList<GateResult> gates) =>
        $"{gates.Count} gate(s): " + string.Join(", ", new[] { GateStatus.Pass, GateStatus.Fail, GateStatus.Bypassed }
            .Select(status => (Status: status, Count: gates.Count(g => g.Status == status)))
            .Where(s => s.Count > 0)
            .Select(s => $"{s.Count} {s.Status}"));
}
