using System.IO;
using System.Security.Cryptography;

namespace ReleasePolicy.IO;

/// <summary>SHA-256 as the manifest and reports write it: lowercase hex.</summary>
public static class Sha256Digest
{
    public static string OfFile(string path)
    {
        RegularFile.ThrowUnlessRegular(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920);
        using var sha = SHA256.Create();
        return ToHex(sha.ComputeHash(stream));
    }

    public static string ToHex(byte[] hash)
    {
        const string Digits = "0123456789abcdef";
        var chars = new char[hash.Length * 2];
        for (var i = 0; i < hash.Length; i++)
        {
            chars[2 * i] = Digits[hash[i] >> 4];
            chars[(2 * i) + 1] = Digits[hash[i] & 0xF];
        }

        return new string(chars);
    }
}
