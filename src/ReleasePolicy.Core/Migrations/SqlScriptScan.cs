using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

using ReleasePolicy.IO;
using ReleasePolicy.Rules.Sql;

namespace ReleasePolicy.Migrations;

/// <summary>
/// What one read of a SQL script tells: its SHA-256, whether it has any statement, whether it destroys data, and
/// whether its leading comments declare it forward-only.
/// </summary>
internal sealed class SqlScriptScan
{
    // Below the 85,000-byte large-object threshold for both the byte and the char buffer.
    private const int BufferSize = 16 * 1024;

    private SqlScriptScan(string sha256, SqlLexer lexer)
    {
        Sha256 = sha256;
        HasStatements = lexer.HasStatements;
        Destructive = lexer.Destructive;
        ForwardOnly = lexer.ForwardOnly;
        ForwardOnlyReason = lexer.ForwardOnlyReason;
    }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }

    /// <summary>False when the script holds only whitespace, <c>;</c> and comments.</summary>
    public bool HasStatements { get; }

    /// <summary>True when a statement drops a table, column or schema, truncates, or deletes without WHERE.</summary>
    public bool Destructive { get; }

    /// <summary>
    /// True when a comment before the first statement starts with <c>release-policy: forward-only</c>, with or
    /// without a reason.
    /// </summary>
    public bool ForwardOnly { get; }

    /// <summary>The text after the marker, trimmed; null when the marker gives no reason.</summary>
    public string? ForwardOnlyReason { get; }

    /// <summary>Reads one script; for many, use one <see cref="Reader"/> so its buffers and hash are reused.</summary>
    public static SqlScriptScan Read(string path)
    {
        using var reader = new Reader();
        return reader.Read(path);
    }

    public static SqlScriptScan Read(Stream stream)
    {
        using var reader = new Reader();
        return reader.Read(stream);
    }

    /// <summary>
    /// Streams each script once: the bytes feed the hash and, decoded, the SQL lexer; nothing is held whole. The
    /// buffers stay below the large-object heap and, with the lexer, are reused from script to script.
    /// </summary>
    public sealed class Reader : IDisposable
    {
        private readonly byte[] _bytes = new byte[BufferSize];
        private readonly char[] _chars = new char[Encoding.UTF8.GetMaxCharCount(BufferSize)];
        private readonly SHA256 _sha = SHA256.Create();
        private readonly SqlLexer _lexer = new();

        public SqlScriptScan Read(string path)
        {
            // Buffer size 1: this reader already reads in large blocks, so FileStream's own buffer would be waste.
            using var stream = RegularFile.OpenRead(path, 1, FileOptions.SequentialScan);
            return Read(stream);
        }

        public SqlScriptScan Read(Stream stream)
        {
            _sha.Initialize();
            Decoder? decoder = null;
            var lexer = _lexer;
            lexer.Reset();
            int read;
            while ((read = stream.Read(_bytes, 0, _bytes.Length)) > 0)
            {
                _sha.TransformBlock(_bytes, 0, read, null, 0);
                decoder ??= DetectEncoding(_bytes, read).GetDecoder();
                var count = decoder.GetChars(_bytes, 0, read, _chars, 0);
                lexer.Feed(_chars, count);
            }

            _sha.TransformFinalBlock(_bytes, 0, 0);
            lexer.Finish();
            return new SqlScriptScan(Sha256Digest.ToHex(_sha.Hash!), lexer);
        }

        public void Dispose() => _sha.Dispose();
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
}
