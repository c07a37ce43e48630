using ReleasePolicy.Rules.Sql;

namespace ReleasePolicy.Rules.Tests.Sql;

/// <summary>
/// The one SQL reader, as the script check and the analyzers use it: what each statement does, and whether one
/// destroys data, in the dialects the migration tools write (SQL Server, PostgreSQL, MySQL, SQLite).
/// </summary>
public sealed class SqlLexerTests
{
    [Theory]
    [InlineData("DROP TABLE Legacy", "DROP TABLE Legacy")]
    [InlineData("drop table if exists [dbo].[Legacy];", "DROP TABLE Legacy")]
    [InlineData("DROP TABLE \"public\".\"legacy\" CASCADE", "DROP TABLE legacy")]
    [InlineData("ALTER TABLE Customers DROP COLUMN Fax", "ALTER TABLE Customers DROP COLUMN Fax")]
    [InlineData("ALTER TABLE `customers` DROP `fax`", "ALTER TABLE customers DROP COLUMN fax")]
    [InlineData("ALTER TABLE dbo.Customers ADD Notes nvarchar(max) NULL, DROP COLUMN Fax", "ALTER TABLE Customers DROP COLUMN Fax")]
    [InlineData("ALTER TABLE IF EXISTS ONLY orders DROP COLUMN IF EXISTS total", "ALTER TABLE orders DROP COLUMN total")]
    [InlineData("TRUNCATE TABLE AuditLog", "TRUNCATE AuditLog")]
    [InlineData("truncate audit_log restart identity", "TRUNCATE audit_log")]
    [InlineData("DELETE FROM Sessions", "DELETE FROM Sessions without WHERE")]
    [InlineData("DELETE Sessions", "DELETE FROM Sessions without WHERE")]
    [InlineData("DELETE FROM Sessions WHERE Expired = 1; DELETE FROM Tokens", "DELETE FROM Tokens without WHERE")]
    [InlineData("DROP SCHEMA legacy CASCADE", "DROP SCHEMA legacy")]
    [InlineData("DROP DATABASE Reporting", "DROP DATABASE Reporting")]
    [InlineData("CREATE TABLE T (Id int)\nGO\nDROP TABLE Old\nGO", "DROP TABLE Old")]
    public void DestructiveStatementsAreNamed(string sql, string statement)
    {
        var lexer = SqlLexer.Read(sql);

        Assert.True(lexer.Destructive);
        Assert.Equal(statement, lexer.DestructiveStatement);
    }

