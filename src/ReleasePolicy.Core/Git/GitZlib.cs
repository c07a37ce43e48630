using System.IO;
using System.IO.Compression;

namespace ReleasePolicy.Git;

/// <summary>
/// Git compresses every object with zlib: a two-byte header, raw deflate, an Adler-32 trailer. net8.0 reads it with
/// <see cref="ZLibStream"/>; netstandard2.0 (the tasks' net472 build) has only <see cref="DeflateStream"/>, so there
/// the header is skipped and the trailer ignored (the object's own length and id say whether it is whole).
/// </summary>
internal static class GitZlib
{
    /// <summary>Inflates from <paramref name="source"/>'s position exactly <paramref name="length"/> bytes, or null when the data ends early or is not zlib.</summary>
    public static byte[]? Inflate(Stream source, long length)
    {
        if (length < 0 || length > int.MaxValue)
        {
            return null;
        }

        try
        {
            using var inflater = Open(source);
            if (inflater is null)
            {
                return null;
            }

            var buffer = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = inflater.Read(buffer, read, (int)(length - read));
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }

            return buffer;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static Stream? Open(Stream source) =>
#if NET
        new ZLibStream(source, CompressionMode.Decompress, leaveOpen: true);
#else
        OpenDeflateAfterHeader(source);
#endif

    /// <summary>
    /// The netstandard2.0 way, compiled everywhere so the net8.0 tests cover it too: checks the zlib header (deflate,
    /// FCHECK, no preset dictionary) and inflates the raw deflate data after it.
    /// </summary>
    internal static Stream? OpenDeflateAfterHeader(Stream source)
    {
        var cmf = source.ReadByte();
        var flg = source.ReadByte();
        if (cmf < 0 || flg < 0 || (cmf & 0x0F) != 8 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20) != 0)
        {
            return null;
        }

        return new DeflateStream(source, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Inflates a whole stream (a loose object: header and content together) up to <paramref name="limit"/> bytes.</summary>
    public static byte[]? InflateAll(Stream source, long limit)
    {
        try
        {
            using var inflater = Open(source);
            if (inflater is null)
            {
                return null;
            }

            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = inflater.Read(chunk, 0, chunk.Length)) > 0)
            {
                output.Write(chunk, 0, n);
                if (output.Length > limit)
                {
                    return null;
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
