using System;
using System.IO;
using System.Security.Cryptography;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// The hashes that prove a <c>.nupkg</c> is the one restore verified, computed in one streaming pass (no whole
/// package in memory): the SHA-512 content hash restore records (the whole file for an unsigned package; for a signed
/// one the file without its signature entry, as NuGet hashes it), and for a signed package the SHA-256 of the same
/// bytes, which its signature's content must name.
/// </summary>
internal sealed class PackageContentHash
{
    private const int BufferSize = 1 << 16;

    private PackageContentHash(byte[] sha512, byte[]? signedContentSha256)
    {
        Sha512Bytes = sha512;
        Sha512 = Convert.ToBase64String(sha512);
        SignedContentSha256 = signedContentSha256;
    }

    /// <summary>Base64, as <c>project.assets.json</c> and <c>.nupkg.metadata</c> write it.</summary>
    public string Sha512 { get; }

    public byte[] Sha512Bytes { get; }

    public byte[]? SignedContentSha256 { get; }

    public static PackageContentHash Compute(Stream stream, PackageArchiveLayout layout)
    {
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        using var sha256 = layout.IsSigned ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var buffer = new byte[BufferSize];
        void Hash(byte[] data, int count)
        {
            sha512.AppendData(data, 0, count);
            sha256?.AppendData(data, 0, count);
        }

        void HashRange(long from, long to)
        {
            stream.Position = from;
            var remaining = to - from;
            while (remaining > 0)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (read <= 0)
                {
                    throw new EndOfStreamException("the file ended early");
                }

                Hash(buffer, read);
                remaining -= read;
            }
        }

        if (!layout.IsSigned)
        {
            HashRange(0, layout.Length);
            return new PackageContentHash(sha512.GetHashAndReset(), null);
        }

        var localEnd = layout.SignatureLocalStart + layout.SignatureLocalLength;
        var recordEnd = layout.SignatureRecordStart + layout.SignatureRecordLength;
        HashRange(0, layout.SignatureLocalStart);
        HashRange(localEnd, layout.SignatureRecordStart);
        HashRange(recordEnd, layout.EndOfCentralDirectoryPosition + 8);

        // The end record as it would read without the signature entry.
        stream.Position = layout.EndOfCentralDirectoryPosition + 8;
        var reader = new BinaryReader(stream);
        var onDisk = (ushort)(reader.ReadUInt16() - 1);
        var total = (ushort)(reader.ReadUInt16() - 1);
        reader.ReadUInt32();
        reader.ReadUInt32();
        var adjusted = new byte[12];
        BitConverter.GetBytes(onDisk).CopyTo(adjusted, 0);
        BitConverter.GetBytes(total).CopyTo(adjusted, 2);
        BitConverter.GetBytes((uint)(layout.CentralDirectorySize - layout.SignatureRecordLength)).CopyTo(adjusted, 4);
        BitConverter.GetBytes((uint)(layout.CentralDirectoryOffset - layout.SignatureLocalLength)).CopyTo(adjusted, 8);
        Hash(adjusted, adjusted.Length);
        HashRange(layout.EndOfCentralDirectoryPosition + 20, layout.Length);
        return new PackageContentHash(sha512.GetHashAndReset(), sha256!.GetHashAndReset());
    }
}
