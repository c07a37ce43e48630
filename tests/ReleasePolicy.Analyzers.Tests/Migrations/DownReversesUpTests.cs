using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.DownReversesUpAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>RP1004: Down does not reverse Up.</summary>
public sealed class DownReversesUpTests
{
    [Fact]
    public async Task CreatedTableThatDownNeverDropsIsReportedByName()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() })|};
                    migrationBuilder.CreateTable(name: "Customers", columns: c => new { Id = c.Column<int>() });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Customers");
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithArguments("AddOrders", "Up creates table 'Orders' but Down never drops it"));
    }

    [Theory]
    [InlineData(4)]   // a Down of a few changes is scanned whole
    [InlineData(40)]  // a large one is indexed by kind and name
    public async Task PairingFindsTheSameMissingInverseInSmallAndLargeMigrations(int tables)
    {
        static string Create(int i, bool marked) => marked
            ? $"{{|#0:migrationBuilder.CreateTable(name: \"Ledger{i}\", columns: c => new {{ Id = c.Column<int>() }})|}};"
            : $"migrationBuilder.CreateTable(name: \"Ledger{i}\", columns: c => new {{ Id = c.Column<int>() }});";
        var up = Enumerable.Range(1, tables).Select(i =>
            $"        {Create(i, i == tables)}\n        migrationBuilder.CreateIndex(name: \"IX_Ledger{i}_Id\", table: \"Ledger{i}\", column: \"Id\");");
        // Down drops every table but the last, in reverse order, and the last one's index: that table is left behind.
        var down = Enumerable.Range(1, tables).Reverse().Select(i => i == tables
            ? $"        migrationBuilder.DropIndex(name: \"IX_Ledger{i}_Id\", table: \"Ledger{i}\");"
            : $"        migrationBuilder.DropTable(name: \"Ledger{i}\");");
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddLedgers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{string.Join("\n", up)}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
            {{string.Join("\n", down)}}
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithArguments("AddLedgers", $"Up creates table 'Ledger{tables}' but Down never drops it"));
    }

    [Fact]
    public async Task FullyReversedEfCoreMigrationIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class Reshape : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: "sales");
                    migrationBuilder.CreateTable(name: "Orders", schema: "sales", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.CreateIndex(name: "IX_Orders_Id", table: "Orders", column: "Id", schema: "sales");
                    migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", nullable: true);
                    migrationBuilder.AddForeignKey("FK_Orders_Customers", "Orders", "CustomerId", "Customers");
                    migrationBuilder.AddPrimaryKey("PK_Customers", "Customers", "Id");
                    migrationBuilder.AddUniqueConstraint("AK_Customers_Email", "Customers", "Email");
                    migrationBuilder.RenameTable(name: "Client", newName: "Clients");
                    migrationBuilder.RenameColumn(name: "Nme", table: "Customers", newName: "Name");
                    migrationBuilder.RenameIndex(name: "IX_Old", newName: "IX_New");
                    migrationBuilder.Sql("UPDATE Customers SET Email = ''");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("UPDATE Customers SET Email = NULL");
                    migrationBuilder.RenameIndex(name: "IX_New", newName: "IX_Old");
                    migrationBuilder.RenameColumn(name: "Name", table: "Customers", newName: "Nme");
                    migrationBuilder.RenameTable(name: "Clients", newName: "Client");
                    migrationBuilder.DropUniqueConstraint("AK_Customers_Email", "Customers");
                    migrationBuilder.DropPrimaryKey("PK_Customers", "Customers");
                    migrationBuilder.DropForeignKey(name: "FK_Orders_Customers", table: "Orders");
                    migrationBuilder.DropColumn(name: "Email", table: "Customers");
                    migrationBuilder.DropTable(name: "Orders", schema: "sales");
                    migrationBuilder.DropSchema(name: "sales");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task EveryMissingInverseIsNamed()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class Reshape : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AddColumn<string>(name: "Email", table: "Customers")|};
                    {|#1:migrationBuilder.CreateIndex("IX_Customers_Email", "Customers", "Email")|};
                    {|#2:migrationBuilder.RenameColumn(name: "Nme", table: "Customers", newName: "Name")|};
                    migrationBuilder.Sql("UPDATE Customers SET Email = ''");
                    migrationBuilder.EnsureSchema("sales");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(name: "Nme", table: "Customers", newName: "Name");
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithArguments("Reshape", "Up adds column 'Email' on 'Customers' but Down never drops it"),
            Verify.Diagnostic("RP1004").WithLocation(1).WithArguments("Reshape", "Up creates index 'IX_Customers_Email' on 'Customers' but Down never drops it"),
            Verify.Diagnostic("RP1004").WithLocation(2).WithArguments("Reshape", "Up renames column 'Nme' on 'Customers' to 'Name' but Down never renames it back"));
    }

    [Fact]
    public async Task DroppingTheTableReversesColumnsIndexesAndKeysAddedToIt()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.AddColumn<int>(name: "Total", table: "Orders");
                    migrationBuilder.CreateIndex(name: "IX_Orders_Total", table: "Orders", column: "Total");
                    migrationBuilder.AddForeignKey("FK_Orders_Customers", "Orders", "CustomerId", "Customers");
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DownThatDelegatesToAHelperIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.Sql("INSERT INTO Orders VALUES (1)");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    RemoveSeedData(migrationBuilder);
                    DropOrders(migrationBuilder);
                }

                private static void DropOrders(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Orders");

                private void RemoveSeedData(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("DELETE FROM Orders WHERE Id = 1");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DownThatOnlyLogsIsReportedForEachMissingInverse()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|RP1004:migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() })|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    Console.WriteLine("Rolling back AddOrders");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task PartialMigrationWithDownInTheOtherPartIsPaired()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    {|RP1004:migrationBuilder.CreateTable(name: "Lines", columns: c => new { Id = c.Column<int>() })|};
                }
            }

            public partial class AddOrders
            {
                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Orders");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ComputedNamesAreNotReportedWhenDownDropsTheSameKind()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                private static readonly string Table = "Orders" + "2024";

                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateTable(name: Table, columns: c => new { Id = c.Column<int>() });

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(Table);
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task FluentMigratorChainsArePaired()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey();
                    {|#0:Alter.Table("Customers").AddColumn("Email").AsString(200).Nullable()|};
                    Create.Column("Phone").OnTable("Customers").AsString().Nullable();
                    {|#1:Create.Index("IX_Customers_Phone").OnTable("Customers").OnColumn("Phone")|};
                    Execute.Sql("UPDATE Customers SET Phone = ''");
                }

                public override void Down()
                {
                    Execute.Sql("UPDATE Customers SET Phone = NULL");
                    Delete.Column("Phone").FromTable("Customers");
                    Delete.Table("Orders");
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithArguments("AddOrders", "Up adds column 'Email' on 'Customers' but Down never drops it"),
            Verify.Diagnostic("RP1004").WithLocation(1).WithArguments("AddOrders", "Up creates index 'IX_Customers_Phone' on 'Customers' but Down never drops it"));
    }

    [Fact]
    public async Task FluentMigratorRawSqlNeedsAnyExecuteInDown()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class Seed : Migration
            {
                public override void Up()
                {
                    {|#0:Execute.Sql("INSERT INTO Settings VALUES ('a')")|};
                    Rename.Table("Setting").To("Settings");
                }

                public override void Down()
                {
                    Rename.Table("Settings").To("Setting");
                }
            }

            [Migration(2)]
            public class SeedWithScript : Migration
            {
                public override void Up() => Execute.Sql("INSERT INTO Settings VALUES ('b')");

                public override void Down() => Execute.Script("Rollback/2.sql");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithArguments("Seed", "Up runs raw SQL 'INSERT INTO Settings' (Execute.Sql) but Down runs none"));
    }

    [Fact]
    public async Task ForwardOnlyMigrationIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            // release-policy: forward-only Orders are rebuilt from the ledger on rollback
            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });

                protected override void Down(MigrationBuilder migrationBuilder) => System.Console.WriteLine("see runbook");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task CodeThatDoesNotCompileDoesNotCrashTheAnalyzer()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: Missing, columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.AddColumn<Nope>(name: "A", table: );
                    migrationBuilder.Unknown("x");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    Helper(migrationBuilder, );
                    migrationBuilder.DropTable(
                }
            }
            """;

        await Verify.VerifyIgnoringCompilerErrorsAsync(source);
    }

    /// <summary>
    /// A scaffolded migration of thousands of operations (found by the resilience corpus: pairing compared every Up
    /// change with every Down change, and a 10,000-column migration did not finish within the hang bound). Down
    /// drops the columns in reverse order, by name in another case, or by dropping a renamed table, beside a
    /// computed name on another table; only the one column no Down change removes is reported.
    /// </summary>
    [Fact]
    public async Task MigrationWithThousandsOfOperationsPairsEachByNameAndReportsOnlyTheUnreversedOne()
    {
        const int Columns = 3_000;
        var up = new System.Text.StringBuilder();
        var down = new System.Text.StringBuilder();
        for (var i = 0; i < Columns; i++)
        {
            up.Append(i == 1234
                ? $"        {{|#0:migrationBuilder.AddColumn<string>(name: \"C{i}\", table: \"Orders\", nullable: true)|}};\n"
                : $"        migrationBuilder.AddColumn<string>(name: \"C{i}\", table: \"Orders\", nullable: true);\n");
        }

        up.Append("        migrationBuilder.RenameTable(name: \"Lines\", newName: \"OrderLines\");\n");
        up.Append("        migrationBuilder.AddColumn<int>(name: \"Qty\", table: \"OrderLines\");\n");
        up.Append("        migrationBuilder.AddColumn<int>(name: \"Unit\", table: \"Orders\");\n");
        down.Append("        migrationBuilder.DropTable(name: \"Lines\");\n");
        down.Append("        migrationBuilder.DropColumn(name: Computed(), table: \"Customers\");\n");
        down.Append("        migrationBuilder.DropColumn(name: \"UNIT\", table: \"orders\");\n");
        for (var i = Columns - 1; i >= 0; i--)
        {
            if (i != 1234)
            {
                down.Append($"        migrationBuilder.DropColumn(name: \"{(i % 2 == 0 ? "c" : "C")}{i}\", table: \"Orders\");\n");
            }
        }

        down.Append("        migrationBuilder.RenameTable(name: \"OrderLines\", newName: \"Lines\");\n");
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            public class Wide : Migration
            {
                private static string Computed() => "Legacy";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{up}}    }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
            {{down}}    }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1004").WithLocation(0).WithArguments("Wide", "Up adds column 'C1234' on 'Orders' but Down never drops it"));
    }
}
