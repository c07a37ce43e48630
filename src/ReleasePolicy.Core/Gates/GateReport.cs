using System;
using System.Collections.Generic;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;

namespace ReleasePolicy.Gates;

/// <summary>
/// What the gate check hands the release manifest (<c>gates.json</c> in the intermediate folder): the sections
/// <c>gates</c>, <c>knownDefects</c>, <c>rollback</c> and <c>compliance</c>, written here and copied into the manifest as they are.
/// </summary>
public sealed class GateReport
{
    public GateReport(
        IReadOnlyList<GateResult> gates,
        IReadOnlyList<KnownDefect> knownDefects,
        RollbackRecord? rollback,
        IReadOnlyList<ConfigDrift>? configDrift = null,
        IReadOnlyList<ComplianceRecord>? compliance = null)
    {
        Compliance = compliance ?? Array.Empty<ComplianceRecord>();
        Gates = gates;
        KnownDefects = knownDefects;
        Rollback = rollback;
        ConfigDrift = configDrift ?? Array.Empty<ConfigDrift>();
    }

    /// <summary>The manifest's <c>compliance</c> section (RP5010): each control and its evidence.</summary>
    public IReadOnlyList<ComplianceRecord> Compliance { get; }

    /// <summary>The RP5007 gate's <c>drift</c> table in the manifest.</summary>
    public IReadOnlyList<ConfigDrift> ConfigDrift { get; }

    public IReadOnlyList<GateResult> Gates { get; }

    public IReadOnlyList<KnownDefect> KnownDefects { get; }

    public RollbackRecord? Rollback { get; }

    public byte[] ToBytes() =>
        ManifestJsonFormat.Write(writer =>
        {
            writer.WriteStartObject();
            WriteSections(writer);
            writer.WriteEndObject();
        });

