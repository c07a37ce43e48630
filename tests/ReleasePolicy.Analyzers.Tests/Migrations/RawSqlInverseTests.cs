using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.DownReversesUpAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>
/// RP1004 on raw SQL, read statement by statement with the shared SQL lexer: what Down undoes structurally is a
/// rollback, whichever way Up and Down write it; what it cannot read still asks for raw SQL in Down; and a
/// migration gets one finding per kind of missing inverse.
/// </summary>
public sealed class RawSqlInverseTests
{
    [Fact]
    public async Task BackfillIntoAColumnUpAddsAndDownDropsNeedsNoInverse()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Contoso.Billing.Data.Migrations
            {
                /// <inheritdoc />
                public partial class AddInvoiceCurrency : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            name: "Currency",
                            table: "Invoices",
                            type: "nvarchar(3)",
                            maxLength: 3,
                            nullable: true);

                        migrationBuilder.Sql(@"
                            UPDATE [dbo].[Invoices]
                            SET [Currency] = c.[DefaultCurrency]
                            FROM [dbo].[Invoices] i
                            JOIN [dbo].[Customers] c ON c.[Id] = i.[CustomerId];");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(
                            name: "Currency",
                            table: "Invoices");
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task RawSqlThatAddsAColumnIsUndoneByDropColumnAndTheOtherWayRound()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class AddAuditColumns : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE \"orders\" ADD COLUMN \"created_by\" text NULL;");
                    migrationBuilder.AddColumn<string>(name: "updated_by", table: "orders", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "created_by", table: "orders");
                    migrationBuilder.Sql("ALTER TABLE orders DROP COLUMN updated_by");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DeletedRowsThatDownInsertsAgainAreARollback()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class RemoveLegacyPlans : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("DELETE FROM Plans WHERE Code IN ('legacy-basic', 'legacy-pro')");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.InsertData(
                        table: "Plans",
                        columns: new[] { "Code", "Name" },
                        values: new object[,]
                        {
                            { "legacy-basic", "Basic (legacy)" },
                            { "legacy-pro", "Pro (legacy)" },
                        });
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task RenamesAreFollowedInOrder()
    {
        const string source = """
            using FluentMigrator;

            [Migration(20240301120000)]
            public class RenameClientToCustomer : Migration
            {
                public override void Up()
                {
                    Rename.Table("Client").To("Customer");
                    Alter.Table("Customer").AddColumn("Segment").AsString(32).Nullable();
                    Create.Index("IX_Customer_Segment").OnTable("Customer").OnColumn("Segment");
                }

                public override void Down()
                {
                    Delete.Index("IX_Customer_Segment").OnTable("Customer");
                    Rename.Table("Customer").To("Client");
                    Delete.Column("Segment").FromTable("Client");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task EnsureSchemaIsCreateIfMissingAndNeedsNoDropSchema()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class InitialCreate : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "billing");

                    migrationBuilder.CreateTable(
                        name: "Invoices",
                        schema: "billing",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "int", nullable: false),
                            Number = table.Column<string>(type: "nvarchar(32)", nullable: false),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Invoices", x => x.Id);
                        });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Invoices",
                        schema: "billing");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ManySqlCallsWithoutCounterpartAreOneFindingListingThem()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class ReportingViews : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.Sql("CREATE VIEW dbo.OrderTotals AS SELECT CustomerId, SUM(Total) AS Total FROM Orders GROUP BY CustomerId")|};
                    {|#1:migrationBuilder.Sql("CREATE PROCEDURE dbo.usp_Archive AS BEGIN SELECT 1 END")|};
                    {|#2:migrationBuilder.Sql("GRANT SELECT ON dbo.OrderTotals TO reporting")|};
                    {|#3:migrationBuilder.AddColumn<int>(name: "Rank", table: "Customers", nullable: true)|};
                    {|#4:migrationBuilder.AddColumn<int>(name: "Tier", table: "Customers", nullable: true)|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Customers_Rank", table: "Customers");
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(
                "ReportingViews",
                "Up runs 3 raw SQL statements with no counterpart in Down: CREATE VIEW OrderTotals, CREATE PROCEDURE usp_Archive and raw SQL statement"),
            Verify.Diagnostic("RP1004").WithLocation(3).WithLocation(4).WithArguments(
                "ReportingViews",
                "Up adds columns 'Rank' on 'Customers' and 'Tier' on 'Customers' but Down never drops them"));
    }

    [Fact]
    public async Task AnUpdateOfExistingDataStillNeedsARollback()
    {
        const string source = """
            using FluentMigrator;

            [Migration(3)]
            public class NormaliseEmails : Migration
            {
                public override void Up()
                {
                    {|#0:Execute.Sql("UPDATE Users SET Email = LOWER(Email)")|};
                    Create.Table("EmailChanges").WithColumn("Id").AsInt32().PrimaryKey();
                }

                public override void Down() => Delete.Table("EmailChanges");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithArguments(
                "NormaliseEmails", "Up runs raw SQL 'UPDATE Users' (Execute.Sql) but Down runs none"));
    }

    [Fact]
    public async Task SessionStatementsAroundRawSqlNeedNoInverse()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class SeedCountries : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Countries", columns: table => new { Code = table.Column<string>() });
                    migrationBuilder.Sql("SET IDENTITY_INSERT Countries ON; INSERT INTO Countries (Code) VALUES ('NL'), ('DE'); SET IDENTITY_INSERT Countries OFF;");
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Countries");
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
