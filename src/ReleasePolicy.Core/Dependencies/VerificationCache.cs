using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReleasePolicy.IO;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// Verdicts of packages that verified cleanly, under <c>obj/</c>, keyed by the package and a fingerprint of what the
/// verdict depends on (the recorded content hash, and the size and time of the .nupkg, its metadata and every file
/// the build uses), so a second build verifies nothing again. A problem is never cached: it is reported again on
/// every build until it is fixed. A cache of another version, or one that does not parse, is ignored and rebuilt.
/// </summary>
public sealed class VerificationCache
{
    /// <summary>Raised whenever the meaning of an entry changes, so old caches are dropped, not misread.</summary>
    internal const int FormatVersion = 1;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private bool _changed;

    private VerificationCache()
    {
    }

    /// <summary>An empty cache that is never saved (no file).</summary>
    public static VerificationCache Empty() => new();

    public static VerificationCache Load(string? path)
    {
        var cache = new VerificationCache();
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return cache;
        }

        try
        {
            using var document = JsonDocument.Parse(IO.RegularFile.ReadAllBytes(path!));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion
                || !root.TryGetProperty("packages", out var packages) || packages.ValueKind != JsonValueKind.Object)
            {
                cache._changed = true;
                return cache;
            }

            foreach (var package in packages.EnumerateObject())
            {
                var fingerprint = package.Value.ValueKind == JsonValueKind.Object ? PackageAssets.StringProperty(package.Value, "fingerprint") : null;
                if (fingerprint is null)
                {
                    continue;
                }

                var signature = package.Value.TryGetProperty("signature", out var s) ? PackageSignatureJson.Read(s) : null;
                cache._entries[package.Name] = new Entry(fingerprint, signature);
            }
        }
        catch (Exception ex) when (ex is JsonException || ex is IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException || ex is FormatException)
        {
            // A damaged cache only costs a full verification.
            cache._entries.Clear();
            cache._changed = true;
        }

        return cache;
    }

    internal bool TryGet(string key, string fingerprint, out PackageSignature? signature, out bool signed)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Fingerprint == Digest(fingerprint))
        {
            signature = entry.Signature;
            signed = entry.Signature is not null;
            return true;
        }

        signature = null;
        signed = false;
        return false;
    }

    internal void Set(string key, string fingerprint, PackageSignature? signature)
    {
        _entries[key] = new Entry(Digest(fingerprint), signature);
        _changed = true;
    }

    /// <summary>Drops packages the project no longer resolves, so the cache does not grow forever.</summary>
    internal void Retain(System.Collections.Generic.IEnumerable<string> keys)
    {
        var keep = new System.Collections.Generic.HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
        foreach (var key in _entries.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            _entries.TryRemove(key, out _);
            _changed = true;
        }
    }

    public void Save(string? path)
    {
        // Written even when nothing changed the first time, so the build's up-to-date check has its output.
        if (string.IsNullOrEmpty(path) || (!_changed && File.Exists(path)))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartObject("packages");
            foreach (var pair in _entries.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                writer.WriteStartObject(pair.Key);
                writer.WriteString("fingerprint", pair.Value.Fingerprint);
                if (pair.Value.Signature is not null)
                {
                    writer.WritePropertyName("signature");
                    PackageSignatureJson.Write(writer, pair.Value.Signature);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        AtomicFile.WriteIfChanged(path!, buffer.ToArray());
    }

    private static string Digest(string fingerprint)
    {
        using var sha = SHA256.Create();
        return Sha256Digest.ToHex(sha.ComputeHash(Encoding.UTF8.GetBytes(fingerprint)));
    }

    private sealed class Entry
    {
        public Entry(string fingerprint, PackageSignature? signature)
        {
            Fingerprint = fingerprint;
            Signature = signature;
        }

        public string Fingerprint { get; }

        public PackageSignature? Signature { get; }
    }
}
