using System.Security.Cryptography;
using System.Text;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>How a script's text is read: comments, strings, emptiness, destructive statements and the hash.</summary>
public sealed class SqlScriptScanTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t\n")]
    [InlineData("-- nothing to undo\n")]
    [InlineData("/* TODO: write the rollback */")]
    [InlineData("/* outer /* nested */ still a comment */ ;\n-- done")]
    [InlineData("\uFEFF-- saved with a byte order mark\n;")]
    public void Whitespace_semicolons_and_comments_are_no_statements(string sql)
    {
        Assert.False(Scan(sql).HasStatements);
    }

    [Theory]
    [InlineData("DROP TABLE orders;")]
    [InlineData("-- undo\nDELETE FROM settings WHERE key = 'x';")]
    [InlineData("INSERT INTO notes VALUES ('-- not a comment');")]
    [InlineData("SELECT 1 -- trailing comment")]
    [InlineData("SELECT 10/2")]
    public void Any_code_outside_comments_is_a_statement(string sql)
    {
        Assert.True(Scan(sql).HasStatements);
    }

    [Theory]
    [InlineData("DROP TABLE orders;")]
    [InlineData("drop   table\n  orders;")]
    [InlineData("ALTER TABLE orders DROP COLUMN legacy_code;")]
    [InlineData("DROP SCHEMA reporting CASCADE;")]
    [InlineData("TRUNCATE TABLE audit_log;")]
    [InlineData("TRUNCATE audit_log;")]
    [InlineData("DELETE FROM sessions;")]
    [InlineData("DELETE sessions")]
    [InlineData("DELETE FROM a WHERE x = 1; DELETE FROM b;")]
    [InlineData("DELETE FROM sessions\nGO\nDELETE FROM tokens WHERE expired = 1\nGO")]
    public void Dropping_truncating_or_deleting_without_where_is_destructive(string sql)
    {
        Assert.True(Scan(sql).Destructive);
    }

    [Theory]
    [InlineData("CREATE TABLE orders (id int);")]
    [InlineData("DELETE FROM sessions WHERE expires < now();")]
    [InlineData("-- DROP TABLE orders;\nSELECT 1;")]
    [InlineData("/* TRUNCATE TABLE audit_log; */ SELECT 1;")]
    [InlineData("INSERT INTO notes VALUES ('DROP TABLE orders; -- ok');")]
    [InlineData("SELECT \"DROP TABLE\" FROM t;")]
    [InlineData("ALTER TABLE lines ADD CONSTRAINT fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE;")]
    [InlineData("GRANT SELECT, INSERT, DELETE ON orders TO app;")]
    [InlineData("ALTER TABLE orders DROP CONSTRAINT fk_old;")]
    [InlineData("SELECT TRUNCATE(price, 2) FROM orders;")]
    public void Other_statements_and_text_in_comments_or_strings_are_not_destructive(string sql)
    {
        Assert.False(Scan(sql).Destructive);
    }

    [Fact]
    public void A_string_with_a_doubled_quote_does_not_end_early()
    {
        var scan = Scan("SELECT 'it''s -- fine; DROP TABLE x' FROM t;");

        Assert.False(scan.Destructive);
    }

    [Fact]
    public void UTF16_scripts_with_a_byte_order_mark_are_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("-- nothing\r\n")).ToArray();

        Assert.False(SqlScriptScan.Read(new MemoryStream(bytes)).HasStatements);
        Assert.True(SqlScriptScan.Read(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("DROP TABLE t;")).ToArray())).Destructive);
    }

    [Fact]
    public void The_hash_is_the_lower_case_SHA256_of_the_bytes_across_buffer_boundaries()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("INSERT INTO t VALUES ('é');\n", 10_000)));

        var scan = SqlScriptScan.Read(new MemoryStream(bytes));

        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), scan.Sha256);
        Assert.True(scan.HasStatements);
    }

    private static SqlScriptScan Scan(string sql) => SqlScriptScan.Read(new MemoryStream(Encoding.UTF8.GetBytes(sql)));
}
