using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.CodeFixes.Migrations;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>The "Write the missing rollback in Down" fix for RP1001, RP1002 and RP1004 (FluentMigrator).</summary>
public sealed class GenerateDownFixerFluentMigratorTests
{
    [Fact]
    public async Task CreatedTableIsDeletedInItsSchema()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders").InSchema("sales").WithColumn("Id").AsInt32().PrimaryKey();
                    Create.Table("Lines").WithColumn("Id").AsInt32();
                }

                public override void {|RP1002:Down|}()
                {
                }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders").InSchema("sales").WithColumn("Id").AsInt32().PrimaryKey();
                    Create.Table("Lines").WithColumn("Id").AsInt32();
                }

                public override void Down()
                {
                    Delete.Table("Lines");
                    Delete.Table("Orders").InSchema("sales");
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task ColumnsAddedThroughAlterTableOrCreateColumnAreDeletedFromTheirTable()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddCustomerContact : Migration
            {
                public override void Up()
                {
                    Alter.Table("Customers").InSchema("crm").AddColumn("Email").AsString(200).Nullable();
                    Create.Column("Phone").OnTable("Customers").AsString().Nullable();
                }

                public override void {|RP1002:Down|}() { }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class AddCustomerContact : Migration
            {
                public override void Up()
                {
                    Alter.Table("Customers").InSchema("crm").AddColumn("Email").AsString(200).Nullable();
                    Create.Column("Phone").OnTable("Customers").AsString().Nullable();
                }

                public override void Down()
                {
                    Delete.Column("Phone").FromTable("Customers");
                    Delete.Column("Email").FromTable("Customers").InSchema("crm");
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task IndexAndForeignKeyAreDeletedOnTheirTable()
    {
        // The InSchema after ToTable is the primary table's schema, not the foreign key table's.
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class LinkOrders : Migration
            {
                public override void Up()
                {
                    Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending();
                    Create.ForeignKey("FK_Orders_Customers").FromTable("Orders").ForeignColumn("CustomerId")
                        .ToTable("Customers").InSchema("crm").PrimaryColumn("Id");
                }

                public override void {|RP1002:Down|}()
                {
                }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class LinkOrders : Migration
            {
                public override void Up()
                {
                    Create.Index("IX_Orders_CustomerId").OnTable("Orders").OnColumn("CustomerId").Ascending();
                    Create.ForeignKey("FK_Orders_Customers").FromTable("Orders").ForeignColumn("CustomerId")
                        .ToTable("Customers").InSchema("crm").PrimaryColumn("Id");
                }

                public override void Down()
                {
                    Delete.ForeignKey("FK_Orders_Customers").OnTable("Orders");
                    Delete.Index("IX_Orders_CustomerId").OnTable("Orders");
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task RenamedTableAndColumnAreRenamedBack()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class RenameClients : Migration
            {
                public override void Up()
                {
                    Rename.Table("Client").To("Clients");
                    Rename.Column("Nme").OnTable("Clients").To("Name");
                }

                public override void {|RP1002:Down|}()
                {
                    // Nothing to do
                }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class RenameClients : Migration
            {
                public override void Up()
                {
                    Rename.Table("Client").To("Clients");
                    Rename.Column("Nme").OnTable("Clients").To("Name");
                }

                public override void Down()
                {
                    Rename.Column("Name").OnTable("Clients").To("Nme");
                    Rename.Table("Clients").To("Client");
                    // Nothing to do
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task CreatedSchemaIsDeleted()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddSalesSchema : Migration
            {
                public override void Up() => Create.Schema("sales");

                public override void {|RP1002:Down|}() { }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class AddSalesSchema : Migration
            {
                public override void Up() => Create.Schema("sales");

                public override void Down()
                {
                    Delete.Schema("sales");
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task RawSqlAndScriptsGetACommentAskingForAHandWrittenRollback()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class SeedSettings : Migration
            {
                public override void Up()
                {
                    Create.Table("Settings").WithColumn("Name").AsString();
                    Execute.Sql("INSERT INTO Features VALUES ('a')");
                    Execute.Script("Scripts/1.sql");
                }

                public override void {|RP1002:Down|}()
                {
                }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class SeedSettings : Migration
            {
                public override void Up()
                {
                    Create.Table("Settings").WithColumn("Name").AsString();
                    Execute.Sql("INSERT INTO Features VALUES ('a')");
                    Execute.Script("Scripts/1.sql");
                }

                public override void Down()
                {
                    // ReleasePolicy: write the rollback for this raw SQL by hand
                    // ReleasePolicy: write the rollback for this raw SQL by hand
                    Delete.Table("Settings");
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task NameThatIsNotAConstantGetsACommentInsteadOfAGuess()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddArchive : Migration
            {
                private const string Lines = "Lines";
                private static readonly string ArchiveTable = "Archive_" + System.DateTime.Now.Year;

                public override void Up()
                {
                    Create.Table(Lines).WithColumn("Id").AsInt32();
                    Create.Table(ArchiveTable).WithColumn("Id").AsInt32();
                }

                public override void {|RP1002:Down|}()
                {
                }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class AddArchive : Migration
            {
                private const string Lines = "Lines";
                private static readonly string ArchiveTable = "Archive_" + System.DateTime.Now.Year;

                public override void Up()
                {
                    Create.Table(Lines).WithColumn("Id").AsInt32();
                    Create.Table(ArchiveTable).WithColumn("Id").AsInt32();
                }

                public override void Down()
                {
                    // ReleasePolicy: write the rollback for this Create.Table by hand
                    Delete.Table("Lines");
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task OnlyTheMissingInversesAreAddedAndFixAllAddsThemOnce()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders").WithColumn("Id").AsInt32();
                    {|RP1004:Alter.Table("Customers").AddColumn("Email").AsString().Nullable()|};
                    {|RP1004:Rename.Column("Nme").OnTable("Customers").To("Name")|};
                }

                public override void Down()
                {
                    Delete.Table("Orders");
                }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders").WithColumn("Id").AsInt32();
                    Alter.Table("Customers").AddColumn("Email").AsString().Nullable();
                    Rename.Column("Nme").OnTable("Customers").To("Name");
                }

                public override void Down()
                {
                    Rename.Column("Name").OnTable("Customers").To("Nme");
                    Delete.Column("Email").FromTable("Customers");
                    Delete.Table("Orders");
                }
            }
            """;

        await CodeFixVerifier<DownReversesUpAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task RawSqlCommentIsNotAddedAgainWhileTheSqlStillWaitsForItsRollback()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class SeedOrders : Migration
            {
                public override void Up()
                {
                    {|RP1004:Create.Table("Orders").WithColumn("Id").AsInt32()|};
                    {|RP1004:Execute.Sql("INSERT INTO Settings VALUES (1)")|};
                }

                public override void Down() => Delete.Table("Lines");
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class SeedOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("Orders").WithColumn("Id").AsInt32();
                    Execute.Sql("INSERT INTO Settings VALUES (1)");
                }

                public override void Down()
                {
                    // ReleasePolicy: write the rollback for this raw SQL by hand
                    Delete.Table("Orders");
                    Delete.Table("Lines");
                }
            }
            """;

        // The SQL is still unreversed after the fix, and the fix is not offered again for it.
        var test = new CSharpCodeFixTest<DownReversesUpAnalyzer, GenerateDownFixer, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        foreach (var stub in MigrationStubs.For(StubFrameworks.FluentMigrator))
        {
            test.TestState.Sources.Add(stub);
            test.FixedState.Sources.Add(stub);
        }

        test.FixedState.ExpectedDiagnostics.Add(
            new DiagnosticResult("RP1004", DiagnosticSeverity.Warning)
                .WithSpan(9, 9, 9, 55)
                .WithArguments("SeedOrders", "Up runs raw SQL 'INSERT INTO Settings' (Execute.Sql) but Down runs none"));
        await test.RunAsync();
    }

    [Fact]
    public async Task InheritedThrowingDownIsReplacedByADownOfTheMigration()
    {
        const string source = """
            using System;
            using FluentMigrator;

            public abstract class OneWayMigration : Migration
            {
                public override void Down() => throw new NotSupportedException();
            }

            [Migration(1)]
            public class {|RP1001:LinkOrders|} : OneWayMigration
            {
                public override void Up() =>
                    Create.ForeignKey("FK_Orders_Customers").FromTable("Orders").InSchema("sales").ForeignColumn("CustomerId").ToTable("Customers").PrimaryColumn("Id");
            }
            """;

        const string fixedSource = """
            using System;
            using FluentMigrator;

            public abstract class OneWayMigration : Migration
            {
                public override void Down() => throw new NotSupportedException();
            }

            [Migration(1)]
            public class LinkOrders : OneWayMigration
            {
                public override void Up() =>
                    Create.ForeignKey("FK_Orders_Customers").FromTable("Orders").InSchema("sales").ForeignColumn("CustomerId").ToTable("Customers").PrimaryColumn("Id");

                public override void Down()
                {
                    Delete.ForeignKey("FK_Orders_Customers").OnTable("Orders").InSchema("sales");
                }
            }
            """;

        await CodeFixVerifier<MigrationWithoutRollbackAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAllWritesTheDownOfEachMigration()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32();

                public override void {|RP1002:Down|}() { }
            }

            [Migration(2)]
            public class AddOrderIndex : Migration
            {
                public override void Up()
                {
                    Create.Index("IX_Orders_Id").OnTable("Orders").OnColumn("Id");
                }

                public override void {|RP1002:Down|}()
                {
                }
            }
            """;

        const string fixedSource = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32();

                public override void Down()
                {
                    Delete.Table("Orders");
                }
            }

            [Migration(2)]
            public class AddOrderIndex : Migration
            {
                public override void Up()
                {
                    Create.Index("IX_Orders_Id").OnTable("Orders").OnColumn("Id");
                }

                public override void Down()
                {
                    Delete.Index("IX_Orders_Id").OnTable("Orders");
                }
            }
            """;

        await CodeFixVerifier<DownBodyAnalyzer, GenerateDownFixer>.VerifyAsync(source, fixedSource);
    }
}
