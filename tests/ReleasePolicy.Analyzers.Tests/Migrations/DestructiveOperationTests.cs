using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.DestructiveOperationAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>RP1005: destructive operation in Up.</summary>
public sealed class DestructiveOperationTests
{
    private const string DataLost = ", which destroys data that Down cannot bring back; make sure the data is backed up or no longer needed";
    private const string DataRestoredByDown = "; Down must restore the data, so check that it puts every row back";

    [Fact]
    public async Task EfCoreDropsAndTighteningAltersAreReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(name: "Legacy")|};
                    {|#1:migrationBuilder.DropColumn(name: "Fax", table: "Customers")|};
                    {|#2:migrationBuilder.DropSchema("old")|};
                    migrationBuilder.DropForeignKey(name: "FK_A_B", table: "A");
                    {|#3:migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", nullable: false, oldNullable: true)|};
                    {|#4:migrationBuilder.AlterColumn<string>(name: "Name", table: "Customers", maxLength: 100, oldMaxLength: 200, nullable: true, oldNullable: true)|};
                    migrationBuilder.DropIndex(name: "IX_Customers_Name");
                    migrationBuilder.AlterColumn<string>(name: "Notes", table: "Customers", nullable: true, oldNullable: false);
                    migrationBuilder.AlterColumn<string>(name: "City", table: "Customers", maxLength: 400, oldMaxLength: 200, nullable: true, oldNullable: true);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1005").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(4).WithArguments(
                "Cleanup",
                "drops table 'Legacy', drops column 'Fax' on 'Customers', drops schema 'old', makes column 'Email' on 'Customers' NOT NULL and narrows column 'Name' on 'Customers' from 200 to 100 characters",
                DataLost));
    }

    [Theory]
    [InlineData("DROP TABLE Legacy", "DROP TABLE Legacy")]
    [InlineData("DROP TABLE IF EXISTS [dbo].[Legacy]", "DROP TABLE Legacy")]
    [InlineData("ALTER TABLE Customers DROP COLUMN Fax", "ALTER TABLE Customers DROP COLUMN Fax")]
    [InlineData("ALTER TABLE `customers` DROP `fax`", "ALTER TABLE customers DROP COLUMN fax")]
    [InlineData("truncate table AuditLog", "TRUNCATE AuditLog")]
    [InlineData("DELETE FROM Sessions", "DELETE FROM Sessions without WHERE")]
    [InlineData("DELETE FROM Sessions WHERE Expired = 1; DELETE FROM Tokens", "DELETE FROM Tokens without WHERE")]
    [InlineData("DROP SCHEMA legacy CASCADE", "DROP SCHEMA legacy")]
    public async Task DestructiveRawSqlIsReported(string sql, string statement)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            public class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => {|#0:migrationBuilder.Sql("{{sql}}")|};
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1005").WithLocation(0).WithArguments("Cleanup", "runs raw SQL '" + statement + "'", DataLost));
    }

    [Theory]
    [InlineData("DELETE FROM Sessions WHERE Expired = 1")]
    [InlineData("UPDATE Settings SET Value = 'DROP' -- DROP TABLE x")]
    [InlineData("INSERT INTO Audit (Action) VALUES ('truncate')")]
    [InlineData("CREATE TABLE Orders (Id int, CustomerId int REFERENCES Customers ON DELETE CASCADE)")]
    [InlineData("ALTER TABLE Orders ADD CONSTRAINT FK_Orders_Customers FOREIGN KEY (CustomerId) REFERENCES Customers (Id) ON DELETE CASCADE")]
    [InlineData("DROP INDEX IX_Orders_Total")]
    [InlineData("DROP VIEW IF EXISTS dbo.OrderTotals")]
    [InlineData("DROP PROCEDURE dbo.usp_Archive")]
    [InlineData("ALTER TABLE Orders DROP CONSTRAINT FK_Orders_Customers")]
    [InlineData("GRANT DELETE ON Orders TO app")]
    public async Task HarmlessRawSqlIsNotReported(string sql)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            public class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("{{sql}}");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DropsInDownAreNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task FluentMigratorDeletesAndDestructiveSqlAreReported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class Cleanup : Migration
            {
                public override void Up()
                {
                    {|#0:Delete.Table("Legacy")|};
                    {|#1:Delete.Column("Fax").FromTable("Customers")|};
                    Delete.Index("IX_Old").OnTable("Customers");
                    {|#2:Delete.FromTable("Sessions").AllRows()|};
                    {|#3:Execute.Sql("TRUNCATE TABLE AuditLog")|};
                    Execute.Sql("UPDATE Customers SET Name = ''");
                }

                public override void Down() { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1005").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithArguments(
                "Cleanup",
                "drops table 'Legacy', drops column 'Fax' on 'Customers', deletes rows from 'Sessions' and runs raw SQL 'TRUNCATE AuditLog'",
                DataLost));
    }

    [Fact]
    public async Task ForwardOnlyDoesNotSilenceDestructiveOperations()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            // release-policy: forward-only Legacy data was archived in ticket OPS-12
            public class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => {|RP1005:migrationBuilder.DropTable("Legacy")|};
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task CodeThatDoesNotCompileDoesNotCrashTheAnalyzer()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;
            using FluentMigrator;

            public class Cleanup : Microsoft.EntityFrameworkCore.Migrations.Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql(
                    migrationBuilder.AlterColumn<string>(name: , table: "T", nullable: false, oldNullable: true);
                    Delete.Table(
                }
            }

            public class Other : FluentMigrator.Migration
            {
                public override void Up() { Delete.Nothing("x").FromTable(; Execute.Sql(null); }
            }
            """;

        await Verify.VerifyIgnoringCompilerErrorsAsync(source);
    }

    [Fact]
    public async Task ManyDropsInOneMigrationAreOneFindingThatListsThem()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class RemoveLegacyReporting : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(name: "ReportRuns")|};
                    {|#1:migrationBuilder.DropTable(name: "ReportSchedules")|};
                    {|#2:migrationBuilder.DropColumn(name: "LastReportAt", table: "Customers")|};
                    {|#3:migrationBuilder.DropColumn(name: "ReportEmail", table: "Customers")|};
                    {|#4:migrationBuilder.DropColumn(name: "ReportFormat", table: "Customers")|};
                    {|#5:migrationBuilder.DropTable(name: "ReportTemplates")|};
                    {|#6:migrationBuilder.Sql("DELETE FROM Settings; DROP TABLE ReportCache;")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1005").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(4).WithLocation(5).WithLocation(6).WithArguments(
                "RemoveLegacyReporting",
                "drops table 'ReportRuns', drops table 'ReportSchedules', drops column 'LastReportAt' on 'Customers', drops column 'ReportEmail' on 'Customers', drops column 'ReportFormat' on 'Customers' and 3 more",
                DataLost));
    }

    [Fact]
    public async Task ConstraintsAndIndexesDroppedInUpAreNotDestructive()
    {
        const string source = """
            using FluentMigrator;

            [Migration(202401150930)]
            public class RebuildOrderKeys : Migration
            {
                public override void Up()
                {
                    Delete.ForeignKey("FK_Orders_Customers").OnTable("Orders");
                    Delete.PrimaryKey("PK_Orders").FromTable("Orders");
                    Delete.UniqueConstraint("UQ_Orders_Number").FromTable("Orders");
                    Delete.Index("IX_Orders_Total").OnTable("Orders");
                    Execute.Sql("DROP VIEW OrderTotals; DROP FUNCTION dbo.fn_Total;");
                }

                public override void Down()
                {
                    Execute.Sql("-- recreated by the next deployment of the reporting views");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DropWhoseRowsDownReseedsSaysDownMustRestoreThem()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class MergeCountryTable : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("INSERT INTO Regions (Code, Name) SELECT Code, Name FROM Countries");
                    {|#0:migrationBuilder.DropTable(name: "Countries")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Countries", columns: table => new { Code = table.Column<string>(), Name = table.Column<string>() });
                    migrationBuilder.Sql("INSERT INTO Countries (Code, Name) SELECT Code, Name FROM Regions WHERE Kind = 'country'");
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1005").WithLocation(0).WithArguments("MergeCountryTable", "drops table 'Countries'", DataRestoredByDown));
    }
}