    /// <summary>The manifest's sections, in the manifest's order; empty lists are left out.</summary>
    public void WriteSections(Utf8JsonWriter writer)
    {
        if (Gates.Count > 0)
        {
            writer.WriteStartArray("gates");
            foreach (var gate in Gates)
            {
                writer.WriteStartObject();
                writer.WriteString("id", gate.Id);
                writer.WriteString("status", gate.Status);
                writer.WriteString("reason", gate.Reason);
                if (gate.Severity is { } severity)
                {
                    writer.WriteString("severity", severity);
                }

                writer.WriteStartArray("evidence");
                foreach (var evidence in gate.Evidence)
                {
                    writer.WriteStringValue(evidence);
                }

                writer.WriteEndArray();
                if (gate.Id == RuleIds.ConfigurationDrift && ConfigDrift.Count > 0)
                {
                    WriteDrift(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (KnownDefects.Count > 0)
        {
            writer.WriteStartArray("knownDefects");
            foreach (var defect in KnownDefects)
            {
                writer.WriteStartObject();
                writer.WriteString("id", defect.Id);
                Optional(writer, "mitigation", defect.Mitigation);
                Optional(writer, "monitoringTrigger", defect.MonitoringTrigger);
                Optional(writer, "owner", defect.Owner);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Rollback is { } rollback)
        {
            writer.WriteStartObject("rollback");
            writer.WriteStartObject("playbook");
            writer.WriteString("path", rollback.Path);
            writer.WriteString("sha256", rollback.Sha256);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (Compliance.Count > 0)
        {
            writer.WriteStartArray("compliance");
            foreach (var control in Compliance)
            {
                writer.WriteStartObject();
                writer.WriteString("control", control.Control);
                Optional(writer, "framework", control.Framework);
                writer.WriteStartArray("evidence");
                foreach (var evidence in control.Evidence)
                {
                    writer.WriteStartObject();
                    writer.WriteString("ref", evidence.Reference);
                    Optional(writer, "path", evidence.Path);
                    Optional(writer, "sha256", evidence.Sha256);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>The RP5007 gate's <c>drift</c> table.</summary>
    private void WriteDrift(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("drift");
        foreach (var row in ConfigDrift)
        {
            writer.WriteStartObject();
            writer.WriteString("key", row.Key);
            writer.WriteString("kind", row.Kind);
            writer.WriteString("file", row.File);
            writer.WriteNumber("line", row.Line);
            writer.WriteString("other", row.Other);
            writer.WriteString("detail", row.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads <c>gates.json</c>; an absent path is "no gates ran" (null, no error).</summary>
    public static bool TryRead(string? path, out GateReport? report, out PolicyFinding? error)
    {
        report = null;
        error = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            return true;
        }

        using var document = JsonInputFile.TryParse(path!, "The release gates report", out error);
        if (document is null)
        {
            return false;
        }

        try
        {
            report = Read(document.RootElement);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex is KeyNotFoundException || ex is FormatException)
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"The release gates report '{path}' cannot be read ({ex.Message}). Delete it and build again to rewrite it.",
                path);
            return false;
        }
    }

    internal static GateReport Read(JsonElement root)
    {
        var gates = new List<GateResult>();
        if (root.TryGetProperty("gates", out var gatesElement))
        {
            foreach (var gate in gatesElement.EnumerateArray())
            {
                var evidence = new List<string>();
                if (gate.TryGetProperty("evidence", out var evidenceElement))
                {
                    foreach (var item in evidenceElement.EnumerateArray())
                    {
                        evidence.Add(item.GetString()!);
                    }
                }

                gates.Add(new GateResult(
                    gate.GetProperty("id").GetString()!,
                    gate.GetProperty("status").GetString()!,
                    gate.TryGetProperty("reason", out var reason) ? reason.GetString()! : string.Empty,
                    evidence,
                    gate.TryGetProperty("severity", out var severity) ? severity.GetString() : null));
            }
        }

        var defects = new List<KnownDefect>();
        if (root.TryGetProperty("knownDefects", out var defectsElement))
        {
            foreach (var defect in defectsElement.EnumerateArray())
            {
                defects.Add(new KnownDefect(
                    defect.GetProperty("id").GetString()!,
                    Optional(defect, "mitigation"),
                    Optional(defect, "monitoringTrigger"),
                    Optional(defect, "owner")));
            }
        }

        RollbackRecord? rollback = null;
        if (root.TryGetProperty("rollback", out var rollbackElement) && rollbackElement.TryGetProperty("playbook", out var playbook))
        {
            rollback = new RollbackRecord(playbook.GetProperty("path").GetString()!, playbook.GetProperty("sha256").GetString()!);
        }

        var drift = new List<ConfigDrift>();
        foreach (var driftElement in DriftTables(root))
        {
            foreach (var row in driftElement.EnumerateArray())
            {
                drift.Add(new ConfigDrift(
                    row.GetProperty("key").GetString()!,
                    row.GetProperty("kind").GetString()!,
                    row.GetProperty("file").GetString()!,
                    row.GetProperty("line").GetInt32(),
                    row.GetProperty("other").GetString()!,
                    row.GetProperty("detail").GetString()!));
            }
        }

        var compliance = new List<ComplianceRecord>();
        if (root.TryGetProperty("compliance", out var complianceElement))
        {
            foreach (var control in complianceElement.EnumerateArray())
            {
                var evidence = new List<ComplianceEvidence>();
                if (control.TryGetProperty("evidence", out var evidenceElement))
                {
                    foreach (var item in evidenceElement.EnumerateArray())
                    {
                        evidence.Add(item.ValueKind == JsonValueKind.String
                            ? new ComplianceEvidence(item.GetString()!, null, null)
                            : new ComplianceEvidence(item.GetProperty("ref").GetString()!, Optional(item, "path"), Optional(item, "sha256")));
                    }
                }

                compliance.Add(new ComplianceRecord(control.GetProperty("control").GetString()!, Optional(control, "framework"), evidence));
            }
        }

        return new GateReport(gates, defects, rollback, drift, compliance);
    }

    private static IEnumerable<JsonElement> DriftTables(JsonElement root)
    {
        if (root.TryGetProperty("gates", out var gates))
        {
            foreach (var gate in gates.EnumerateArray())
            {
                if (gate.TryGetProperty("drift", out var drift))
                {
                    yield return drift;
                }
            }
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
