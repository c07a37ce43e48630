using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.MigrationInventoryAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>
/// RP1000: the migration inventory. Each migration class gets one diagnostic whose properties the release manifest
/// reads back from the compiler's error log. Hidden by default; these tests raise it to suggestion (Info) as the SDK
/// does in command-line builds.
/// </summary>
public sealed class MigrationInventoryTests
{
    private static readonly Dictionary<string, ReportDiagnostic> AsSuggestion = new() { ["RP1000"] = ReportDiagnostic.Info };

    [Fact]
    public async Task EfCoreMigrationWithoutDownIsListedWithNoRollback()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Contoso.Orders.Data.Migrations
            {
                [Migration("20260305141500_AddOrderNotes")]
                public class {|#0:AddOrderNotes|} : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) =>
                        migrationBuilder.AddColumn<string>(name: "Notes", table: "Orders", nullable: true);
                }
            }
            """;

        await VerifyAsync(source, Listed(0, "AddOrderNotes", "EF Core", "20260305141500_AddOrderNotes", "no rollback (Down is not overridden)"));
        await AssertPropertiesAsync(
            source,
            "migrationId=20260305141500_AddOrderNotes",
            "kind=efcore",
            "className=Contoso.Orders.Data.Migrations.AddOrderNotes",
            "status=missing-rollback",
            "reason=Down is not overridden",
            "destructive=false");
    }

    [Fact]
    public async Task ReversibleEfCoreMigrationHasNoReason()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20260112093000_CreateOrders")]
            public class {|#0:CreateOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
            }
            """;

