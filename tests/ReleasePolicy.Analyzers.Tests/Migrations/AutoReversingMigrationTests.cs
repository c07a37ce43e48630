using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.AutoReversingMigrationAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>RP1006: FluentMigrator AutoReversingMigration uses an expression that cannot be reversed.</summary>
public sealed class AutoReversingMigrationTests
{
    [Fact]
    public async Task ExpressionsFluentMigratorCannotReverseAreReported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class Reshape : AutoReversingMigration
            {
                public override void Up()
                {
                    {|#0:Execute.Sql("UPDATE Customers SET Name = ''")|};
                    {|#1:Delete.Column("Fax").FromTable("Customers")|};
                    {|#2:Alter.Column("Name").OnTable("Customers").AsString(100)|};
                    {|#3:Alter.Table("Customers").AlterColumn("Email").AsString(300)|};
                    {|#4:Update.Table("Customers").Set(new { Name = "" }).AllRows()|};
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1006").WithLocation(0).WithArguments("Reshape", "Execute.Sql"),
            Verify.Diagnostic("RP1006").WithLocation(1).WithArguments("Reshape", "Delete.Column"),
            Verify.Diagnostic("RP1006").WithLocation(2).WithArguments("Reshape", "Alter.Column"),
            Verify.Diagnostic("RP1006").WithLocation(3).WithArguments("Reshape", "Alter.Table.AlterColumn"),
            Verify.Diagnostic("RP1006").WithLocation(4).WithArguments("Reshape", "Update.Table"));
    }

    [Fact]
    public async Task ReversibleExpressionsAreNotReported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : AutoReversingMigration
            {
                public override void Up()
                {
                    Create.Schema("sales");
                    Create.Table("Orders").InSchema("sales").WithColumn("Id").AsInt32().PrimaryKey();
                    Alter.Table("Customers").AddColumn("Email").AsString(200).Nullable();
                    Create.Column("Phone").OnTable("Customers").AsString().Nullable();
                    Create.Index("IX_Orders_Id").OnTable("Orders").OnColumn("Id");
                    Create.ForeignKey("FK_Orders_Customers").FromTable("Orders").ForeignColumn("CustomerId").ToTable("Customers").PrimaryColumn("Id");
                    Rename.Table("Client").To("Clients");
                    Rename.Column("Nme").OnTable("Clients").To("Name");
                    Insert.IntoTable("Settings").Row(new { Key = "a" });
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task OrdinaryFluentMigratorMigrationIsNotReported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class Backfill : Migration
            {
                public override void Up() => Execute.Sql("UPDATE Customers SET Name = ''");

                public override void Down() => Execute.Sql("UPDATE Customers SET Name = NULL");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task CompilationWithoutFluentMigratorIsIgnored()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE X");

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("CREATE TABLE X (Id int)");
            }
            """;

        await Verify.VerifyAsync(source, ReleasePolicy.Analyzers.Tests.Verification.StubFrameworks.EfCore);
    }
}
