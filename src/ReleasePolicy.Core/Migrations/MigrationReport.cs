using System.Collections.Generic;
using System.Text.Json;
using ReleasePolicy.Json;

namespace ReleasePolicy.Migrations;

/// <summary>
/// Writes the migration report, a JSON array, in the same file format as the manifest (<see cref="ManifestJsonFormat"/>),
/// so identical inputs give identical bytes and <c>AtomicFile.WriteIfChanged</c> keeps its timestamp.
/// </summary>
public static class MigrationReport
{
    public static byte[] Serialize(IReadOnlyList<MigrationEntry> entries) =>
        ManifestJsonFormat.Write(json =>
        {
            json.WriteStartArray();
            foreach (var entry in entries)
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
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });

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
}
