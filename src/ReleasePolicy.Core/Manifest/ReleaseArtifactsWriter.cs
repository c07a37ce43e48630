using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ReleasePolicy.Json;

namespace ReleasePolicy.Manifest;

/// <summary>Writes the sidecar manifest: the release manifest with the released files and their hashes appended.</summary>
public static class ReleaseArtifactsWriter
{
    /// <summary>
    /// Copies every property of <paramref name="manifest"/> in order, then <c>artifacts</c> sorted by path. An
    /// existing <c>artifacts</c> property is replaced, so running twice gives the same bytes.
    /// </summary>
    /// <param name="provenance">Writes the sidecar's <c>provenance</c> after <c>artifacts</c> (<see cref="SlsaProvenance"/>); null for none.</param>
    public static byte[] ToBytes(JsonElement manifest, IEnumerable<ReleaseArtifact> artifacts, Action<Utf8JsonWriter>? provenance = null) =>
        ManifestJsonFormat.Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var property in manifest.EnumerateObject())
            {
                if (property.NameEquals("artifacts") || property.NameEquals("provenance"))
                {
                    continue;
                }

                property.WriteTo(writer);
            }

            writer.WriteStartArray("artifacts");
            foreach (var artifact in artifacts.OrderBy(a => a.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("path", artifact.Path);
                writer.WriteString("sha256", artifact.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            provenance?.Invoke(writer);
            writer.WriteEndObject();
        });
}