    [Theory]
    [InlineData("DELETE FROM Sessions WHERE Expired = 1")]
    [InlineData("UPDATE Settings SET Value = 'DROP TABLE x' -- DROP TABLE x")]
    [InlineData("INSERT INTO Audit (Action) VALUES ('truncate'); /* DELETE FROM Audit */")]
    [InlineData("CREATE TABLE Orders (Id int, CustomerId int REFERENCES Customers ON DELETE CASCADE)")]
    [InlineData("ALTER TABLE Orders ADD CONSTRAINT FK_Orders_Customers FOREIGN KEY (CustomerId) REFERENCES Customers (Id) ON DELETE CASCADE")]
    [InlineData("ALTER TABLE Orders DROP CONSTRAINT FK_Orders_Customers")]
    [InlineData("ALTER TABLE orders DROP PRIMARY KEY")]
    [InlineData("ALTER TABLE orders DROP INDEX ix_total")]
    [InlineData("DROP INDEX IX_Orders_Total ON Orders")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_total")]
    [InlineData("DROP VIEW IF EXISTS dbo.OrderTotals")]
    [InlineData("DROP PROCEDURE dbo.usp_Archive; DROP FUNCTION dbo.fn_Total; DROP TRIGGER trg_Audit")]
    [InlineData("GRANT DELETE ON Orders TO app")]
    [InlineData("SELECT 'a;DROP TABLE x' AS [drop table y]")]
    [InlineData("-- DROP TABLE Orders\n/* nested /* DROP TABLE x */ still comment */ SELECT 1")]
    public void HarmlessStatementsAreNotDestructive(string sql)
    {
        var lexer = SqlLexer.Read(sql);

        Assert.True(lexer.HasStatements);
        Assert.False(lexer.Destructive, lexer.DestructiveStatement);
    }

    [Fact]
    public void AlterTableClausesAreReadOneByOne()
    {
        var statements = SqlLexer.Read("""
            ALTER TABLE [dbo].[Customers]
                ADD [Email] nvarchar(256) NULL,
                    [Phone] nvarchar(32) NULL,
                CONSTRAINT [DF_Customers_Active] DEFAULT (1) FOR [Active];
            ALTER TABLE Customers DROP COLUMN Fax, Telex;
            ALTER TABLE Customers RENAME COLUMN Nme TO Name;
            ALTER TABLE Client RENAME TO Clients;
            ALTER TABLE Orders ALTER COLUMN Total decimal(18, 2) NOT NULL;
            """).Statements;

        Assert.Equal(
            new[]
            {
                "ALTER TABLE Customers ADD Email",
                "ALTER TABLE Customers ADD Phone",
                "ALTER TABLE Customers ADD CONSTRAINT DF_Customers_Active",
                "ALTER TABLE Customers DROP COLUMN Fax",
                "ALTER TABLE Customers DROP COLUMN Telex",
                "ALTER TABLE Customers RENAME COLUMN Nme TO Name",
                "ALTER TABLE Client RENAME TO Clients",
                "ALTER TABLE Orders ALTER COLUMN Total",
            },
            statements.Select(statement => statement.Describe()));
    }

    [Fact]
    public void DataStatementsNameTheirTableAndTheColumnsAnUpdateSets()
    {
        var statements = SqlLexer.Read("""
            SET NOCOUNT ON;
            UPDATE o SET o.Total = l.Sum, Currency = 'EUR' FROM dbo.Orders o JOIN Lines l ON l.OrderId = o.Id WHERE o.Total IS NULL;
            INSERT INTO [Settings] ([Name], [Value]) VALUES (N'a', N'b');
            DELETE FROM Settings WHERE Name = 'legacy';
            """).Statements;

        Assert.Collection(
            statements,
            statement => Assert.Equal(SqlStatementKind.Session, statement.Kind),
            statement =>
            {
                Assert.Equal(SqlStatementKind.Update, statement.Kind);
                Assert.Equal(new[] { "Total", "Currency" }, statement.Columns);
            },
            statement => Assert.Equal(("Insert", "Settings"), (statement.Kind.ToString(), statement.Table)),
            statement => Assert.Equal(("Delete", "Settings", true), (statement.Kind.ToString(), statement.Table, statement.HasWhere)));
    }

    [Fact]
    public void LongDeleteKeepsItsWhereBeyondTheTokensKept()
    {
        var columns = string.Join(" AND ", Enumerable.Range(0, 400).Select(i => $"c{i} = {i}"));
        var lexer = SqlLexer.Read("DELETE FROM Events WHERE " + columns);

        Assert.False(lexer.Destructive);
    }

    [Fact]
    public void StreamedInChunksGivesTheSameVerdict()
    {
        const string sql = "-- release-policy: forward-only data moves to the archive\nINSERT INTO A SELECT * FROM B;\nDROP TABLE B;";
        var lexer = new SqlLexer();
        foreach (var chunk in sql.Chunk(3))
        {
            lexer.Feed(chunk, chunk.Length);
        }

        lexer.Finish();

        Assert.True(lexer.Destructive);
        Assert.Equal("DROP TABLE B", lexer.DestructiveStatement);
        Assert.True(lexer.ForwardOnly);
        Assert.Equal("data moves to the archive", lexer.ForwardOnlyReason);
        Assert.Empty(lexer.Statements);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ;; \n GO \n")]
    [InlineData("-- only a comment\n/* and another */")]
    public void CommentsAndSeparatorsAreNoStatements(string sql)
    {
        Assert.False(SqlLexer.Read(sql).HasStatements);
    }

    [Theory]
    [InlineData(" release-policy: forward-only the ledger is append-only", true, "the ledger is append-only")]
    [InlineData("Release-Policy: Forward-Only: archived in OPS-12", true, "archived in OPS-12")]
    [InlineData(" * release-policy: forward-only", true, null)]
    [InlineData(" release-policy: forward-onlyish", false, null)]
    [InlineData(" see release-policy: forward-only", false, null)]
    public void TheForwardOnlyMarkerIsOneSyntaxForSqlAndCSharpComments(string comment, bool found, string? reason)
    {
        Assert.Equal(found, ForwardOnlyMarker.TryRead(comment, out var actual));
        Assert.Equal(reason, actual);
    }
}
