using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReleasePolicy.Json;

/// <summary>
/// The one way ReleasePolicy writes JSON files that people diff and CI hashes: UTF-8 without a BOM, two-space indent,
/// <c>\n</c> line endings on every OS, a trailing newline, and non-ASCII text left readable rather than escaped.
/// </summary>
internal static class ManifestJsonFormat
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Readable names and hashes ("Orders Ünïcode", "sha512-ab+c/="); the output is a file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the finished file bytes.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        return NormalizeNewlines(buffer.ToArray());
    }

    /// <summary>
    /// Utf8JsonWriter indents with Environment.NewLine (CRLF on Windows) and only .NET 9 lets that be configured.
    /// A raw CR can only be indentation, because the writer escapes control characters inside strings, so dropping
    /// every CR that precedes an LF gives the same bytes on every OS.
    /// </summary>
    internal static byte[] NormalizeNewlines(byte[] bytes)
    {
        var count = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!(bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n'))
            {
                count++;
            }
        }

        if (count == bytes.Length)
        {
            return bytes;
        }

        var result = new byte[count];
        var j = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!(bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n'))
            {
                result[j++] = bytes[i];
            }
        }

        return result;
    }
}
