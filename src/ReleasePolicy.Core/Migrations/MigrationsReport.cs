using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Migrations;

/// <summary>
/// The migrations report (<c>obj/.../releasepolicy/migrations.json</c>): the SQL migrations the script check found, a
/// JSON array of <see cref="MigrationEntry"/>, written by the check and read back by the manifest, which lists the same
/// entries in its <c>migrations</c>. Written in the manifest's file format (<see cref="ManifestJsonFormat"/>), so identical
/// inputs give identical bytes and <c>AtomicFile.WriteIfChanged</c> keeps its timestamp.
/// </summary>
public static class MigrationsReport
{
    private const string Description = "The migrations report";

    public static byte[] Write(IReadOnlyList<MigrationEntry> entries) =>
        ManifestJsonFormat.Write(json =>
        {
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                WriteEntry(json, entry);
            }

            json.WriteEndArray();
        });

    /// <returns>
    /// <c>true</c> with the entries (empty when there is no report, since no report means no SQL migrations);
    /// <c>false</c> with an RP9002 finding naming the file when it is not a JSON array of migration entries.
    /// </returns>
    public static bool TryRead(string? path, out IReadOnlyList<MigrationEntry> entries, out PolicyFinding? error)
    {
        entries = System.Array.Empty<MigrationEntry>();
        error = null;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return true;
        }

        using var document = JsonInputFile.TryParse(path!, Description, out error);
        if (document is null)
        {
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            error = Unexpected(path!, $"holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()} where a JSON array of migrations is expected");
            return false;
        }

        try
        {
            var read = new List<MigrationEntry>();
            foreach (var (item, itemPath) in JsonFields.Items(document.RootElement, "$"))
            {
                read.Add(ReadEntry(item, itemPath));
            }

            entries = read;
            return true;
        }
        catch (InvalidManifestDataException ex)
        {
            error = Unexpected(path!, "is not a migrations report: " + ex.Message.TrimEnd('.'));
            return false;
        }
    }

    /// <summary>One entry, also as the manifest's <c>migrations</c> lists it: the same bytes in both files.</summary>
    internal static void WriteEntry(Utf8JsonWriter json, MigrationEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("kind", entry.Kind);
        json.WriteString("convention", entry.Convention);
        if (entry.Forward is not null)
        {
            WriteFile(json, "forward", entry.Forward);
        }

        WriteFile(json, "rollback", entry.Rollback);
        if (entry.Verify is not null)
        {
            WriteFile(json, "verify", entry.Verify);
        }

        json.WriteString("status", entry.Status);
        if (entry.Reason is not null)
        {
            json.WriteString("reason", entry.Reason);
        }

        json.WriteBoolean("destructive", entry.Destructive);
        if (entry.Baselined)
        {
            json.WriteBoolean("baselined", true);
        }

        json.WriteEndObject();
    }

    /// <exception cref="InvalidManifestDataException">A field is missing or of the wrong type.</exception>
    internal static MigrationEntry ReadEntry(JsonElement item, string path)
    {
        JsonFields.RequireObject(item, path);
        return new MigrationEntry(
            JsonFields.String(item, "id", path),
            JsonFields.OptionalString(item, "convention", path) ?? string.Empty,
            ReadFile(item, "forward", path),
            ReadFile(item, "rollback", path),
            ReadFile(item, "verify", path),
            JsonFields.String(item, "status", path),
            JsonFields.OptionalString(item, "reason", path),
            JsonFields.Boolean(item, "destructive", path))
        {
            Baselined = JsonFields.Boolean(item, "baselined", path, absent: false),
        };
    }

    private static MigrationScriptFile? ReadFile(JsonElement parent, string name, string path)
    {
        if (JsonFields.Object(parent, name, path) is not { } file)
        {
            return null;
        }

        var filePath = path + "." + name;
        return new MigrationScriptFile(JsonFields.String(file, "path", filePath), JsonFields.OptionalString(file, "sha256", filePath));
    }

    private static void WriteFile(Utf8JsonWriter json, string name, MigrationScriptFile? file)
    {
        if (file is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("path", file.Path);
        if (file.Sha256 is null)
        {
            json.WriteNull("sha256");
        }
        else
        {
            json.WriteString("sha256", file.Sha256);
        }

        json.WriteEndObject();
    }

    private static PolicyFinding Unexpected(string path, string what) =>
        new(
            RuleIds.UnreadableInput,
            FindingKind.InputError,
            $"{Description} '{path}' {what}. Delete it and build again to regenerate it.",
            path,
            line: 1,
            column: 1);
}
