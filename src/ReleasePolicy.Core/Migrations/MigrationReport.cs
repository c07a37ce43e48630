using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReleasePolicy.Migrations;

/// <summary>
/// Writes the migration report: a JSON array, UTF-8 without BOM, 2-space indent, '\n' line ends on every OS and a
/// final newline, so identical inputs give identical bytes and <c>AtomicFile.WriteIfChanged</c> keeps its timestamp.
/// </summary>
public static class MigrationReport
{
    public static byte[] Serialize(IReadOnlyList<MigrationEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
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
        }

        // Utf8JsonWriter ends indented lines with Environment.NewLine; strings never hold a raw newline (it is escaped),
        // so replacing every CR LF is safe.
        var bytes = buffer.ToArray();
        var output = new List<byte>(bytes.Length + 1);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
            {
                continue;
            }

            output.Add(bytes[i]);
        }

        output.Add((byte)'\n');
        return output.ToArray();
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
}