        await VerifyAsync(source, Listed(0, "CreateOrders", "EF Core", "20260112093000_CreateOrders", "reversible"));
        await AssertPropertiesAsync(
            source,
            "migrationId=20260112093000_CreateOrders",
            "kind=efcore",
            "className=CreateOrders",
            "status=reversible",
            "destructive=false");
    }

    [Fact]
    public async Task MigrationWithoutMigrationAttributeIsIdentifiedByItsClassName()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:AddSchema|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema("sales");
            }
            """;

        await VerifyAsync(source, Listed(0, "AddSchema", "EF Core", "AddSchema", "reversible"));
    }

    [Fact]
    public async Task EmptyDownIsListedWithAnEmptyRollback()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:AddSchema|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // nothing to undo
                }
            }
            """;

        await VerifyAsync(
            source,
            Listed(0, "AddSchema", "EF Core", "AddSchema", "empty rollback (Down is empty or comment-only while Up changes the database)"));
        await AssertPropertiesAsync(
            source,
            "migrationId=AddSchema",
            "kind=efcore",
            "className=AddSchema",
            "status=empty-rollback",
            "reason=Down is empty or comment-only while Up changes the database",
            "destructive=false");
    }

    [Fact]
    public async Task DownThatOnlyThrowsIsListedWithNoRollback()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:AddSchema|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException();
            }
            """;

        await VerifyAsync(source, Listed(0, "AddSchema", "EF Core", "AddSchema", "no rollback (Down only throws)"));
    }

    [Fact]
    public async Task InheritedThrowingDownIsListedWithNoRollback()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class OneWayMigration : Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotImplementedException();
            }

            public class {|#0:AddSchema|} : OneWayMigration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }
            """;

        await VerifyAsync(
            source,
            Listed(0, "AddSchema", "EF Core", "AddSchema", "no rollback (the Down it inherits from 'OneWayMigration' only throws)"));
    }

    [Fact]
    public async Task DownThatMissesAnInverseIsListedWithAnIncompleteRollback()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
                    migrationBuilder.AddColumn<string>(name: "Notes", table: "Customers", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Notes", table: "Customers");
            }
            """;

        const string reason = "Up creates table 'Orders' but Down never drops it; Up creates index 'IX_Customers_Email' on 'Customers' but Down never drops it";
        await VerifyAsync(source, Listed(0, "AddOrders", "EF Core", "AddOrders", "incomplete rollback (" + reason + ")"));
        await AssertPropertiesAsync(
            source,
            "migrationId=AddOrders",
            "kind=efcore",
            "className=AddOrders",
            "status=incomplete-rollback",
            "reason=" + reason,
            "destructive=false");
    }

    [Fact]
    public async Task DownThatReversesUpThroughAHelperIsReversible()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });

                protected override void Down(MigrationBuilder migrationBuilder) => DropOrders(migrationBuilder);

                private static void DropOrders(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Orders");
            }
            """;

        await VerifyAsync(source, Listed(0, "AddOrders", "EF Core", "AddOrders", "reversible"));
    }

    [Fact]
    public async Task ForwardOnlyMigrationCarriesItsReasonAndDestructiveUp()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            // release-policy: forward-only the legacy fax numbers are exported to the archive first
            [Migration("20260401080000_DropFax")]
            public class {|#0:DropFax|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Fax", table: "Customers");
            }
            """;

        await VerifyAsync(
            source,
            Listed(0, "DropFax", "EF Core", "20260401080000_DropFax", "forward-only (the legacy fax numbers are exported to the archive first), destroys data"));
        await AssertPropertiesAsync(
            source,
            "migrationId=20260401080000_DropFax",
            "kind=efcore",
            "className=DropFax",
            "status=forward-only",
            "reason=the legacy fax numbers are exported to the archive first",
            "destructive=true");
    }

    [Fact]
    public async Task ForwardOnlyMigrationWithoutAReasonHasNoReasonProperty()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ForwardOnlyAttribute : Attribute
            {
                public ForwardOnlyAttribute(string reason = null) { }
            }

            [ForwardOnly]
            public class {|#0:AddSchema|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }
            """;

        await VerifyAsync(source, Listed(0, "AddSchema", "EF Core", "AddSchema", "forward-only"));
        await AssertPropertiesAsync(source, "migrationId=AddSchema", "kind=efcore", "className=AddSchema", "status=forward-only", "destructive=false");
    }

    [Fact]
    public async Task DestructiveRawSqlMarksAReversibleMigrationDestructive()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:PurgeSessions|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DELETE FROM Sessions");

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
            }
            """;

        await VerifyAsync(source, Listed(0, "PurgeSessions", "EF Core", "PurgeSessions", "reversible, destroys data"));
    }

    [Fact]
    public async Task FluentMigratorMigrationIsIdentifiedByItsVersion()
    {
        const string source = """
            using FluentMigrator;

            namespace Contoso.Orders.Migrations
            {
                [Migration(20260305141500)]
                public class {|#0:AddOrderNotes|} : Migration
                {
                    public override void Up() => Alter.Table("Orders").AddColumn("Notes").AsString(200).Nullable();

                    public override void Down() => Delete.Column("Notes").FromTable("Orders");
                }
            }
            """;

        await VerifyAsync(source, StubFrameworks.FluentMigrator, Listed(0, "AddOrderNotes", "FluentMigrator", "20260305141500", "reversible"));
        await AssertPropertiesAsync(
            source,
            "migrationId=20260305141500",
            "kind=fluentmigrator",
            "className=Contoso.Orders.Migrations.AddOrderNotes",
            "status=reversible",
            "destructive=false");
    }

    [Fact]
    public async Task AutoReversingMigrationWithAnExpressionFluentMigratorCannotReverseHasNoRollback()
    {
        const string source = """
            using FluentMigrator;

            [Migration(7)]
            public class {|#0:Reshape|} : AutoReversingMigration
            {
                public override void Up()
                {
                    Create.Table("Orders").WithColumn("Id").AsInt32();
                    Execute.Sql("UPDATE Customers SET Name = ''");
                }
            }

            [Migration(8)]
            public class {|#1:AddInvoices|} : AutoReversingMigration
            {
                public override void Up() => Create.Table("Invoices").WithColumn("Id").AsInt32();
            }
            """;

        await VerifyAsync(
            source,
            StubFrameworks.FluentMigrator,
            Listed(0, "Reshape", "FluentMigrator", "7", "no rollback (FluentMigrator cannot reverse Execute.Sql)"),
            Listed(1, "AddInvoices", "FluentMigrator", "8", "reversible"));
    }

    [Fact]
    public async Task EfCoreMigrationWithGeneratedDesignerPartIsListedOnTheHandWrittenPartWithTheDesignerId()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class {|#0:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema("sales");
            }
            """;

        const string designer = """
            // <auto-generated />
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddOrders")]
            partial class AddOrders
            {
            }
            """;

        var test = CreateTest(source, StubFrameworks.EfCore, Listed(0, "AddOrders", "EF Core", "20240101000000_AddOrders", "reversible"));
        test.TestState.Sources.Add(("20240101000000_AddOrders.Designer.cs", designer));
        await test.RunAsync();
    }

    [Fact]
    public async Task ClassesThatAreNotConcreteMigrationsAreNotListed()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class SalesMigration : Migration
            {
            }

            public class OrderService
            {
                public void Up() { }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task NothingIsListedWithoutAMigrationFramework()
    {
        const string source = """
            public class Migration
            {
                protected virtual void Up() { }
            }

            public class AddOrders : Migration
            {
                protected override void Up() { }
            }
            """;

        await VerifyAsync(source, StubFrameworks.None);
    }

    [Fact]
    public async Task CodeThatDoesNotCompileIsListedWithoutAnAnalyzerFailure()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration({|CS1503:42|})]
            public class {|#0:Broken|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.{|CS1061:CreateTabel|}("Orders");

                protected override void Down({|CS0246:MigrationBuildr|} migrationBuilder) => migrationBuilder.DropTable("Orders");
            }
            """;

        await VerifyAsync(source, Listed(0, "Broken", "EF Core", "Broken", "reversible"));
    }

    [Fact]
    public void TheRuleIsHiddenByDefault()
    {
        var descriptor = Assert.Single(new MigrationInventoryAnalyzer().SupportedDiagnostics);

        Assert.Equal("RP1000", descriptor.Id);
        Assert.Equal("Migration inventory", descriptor.Title.ToString());
        Assert.Equal("Migrations", descriptor.Category);
        Assert.Equal(DiagnosticSeverity.Hidden, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public async Task WithoutConfigurationTheDiagnosticIsHiddenAndWithSeverityNoneItIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddSchema : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }
            """;

        var byDefault = await DirectAnalyzerRun.RunAsync(new MigrationInventoryAnalyzer(), source);
        var turnedOff = await DirectAnalyzerRun.RunAsync(
            new MigrationInventoryAnalyzer(), source, severities: new Dictionary<string, ReportDiagnostic> { ["RP1000"] = ReportDiagnostic.Suppress });

        Assert.Equal(DiagnosticSeverity.Hidden, Assert.Single(byDefault).Severity);
        Assert.Empty(turnedOff);
    }

    private static DiagnosticResult Listed(int location, string className, string framework, string id, string summary) =>
        Verify.Diagnostic("RP1000")
            .WithSeverity(DiagnosticSeverity.Info)
            .WithLocation(location)
            .WithArguments(className, framework, id, summary);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        CreateTest(source, StubFrameworks.Both, expected).RunAsync();

    private static Task VerifyAsync(string source, StubFrameworks stubs, params DiagnosticResult[] expected) =>
        CreateTest(source, stubs, expected).RunAsync();

    /// <summary>The analyzer test with RP1000 raised to suggestion through a global config, as the SDK does.</summary>
    private static Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<MigrationInventoryAnalyzer, DefaultVerifier> CreateTest(
        string source, StubFrameworks stubs, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, stubs, expected);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.RP1000.severity = suggestion\n"));
        return test;
    }

    /// <summary>The single RP1000 diagnostic's properties, in any order, as "name=value".</summary>
    private static async Task AssertPropertiesAsync(string source, params string[] expected)
    {
        var markupFree = System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:([^|]*)\|\}", "$1");
        var diagnostic = Assert.Single(await DirectAnalyzerRun.RunAsync(new MigrationInventoryAnalyzer(), markupFree, severities: AsSuggestion));

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            diagnostic.Properties.Select(p => p.Key + "=" + p.Value).Order(StringComparer.Ordinal));
    }
}
