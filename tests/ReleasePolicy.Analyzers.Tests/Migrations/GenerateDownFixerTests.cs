using ReleasePolicy.Analyzers.CodeFixes.Migrations;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>The "Write the missing rollback in Down" fix for RP1001, RP1002 and RP1004 (EF Core).</summary>
public sealed class GenerateDownFixerTests
{
    [Fact]
    public async Task MissingDownIsWrittenFromUpInReverseOrder()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|RP1001:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: "sales");
                    migrationBuilder.CreateTable(name: "Orders", schema: "sales", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", nullable: true);
                    migrationBuilder.CreateIndex("IX_Customers_Email", "Customers", "Email");
                    migrationBuilder.Sql("UPDATE Customers SET Email = ''");
                    migrationBuilder.RenameColumn(name: "Nme", table: "Customers", newName: "Name");
                    migrationBuilder.RenameTable(name: "Client", newName: "Clients");
                }
            }
            """;

        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: "sales");
                    migrationBuilder.CreateTable(name: "Orders", schema: "sales", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", nullable: true);
                    migrationBuilder.CreateIndex("IX_Customers_Email", "Customers", "Email");
                    migrationBuilder.Sql("UPDATE Customers SET Email = ''");
                    migrationBuilder.RenameColumn(name: "Nme", table: "Customers", newName: "Name");
                    migrationBuilder.RenameTable(name: "Client", newName: "Clients");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameTable(name: "Clients", newName: "Client");
                    migrationBuilder.RenameColumn(name: "Name", table: "Customers", newName: "Nme");
                    migrationBuilder.DropIndex(name: "IX_Customers_Email", table: "Customers");
                    migrationBuilder.DropColumn(name: "Email", table: "Customers");
                    migrationBuilder.DropTable(name: "Orders", schema: "sales");
                }
            }
            """;

        await CodeFixVerifier<MigrationWithoutRollbackAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task InheritedThrowingDownIsReplacedByADownOfTheMigration()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class OneWayMigration : Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotImplementedException();
            }

            public class {|RP1001:AddOrders|} : OneWayMigration
            {
                protected override void Up(MigrationBuilder b) => b.AddForeignKey("FK_Orders_Customers", "Orders", "CustomerId", "Customers");
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class OneWayMigration : Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotImplementedException();
            }

            public class AddOrders : OneWayMigration
            {
                protected override void Up(MigrationBuilder b) => b.AddForeignKey("FK_Orders_Customers", "Orders", "CustomerId", "Customers");

                protected override void Down(MigrationBuilder b)
                {
                    b.DropForeignKey(name: "FK_Orders_Customers", table: "Orders");
                }
            }
            """;

        await CodeFixVerifier<MigrationWithoutRollbackAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task CommentOnlyDownIsFilledIn()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.AddPrimaryKey("PK_Orders", "Orders", "Id");
                    migrationBuilder.AddUniqueConstraint("AK_Customers_Email", "Customers", "Email");
                }

                protected override void {|RP1002:Down|}(MigrationBuilder migrationBuilder)
                {
                    // Rollback not required
                }
            }
            """;

        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.AddPrimaryKey("PK_Orders", "Orders", "Id");
                    migrationBuilder.AddUniqueConstraint("AK_Customers_Email", "Customers", "Email");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropUniqueConstraint(name: "AK_Customers_Email", table: "Customers");
                    migrationBuilder.DropPrimaryKey(name: "PK_Orders", table: "Orders");
                    migrationBuilder.DropTable(name: "Orders");
                    // Rollback not required
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task OnlyTheMissingInversesAreAddedAndFixAllAddsThemOnce()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    {|RP1004:migrationBuilder.CreateTable(name: "Lines", columns: c => new { Id = c.Column<int>() })|};
                    {|RP1004:migrationBuilder.RenameIndex(name: "IX_A", newName: "IX_B", table: "Orders")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Orders");
                }
            }
            """;

        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.CreateTable(name: "Lines", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.RenameIndex(name: "IX_A", newName: "IX_B", table: "Orders");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameIndex(name: "IX_B", newName: "IX_A", table: "Orders");
                    migrationBuilder.DropTable(name: "Lines");
                    migrationBuilder.DropTable(name: "Orders");
                }
            }
            """;

        await CodeFixVerifier<DownReversesUpAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task ExpressionBodiedDownBecomesABlock()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|RP1004:migrationBuilder.AddColumn<int>(name: "Total", table: "Orders")|};
                    migrationBuilder.Sql("UPDATE Orders SET Total = 0");
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
            }
            """;

        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Total", table: "Orders");
                    migrationBuilder.Sql("UPDATE Orders SET Total = 0");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Total", table: "Orders");
                    migrationBuilder.Sql("SELECT 1");
                }
            }
            """;

        await CodeFixVerifier<DownReversesUpAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }
}
