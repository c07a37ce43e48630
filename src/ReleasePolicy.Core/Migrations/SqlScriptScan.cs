using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace ReleasePolicy.Migrations;

/// <summary>What one read of a SQL script tells: its SHA-256, whether it has any statement, whether it destroys data.</summary>
internal sealed class SqlScriptScan
{
    private const int BufferSize = 64 * 1024;

    private SqlScriptScan(string sha256, bool hasStatements, bool destructive)
    {
        Sha256 = sha256;
        HasStatements = hasStatements;
        Destructive = destructive;
    }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }

    /// <summary>False when the script holds only whitespace, <c>;</c> and comments.</summary>
    public bool HasStatements { get; }

    /// <summary>True when a statement drops a table, column or schema, truncates, or deletes without WHERE.</summary>
    public bool Destructive { get; }

    /// <summary>Streams the file once: the bytes feed the hash and, decoded, the SQL lexer; nothing is held whole.</summary>
    public static SqlScriptScan Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Read(stream);
    }

    public static SqlScriptScan Read(Stream stream)
    {
        using var sha = SHA256.Create();
        var bytes = new byte[BufferSize];
        char[]? chars = null;
        Decoder? decoder = null;
        var lexer = new SqlLexer();
        int read;
        while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            sha.TransformBlock(bytes, 0, read, null, 0);
            if (decoder is null)
            {
                var encoding = DetectEncoding(bytes, read);
                decoder = encoding.GetDecoder();
                chars = new char[encoding.GetMaxCharCount(BufferSize)];
            }

            var count = decoder.GetChars(bytes, 0, read, chars!, 0);
            lexer.Feed(chars!, count);
        }

        sha.TransformFinalBlock(bytes, 0, 0);
        lexer.Finish();
        return new SqlScriptScan(Hex(sha.Hash!), lexer.HasStatements, lexer.Destructive);
    }

    // SQL Server Management Studio saves UTF-16 with a byte order mark; everything else is read as UTF-8.
    private static Encoding DetectEncoding(byte[] bytes, int count)
    {
        if (count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode;
        }

        if (count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode;
        }

        return Encoding.UTF8;
    }

    private static string Hex(byte[] hash)
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
