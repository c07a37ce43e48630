using System;
using System.IO;

namespace ReleasePolicy.Git;

/// <summary>
/// One pack file and its version-2 index (<c>objects/pack/pack-*.idx</c>): the index maps an object id to an offset in
/// the pack by a 256-entry fan-out table and a sorted list of ids; the pack entry there is an object, or a delta
/// against an earlier entry of the same pack (OFS_DELTA) or against an object named by id (REF_DELTA).
/// </summary>
internal sealed class GitPack
{
    private const int MaxDeltaChain = 64;

    // A commit is a few kilobytes; the cap keeps a corrupt size field from allocating gigabytes.
    private const long MaxObjectBytes = 64L * 1024 * 1024;
    private static readonly byte[] IndexMagic = { 0xFF, (byte)'t', (byte)'O', (byte)'c' };

    private const int FanoutStart = 8;
    private const int NamesStart = FanoutStart + 256 * 4;

    // The header and fan-out table only: the rest of the index is read entry by entry, so a monorepo's index of
    // millions of objects costs a few small reads, not its whole size in memory.
    private readonly byte[] _header;
    private readonly string _indexPath;
    private readonly string _packPath;
    private readonly int _idLength;
    private readonly long _count;

    private GitPack(byte[] header, string indexPath, string packPath, int idLength, long count)
    {
        _header = header;
        _indexPath = indexPath;
        _packPath = packPath;
        _idLength = idLength;
        _count = count;
    }

    /// <summary>The pack beside <paramref name="indexPath"/>, or null when the index is not a version-2 index for ids of this length.</summary>
    public static GitPack? Open(string indexPath, int idLength)
    {
        var packPath = Path.ChangeExtension(indexPath, ".pack");
        if (!File.Exists(packPath))
        {
            return null;
        }

        using var index = OpenShared(indexPath);
        var header = ReadAt(index, 0, NamesStart);
        if (header is null || !StartsWith(header, IndexMagic) || ReadUInt32(header, 4) != 2)
        {
            return null;
        }

        long count = ReadUInt32(header, FanoutStart + 255 * 4);
        if (index.Length < NamesStart + count * (idLength + 8))
        {
            return null;
        }

        return new GitPack(header, indexPath, packPath, idLength, count);
    }

    /// <summary>The object's offset in the pack, or -1 when this pack does not hold it.</summary>
    public long Find(byte[] id)
    {
        long low = id[0] == 0 ? 0 : ReadUInt32(_header, FanoutStart + (id[0] - 1) * 4);
        long high = (long)ReadUInt32(_header, FanoutStart + id[0] * 4) - 1;
        if (high >= _count)
        {
            return -1;
        }

        using var index = OpenShared(_indexPath);
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            var name = ReadAt(index, NamesStart + middle * _idLength, _idLength);
            if (name is null)
            {
                return -1;
            }

            var order = Compare(name, id);
            if (order == 0)
            {
                return Offset(index, middle);
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <param name="resolveBase">Reads a REF_DELTA base that may live in another pack or as a loose object.</param>
    public GitObject? Read(long offset, Func<byte[], GitObject?> resolveBase)
    {
        using var pack = OpenShared(_packPath);
        return Read(pack, offset, resolveBase, MaxDeltaChain);
    }

    private GitObject? Read(FileStream pack, long offset, Func<byte[], GitObject?> resolveBase, int depth)
    {
        if (depth == 0 || offset < 12 || offset >= pack.Length)
        {
            return null;
        }

        pack.Position = offset;
        var b = pack.ReadByte();
        if (b < 0)
        {
            return null;
        }

        var type = (b >> 4) & 0x07;
        long size = b & 0x0F;
        var shift = 4;
        while ((b & 0x80) != 0)
        {
            b = pack.ReadByte();
            if (b < 0 || shift > 56)
            {
                return null;
            }

            size |= (long)(b & 0x7F) << shift;
            shift += 7;
        }

        if (size > MaxObjectBytes)
        {
            return null;
        }

        if (GitObject.PackedTypeName(type) is { } name)
        {
            return GitZlib.Inflate(pack, size) is { } content ? new GitObject(name, content) : null;
        }

        GitObject? baseObject;
        byte[]? delta;
        if (type == 6)
        {
            // OFS_DELTA: the base is this many bytes before this entry, in git's "offset encoding" (each continuation adds one).
            b = pack.ReadByte();
            if (b < 0)
            {
                return null;
            }

            long distance = b & 0x7F;
            while ((b & 0x80) != 0)
            {
                b = pack.ReadByte();
                if (b < 0 || distance > (long.MaxValue >> 8))
                {
                    return null;
                }

                distance = ((distance + 1) << 7) | (long)(b & 0x7F);
            }

            delta = distance <= 0 || distance >= offset ? null : GitZlib.Inflate(pack, size);
            baseObject = delta is null ? null : Read(pack, offset - distance, resolveBase, depth - 1);
        }
        else if (type == 7)
        {
            var baseId = new byte[_idLength];
            if (pack.Read(baseId, 0, baseId.Length) != baseId.Length)
            {
                return null;
            }

            delta = GitZlib.Inflate(pack, size);
            var inThisPack = Find(baseId);
            baseObject = delta is null ? null : inThisPack >= 0 ? Read(pack, inThisPack, resolveBase, depth - 1) : resolveBase(baseId);
        }
        else
        {
            return null;
        }

        return baseObject is not null && delta is not null && GitDelta.Apply(baseObject.Content, delta) is { } rebuilt
            ? new GitObject(baseObject.Type, rebuilt)
            : null;
    }

    private long Offset(FileStream index, long position)
    {
        // After the names come one CRC-32 and one 4-byte offset per object.
        var offsets = NamesStart + _count * (_idLength + 4);
        var small = ReadAt(index, offsets + position * 4, 4) is { } word ? ReadUInt32(word, 0) : uint.MaxValue;
        if (small == uint.MaxValue)
        {
            return -1;
        }

        if ((small & 0x80000000) == 0)
        {
            return small;
        }

        // Packs over 2 GiB: the low 31 bits index a table of 8-byte offsets after the 4-byte ones.
        var large = ReadAt(index, offsets + _count * 4 + (small & 0x7FFFFFFF) * 8L, 8);
        return large is null ? -1 : (long)(((ulong)ReadUInt32(large, 0) << 32) | ReadUInt32(large, 4));
    }

    private static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);

    private static byte[]? ReadAt(FileStream file, long position, int count)
    {
        if (position < 0 || position + count > file.Length)
        {
            return null;
        }

        file.Position = position;
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = file.Read(buffer, read, count - read);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return buffer;
    }

    private static int Compare(byte[] name, byte[] id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            var order = name[i].CompareTo(id[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static uint ReadUInt32(byte[] data, int offset) =>
        (uint)(data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3]);

    private static bool StartsWith(byte[] data, byte[] prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (data[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
