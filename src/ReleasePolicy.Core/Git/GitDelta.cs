using System;

namespace ReleasePolicy.Git;

/// <summary>
/// Applies a pack delta (OFS_DELTA / REF_DELTA data) to its base: two varint sizes, then instructions that either copy
/// a range of the base (high bit set: offset and size bytes chosen by the low seven bits) or insert literal bytes.
/// </summary>
internal static class GitDelta
{
    /// <returns>The rebuilt object, or null when the delta is malformed or does not fit its base.</returns>
    public static byte[]? Apply(byte[] baseObject, byte[] delta)
    {
        var position = 0;
        if (!TryReadSize(delta, ref position, out var baseSize) || baseSize != baseObject.Length
            || !TryReadSize(delta, ref position, out var resultSize) || resultSize > 64L * 1024 * 1024)
        {
            return null;
        }

        var result = new byte[resultSize];
        var written = 0;
        while (position < delta.Length)
        {
            var instruction = delta[position++];
            if ((instruction & 0x80) != 0)
            {
                long offset = 0;
                long size = 0;
                for (var i = 0; i < 4; i++)
                {
                    if ((instruction & (1 << i)) != 0)
                    {
                        if (position >= delta.Length)
                        {
                            return null;
                        }

                        offset |= (long)delta[position++] << (8 * i);
                    }
                }

                for (var i = 0; i < 3; i++)
                {
                    if ((instruction & (0x10 << i)) != 0)
                    {
                        if (position >= delta.Length)
                        {
                            return null;
                        }

                        size |= (long)delta[position++] << (8 * i);
                    }
                }

                if (size == 0)
                {
                    size = 0x10000;
                }

                if (offset + size > baseObject.Length || written + size > result.Length)
                {
                    return null;
                }

                Buffer.BlockCopy(baseObject, (int)offset, result, written, (int)size);
                written += (int)size;
            }
            else if (instruction != 0)
            {
                if (position + instruction > delta.Length || written + instruction > result.Length)
                {
                    return null;
                }

                Buffer.BlockCopy(delta, position, result, written, instruction);
                position += instruction;
                written += instruction;
            }
            else
            {
                return null; // reserved
            }
        }

        return written == result.Length ? result : null;
    }

    private static bool TryReadSize(byte[] data, ref int position, out long size)
    {
        size = 0;
        var shift = 0;
        while (position < data.Length && shift < 63)
        {
            var b = data[position++];
            size |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
