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

    [Theory]
    [InlineData("-- release-policy: forward-only archived (OPS-12)\nDROP TABLE t;", "archived (OPS-12)")]
    [InlineData("--release-policy: forward-only archived\r\nDROP TABLE t;", "archived")]
    [InlineData("--- Release-Policy: Forward-Only: archived\nDROP TABLE t;", "archived")]
    [InlineData("/* release-policy: forward-only archived */ DROP TABLE t;", "archived")]
    [InlineData("/**\n * release-policy: forward-only archived\n * Second line is no part of it.\n */\nDROP TABLE t;", "archived")]
    [InlineData("\uFEFF\n\n  -- intro\n  -- release-policy: forward-only archived\nDROP TABLE t;", "archived")]
    [InlineData("-- release-policy: forward-only first\n-- release-policy: forward-only second\nDROP TABLE t;", "first")]
    [InlineData("-- release-policy: forward-only archived", "archived")]
    public void A_leading_comment_line_with_the_marker_declares_the_script_forward_only_with_the_rest_as_reason(string sql, string reason)
    {
        var scan = Scan(sql);

        Assert.True(scan.ForwardOnly);
        Assert.Equal(reason, scan.ForwardOnlyReason);
    }

    [Theory]
    [InlineData("-- release-policy: forward-only\nDROP TABLE t;")]
    [InlineData("-- release-policy: forward-only :  \nDROP TABLE t;")]
    [InlineData("/* release-policy: forward-only*/")]
    public void A_marker_with_nothing_after_it_has_no_reason(string sql)
    {
        var scan = Scan(sql);

        Assert.True(scan.ForwardOnly);
        Assert.Null(scan.ForwardOnlyReason);
    }

    [Theory]
    [InlineData("SELECT 1;\n-- release-policy: forward-only archived")]
    [InlineData("SELECT 1; /* release-policy: forward-only archived */")]
    [InlineData("-- see release-policy: forward-only archived\nSELECT 1;")]
    [InlineData("-- release-policy: forward-onlyish archived\nSELECT 1;")]
    [InlineData("-- release-policy: forward\n-- -only archived\nSELECT 1;")]
    [InlineData("SELECT '-- release-policy: forward-only archived';")]
    [InlineData("-- Nothing to declare.\nSELECT 1;")]
    public void Text_that_is_not_a_leading_marker_line_declares_nothing(string sql)
    {
        Assert.False(Scan(sql).ForwardOnly);
    }

    [Fact]
    public void A_marker_split_across_buffer_reads_is_found()
    {
        // Scripts are read 16 KB at a time: this comment line ends 10 characters before the first read does.
        var padding = "-- " + new string('p', (16 * 1024) - 10 - 4) + "\n";
        var scan = Scan(padding + "-- release-policy: forward-only archived\nDROP TABLE t;");

        Assert.True(scan.ForwardOnly);
        Assert.Equal("archived", scan.ForwardOnlyReason);
    }

    [Fact]
    public void A_long_reason_is_cut_at_1000_characters()
    {
        var scan = Scan("-- release-policy: forward-only " + new string('x', 5000) + "\nDROP TABLE t;");

        Assert.StartsWith("xxx", scan.ForwardOnlyReason);
        Assert.InRange(scan.ForwardOnlyReason!.Length, 990, 1000);
    }

    [Fact]
    public void A_reader_reused_across_scripts_carries_nothing_from_one_script_to_the_next()
    {
        using var reader = new SqlScriptScan.Reader();

        var first = reader.Read(Stream("-- release-policy: forward-only archived\nDELETE FROM sessions /* unterminated"));
        var second = reader.Read(Stream("SELECT 1;"));
        var third = reader.Read(Stream("-- only a comment"));

        Assert.True(first.ForwardOnly);
        Assert.True(first.Destructive);
        Assert.False(second.ForwardOnly);
        Assert.Null(second.ForwardOnlyReason);
        Assert.False(second.Destructive);
        Assert.True(second.HasStatements);
        Assert.False(third.HasStatements);
    }

    private static MemoryStream Stream(string sql) => new(Encoding.UTF8.GetBytes(sql));

    private static SqlScriptScan Scan(string sql) => SqlScriptScan.Read(new MemoryStream(Encoding.UTF8.GetBytes(sql)));
}
