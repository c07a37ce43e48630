using System;
using System.IO;
using System.Text;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// Where the parts of a <c>.nupkg</c> (a zip file) are, read from its end-of-central-directory record and central
/// directory without decompressing anything: enough to hash the package the way NuGet does for a signed package,
/// that is without the <c>.signature.p7s</c> entry (its local entry and its central directory record left out, the
/// entry counts, directory size and directory offset of the end record adjusted to match).
/// </summary>
internal sealed class PackageArchiveLayout
{
    internal const string SignatureEntryName = ".signature.p7s";
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint CentralDirectoryRecordSignature = 0x02014b50;
    private const uint LocalFileHeaderSignature = 0x04034b50;

    public long Length { get; private set; }

    public long EndOfCentralDirectoryPosition { get; private set; }

    public long CentralDirectoryOffset { get; private set; }

    public long CentralDirectorySize { get; private set; }

    /// <summary>The signature entry's local header and data (with its data descriptor), or -1 when unsigned.</summary>
    public long SignatureLocalStart { get; private set; } = -1;

    public long SignatureLocalLength { get; private set; }

    public long SignatureRecordStart { get; private set; } = -1;

    public long SignatureRecordLength { get; private set; }

    public bool IsSigned => SignatureLocalStart >= 0;

    /// <exception cref="InvalidDataException">The file is not a zip archive this reader understands (named in the message).</exception>
    public static PackageArchiveLayout Read(Stream stream)
    {
        var layout = new PackageArchiveLayout { Length = stream.Length };
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        layout.EndOfCentralDirectoryPosition = FindEndOfCentralDirectory(stream, reader);
        stream.Position = layout.EndOfCentralDirectoryPosition + 10;
        var entries = reader.ReadUInt16();
        layout.CentralDirectorySize = reader.ReadUInt32();
        layout.CentralDirectoryOffset = reader.ReadUInt32();
        if (entries == 0xFFFF || layout.CentralDirectorySize == 0xFFFFFFFF || layout.CentralDirectoryOffset == 0xFFFFFFFF)
        {
            throw new InvalidDataException("it is a ZIP64 archive, which NuGet packages are not");
        }

        if (layout.CentralDirectoryOffset + layout.CentralDirectorySize > layout.EndOfCentralDirectoryPosition)
        {
            throw new InvalidDataException("its central directory lies outside the file (the file is truncated)");
        }

        stream.Position = layout.CentralDirectoryOffset;
        for (var i = 0; i < entries; i++)
        {
            var recordStart = stream.Position;
            if (reader.ReadUInt32() != CentralDirectoryRecordSignature)
            {
                throw new InvalidDataException($"central directory record {i + 1} of {entries} is damaged");
            }

            stream.Position = recordStart + 8;
            var flags = reader.ReadUInt16();
            stream.Position = recordStart + 20;
            var compressedSize = reader.ReadUInt32();
            stream.Position = recordStart + 28;
            var nameLength = reader.ReadUInt16();
            var extraLength = reader.ReadUInt16();
            var commentLength = reader.ReadUInt16();
            stream.Position = recordStart + 42;
            var localOffset = reader.ReadUInt32();
            var name = Encoding.UTF8.GetString(reader.ReadBytes(nameLength));
            var recordLength = 46L + nameLength + extraLength + commentLength;
            stream.Position = recordStart + recordLength;
            if (name == SignatureEntryName)
            {
                layout.SignatureRecordStart = recordStart;
                layout.SignatureRecordLength = recordLength;
                layout.SignatureLocalStart = localOffset;
                layout.SignatureLocalLength = LocalEntryLength(stream, reader, localOffset, compressedSize, flags);
                stream.Position = recordStart + recordLength;
            }
        }

        return layout;
    }

    private static long LocalEntryLength(Stream stream, BinaryReader reader, long offset, uint compressedSize, ushort flags)
    {
        if (offset + 30 > stream.Length)
        {
            throw new InvalidDataException("the signature entry lies outside the file (the file is truncated)");
        }

        stream.Position = offset;
        if (reader.ReadUInt32() != LocalFileHeaderSignature)
        {
            throw new InvalidDataException("the signature entry's local header is damaged");
        }

        stream.Position = offset + 26;
        var nameLength = reader.ReadUInt16();
        var extraLength = reader.ReadUInt16();
        var length = 30L + nameLength + extraLength + compressedSize;
        if ((flags & 0x8) != 0)
        {
            // A data descriptor follows the data, with or without its optional signature.
            stream.Position = offset + length;
            length += reader.ReadUInt32() == 0x08074b50 ? 16 : 12;
        }

        return length;
    }

    private static long FindEndOfCentralDirectory(Stream stream, BinaryReader reader)
    {
        // The record is 22 bytes plus a comment of up to 64 KiB, at the very end.
        if (stream.Length < 22)
        {
            throw new InvalidDataException("it is too short to be a zip archive");
        }

        var window = (int)Math.Min(stream.Length, 22 + 0xFFFF);
        stream.Position = stream.Length - window;
        var tail = reader.ReadBytes(window);
        for (var i = tail.Length - 22; i >= 0; i--)
        {
            if (tail[i] == 0x50 && tail[i + 1] == 0x4b && tail[i + 2] == 0x05 && tail[i + 3] == 0x06)
            {
                return stream.Length - window + i;
            }
        }

        throw new InvalidDataException("it has no end-of-central-directory record (the file is truncated or not a zip archive)");
    }
}
