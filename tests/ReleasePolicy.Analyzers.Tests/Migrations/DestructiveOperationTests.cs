using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.DestructiveOperationAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>RP1005: destructive operation in Up.</summary>
public sealed class DestructiveOperationTests
{
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
                    {|#3:migrationBuilder.DropForeignKey(name: "FK_A_B", table: "A")|};
                    {|#4:migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", nullable: false, oldNullable: true)|};
                    {|#5:migrationBuilder.AlterColumn<string>(name: "Name", table: "Customers", maxLength: 100, oldMaxLength: 200, nullable: true, oldNullable: true)|};
                    migrationBuilder.DropIndex(name: "IX_Customers_Name");
                    migrationBuilder.AlterColumn<string>(name: "Notes", table: "Customers", nullable: true, oldNullable: false);
                    migrationBuilder.AlterColumn<string>(name: "City", table: "Customers", maxLength: 400, oldMaxLength: 200, nullable: true, oldNullable: true);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1005").WithLocation(0).WithArguments("Cleanup", "drops table 'Legacy'"),
            Verify.Diagnostic("RP1005").WithLocation(1).WithArguments("Cleanup", "drops column 'Fax' on 'Customers'"),
            Verify.Diagnostic("RP1005").WithLocation(2).WithArguments("Cleanup", "drops schema 'old'"),
            Verify.Diagnostic("RP1005").WithLocation(3).WithArguments("Cleanup", "drops foreign key 'FK_A_B' on 'A'"),
            Verify.Diagnostic("RP1005").WithLocation(4).WithArguments("Cleanup", "makes column 'Email' on 'Customers' NOT NULL"),
            Verify.Diagnostic("RP1005").WithLocation(5).WithArguments("Cleanup", "narrows column 'Name' on 'Customers' from 200 to 100 characters"));
    }

    [Theory]
    [InlineData("DROP TABLE Legacy", "DROP")]
    [InlineData("ALTER TABLE Customers DROP COLUMN Fax", "DROP")]
    [InlineData("truncate table AuditLog", "TRUNCATE")]
    [InlineData("DELETE FROM Sessions", "DELETE without WHERE")]
    [InlineData("DELETE FROM Sessions WHERE Expired = 1; DELETE FROM Tokens", "DELETE without WHERE")]
    public async Task DestructiveRawSqlIsReported(string sql, string keyword)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            public class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => {|#0:migrationBuilder.Sql("{{sql}}")|};
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1005").WithLocation(0).WithArguments("Cleanup", "runs raw SQL with " + keyword));
    }

    [Theory]
    [InlineData("DELETE FROM Sessions WHERE Expired = 1")]
    [InlineData("UPDATE Settings SET Value = 'DROP' -- DROP TABLE x")]
    [InlineData("INSERT INTO Audit (Action) VALUES ('truncate')")]
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
                    {|#2:Delete.Index("IX_Old").OnTable("Customers")|};
                    {|#3:Delete.FromTable("Sessions").AllRows()|};
                    {|#4:Execute.Sql("TRUNCATE TABLE AuditLog")|};
                    Execute.Sql("UPDATE Customers SET Name = ''");
                }

                public override void Down() { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1005").WithLocation(0).WithArguments("Cleanup", "drops table 'Legacy'"),
            Verify.Diagnostic("RP1005").WithLocation(1).WithArguments("Cleanup", "drops column 'Fax' on 'Customers'"),
            Verify.Diagnostic("RP1005").WithLocation(2).WithArguments("Cleanup", "drops index 'IX_Old' on 'Customers'"),
            Verify.Diagnostic("RP1005").WithLocation(3).WithArguments("Cleanup", "deletes rows from 'Sessions'"),
            Verify.Diagnostic("RP1005").WithLocation(4).WithArguments("Cleanup", "runs raw SQL with TRUNCATE"));
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
}
