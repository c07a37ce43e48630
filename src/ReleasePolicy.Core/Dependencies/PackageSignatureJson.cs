using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ReleasePolicy.Dependencies;

/// <summary>One JSON shape for a signature, in the verification cache, the dependency report and the manifest.</summary>
public static class PackageSignatureJson
{
    public static void Write(Utf8JsonWriter writer, PackageSignature signature)
    {
        writer.WriteStartObject();
        writer.WriteString("type", signature.Type);
        writer.WriteString("subject", signature.SignerSubject);
        writer.WriteString("fingerprint", signature.CertificateSha256);
        writer.WriteBoolean("timestamped", signature.Timestamped);
        if (signature.ServiceIndex is not null)
        {
            writer.WriteString("serviceIndex", signature.ServiceIndex);
        }

        if (signature.Owners.Count > 0)
        {
            writer.WriteStartArray("owners");
            foreach (var owner in signature.Owners)
            {
                writer.WriteStringValue(owner);
            }

            writer.WriteEndArray();
        }

        if (signature.RepositoryCountersignature is { } counter)
        {
            writer.WritePropertyName("repositoryCountersignature");
            Write(writer, counter);
        }

        writer.WriteString("status", PackageSignature.OfflineStatus);
        writer.WriteEndObject();
    }

    /// <returns>The signature, or null when the element is not one this writer wrote.</returns>
    public static PackageSignature? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = PackageAssets.StringProperty(element, "type");
        var signer = PackageAssets.StringProperty(element, "subject");
        var certificate = PackageAssets.StringProperty(element, "fingerprint");
        if (type is null || signer is null || certificate is null)
        {
            return null;
        }

        var owners = new List<string>();
        if (element.TryGetProperty("owners", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            owners.AddRange(list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!));
        }

        return new PackageSignature(
            type,
            signer,
            certificate,
            element.TryGetProperty("timestamped", out var t) && t.ValueKind == JsonValueKind.True,
            owners,
            PackageAssets.StringProperty(element, "serviceIndex"),
            element.TryGetProperty("repositoryCountersignature", out var counter) ? Read(counter) : null);
    }
}
