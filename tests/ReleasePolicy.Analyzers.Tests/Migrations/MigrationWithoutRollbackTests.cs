using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.MigrationWithoutRollbackAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

public sealed class MigrationWithoutRollbackTests
{
    [Fact]
    public async Task EfCoreMigrationWithoutDownIsReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Orders", columns: c => new { Id = c.Column<int>() });
                }
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1001").WithLocation(0).WithArguments("AddOrders", "Down is not overridden"));
    }

    [Fact]
    public async Task EfCoreMigrationWithDownIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema("sales");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task MigrationInheritingThrowingDownFromProjectBaseIsReportedWithTheBaseName()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class OneWayMigration : Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotImplementedException();
            }

            public class {|#0:AddOrders|} : OneWayMigration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1001").WithLocation(0).WithArguments("AddOrders", "the Down it inherits from 'OneWayMigration' only throws"));
    }

    [Fact]
    public async Task FluentMigratorMigrationInheritingThrowingDownThroughTwoBasesIsReported()
    {
        const string source = """
            using System;
            using FluentMigrator;

            public abstract class OneWayMigration : Migration
            {
                public sealed override void Down()
                {
                    Console.WriteLine("Rolling back is not supported");
                    throw new InvalidOperationException("Restore a backup instead.");
                }
            }

            public abstract class SalesMigration : OneWayMigration
            {
            }

            [Migration(1)]
            public class {|#0:AddOrders|} : SalesMigration
            {
                public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1001").WithLocation(0).WithArguments("AddOrders", "the Down it inherits from 'OneWayMigration' only throws"));
    }

    [Fact]
    public async Task MigrationsOfABaseDeclaredForwardOnlyAreNotReported()
    {
        const string source = """
            using System;
            using FluentMigrator;

            [AttributeUsage(AttributeTargets.Class, Inherited = false)]
            public sealed class ForwardOnlyAttribute(string reason) : Attribute
            {
                public string Reason { get; } = reason;
            }

            /// <summary>Template: every report migration applies its change in Apply; none is rolled back.</summary>
            [ForwardOnly("Reports are rebuilt from the event store; a rollback restores the previous report build.")]
            public abstract class ReportMigration : Migration
            {
                public override void Up() => Apply();

                public override void Down() => throw new NotSupportedException("Rebuild the reports instead.");

                protected abstract void Apply();
            }

            public abstract class SalesReportMigration : ReportMigration
            {
            }

            [Migration(202604121000)]
            public class DropLegacyTotals : SalesReportMigration
            {
                protected override void Apply() => Delete.Table("LegacyTotals");
            }

            public abstract class OneWayMigration : Migration
            {
                public override void Down() => throw new NotSupportedException("Restore a backup instead.");
            }

            [Migration(202604121030)]
            public class {|#0:AddRegionTotals|} : OneWayMigration
            {
                public override void Up() => Create.Table("RegionTotals").WithColumn("Id").AsInt32();
            }
            """;

        // Declared once on the template base, through a second base; a migration outside that family still needs Down.
        await Verify.VerifyAsync(
            source,
            Verify.Diagnostic("RP1001").WithLocation(0).WithArguments("AddRegionTotals", "the Down it inherits from 'OneWayMigration' only throws"));
    }

    [Fact]
    public async Task MigrationInheritingWorkingDownFromProjectBaseIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class SalesMigration : Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema("sales");
            }

            public class AddSalesSchema : SalesMigration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ThrowingDownDeclaredInTheMigrationItselfIsLeftToRP1003()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException();
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task PartialMigrationWithDownInTheOtherPartIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }

            public partial class AddOrders
            {
                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropSchema("sales");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task PartialMigrationIsReportedOnThePartThatDeclaresUp()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddOrders")]
            public partial class AddOrders
            {
            }

            public partial class {|#0:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1001").WithLocation(0).WithArguments("AddOrders", "Down is not overridden"));
    }

    [Fact]
    public async Task EfCoreMigrationWithGeneratedDesignerPartIsReportedOnTheHandWrittenPart()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class {|#0:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
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

        var test = AnalyzerVerifier<MigrationWithoutRollbackAnalyzer>.Create(
            source,
            StubFrameworks.EfCore,
            Verify.Diagnostic("RP1001").WithLocation(0).WithArguments("AddOrders", "Down is not overridden"));
        test.TestState.Sources.Add(("20240101000000_AddOrders.Designer.cs", designer));
        await test.RunAsync();
    }

    [Fact]
    public async Task AbstractMigrationBaseIsNotReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class SalesMigration : Migration
            {
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task AutoReversingMigrationIsNotReported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : AutoReversingMigration
            {
                public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32();
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ClassNamedMigrationFromAnotherNamespaceIsNotReported()
    {
        const string source = """
            namespace MyApp
            {
                public abstract class Migration { }

                public class AddOrders : Migration { }
            }
            """;

        await Verify.VerifyAsync(source, StubFrameworks.None);
    }

    [Fact]
    public async Task ForwardOnlyAttributeWithReasonSilencesTheRule()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ForwardOnlyAttribute(string reason) : Attribute
            {
                public string Reason { get; } = reason;
            }

            [ForwardOnly("Backfills 40M rows; roll forward with a fix instead.")]
            public class BackfillOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("UPDATE Orders SET Total = 0");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ForwardOnlyMarkerCommentSilencesTheRule()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            // release-policy: forward-only the old column is unused since 2.3
            public class DropLegacyColumn : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Legacy", "Orders");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ForwardOnlyAttributeWithoutReasonStillSilencesTheRuleAndIsLeftToRP1007()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Company.Data
            {
                public sealed class ForwardOnlyMigrationAttribute : Attribute
                {
                }

                [ForwardOnlyMigration]
                public class DropLegacyColumn : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Legacy", "Orders");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task CodeThatDoesNotCompileDoesNotCrashTheAnalyzer()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class {|#0:AddOrders|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                }
            }

            public class Broken : UnknownBase
            {
                protected override void Down(UnknownBuilder b) => throw
            }

            public class AlsoBroken : Migration
            {
                protected override void Down(UnknownBuilder b) { }
            }
            """;

        await Verify.VerifyIgnoringCompilerErrorsAsync(source, Verify.Diagnostic("RP1001").WithLocation(0).WithArguments("AddOrders", "Down is not overridden"));
    }

    [Fact]
    public async Task CompilationWithoutMigrationFrameworksIsIgnored()
    {
        const string source = """
            public class AddOrders
            {
                protected void Up() { }
            }
            """;

        await Verify.VerifyAsync(source, StubFrameworks.None);
    }
}
