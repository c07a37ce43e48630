using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.DownBodyAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>RP1002 (empty or comment-only Down) and RP1003 (Down only throws).</summary>
public sealed class DownBodyTests
{
    [Fact]
    public async Task CommentOnlyDownIsReportedAsEmpty()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                    // Rollback not required
                }
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1002").WithLocation(0).WithArguments("AddOrders"));
    }

    [Fact]
    public async Task EmptyFluentMigratorDownIsReported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32();

                public override void {|RP1002:Down|}() { }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task EmptyDownIsNotReportedWhenUpIsEmptyToo()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class NoOp : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) { }

                protected override void Down(MigrationBuilder migrationBuilder) { }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DownWhoseRollbackIsExcludedByIfIsReportedForThisBuild()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void {|RP1002:Down|}(MigrationBuilder migrationBuilder)
                {
            #if ROLLBACK_SUPPORTED
                    migrationBuilder.DropSchema("sales");
            #endif
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DownWhoseRollbackIsIncludedByIfIsNotReported()
    {
        const string source = """
            #define ROLLBACK_SUPPORTED
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder)
                {
            #if ROLLBACK_SUPPORTED
                    migrationBuilder.DropSchema("sales");
            #endif
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DownThatOnlyThrowsIsReported()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                    throw new NotImplementedException();
                }
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1003").WithLocation(0).WithArguments("AddOrders"));
    }

    [Fact]
    public async Task DownThatLogsThenThrowsIsReported()
    {
        const string source = """
            using System;
            using FluentMigrator;

            [Migration(1)]
            public class AddOrders : Migration
            {
                public override void Up() => Create.Table("Orders").WithColumn("Id").AsInt32();

                public override void {|RP1003:Down|}()
                {
                    Console.WriteLine("Cannot roll back AddOrders");
                    throw new NotSupportedException();
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ExpressionBodiedThrowingDownIsReported()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void {|RP1003:Down|}(MigrationBuilder migrationBuilder) => throw new NotSupportedException();
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DownThatRollsBackThenThrowsIsNotReported()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropSchema("sales");
                    throw new InvalidOperationException("Data in sales must be restored from backup.");
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task DownThatOnlyLogsIsNotEmpty()
    {
        // RP1004 reports what such a Down fails to reverse.
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder) => Console.WriteLine("Rolling back AddOrders");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task EmptyDownInPartialPartIsReportedThere()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");
            }

            public partial class AddOrders
            {
                protected override void {|RP1002:Down|}(MigrationBuilder migrationBuilder) { }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ForwardOnlyMigrationIsNotReported()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public sealed class ForwardOnlyAttribute(string reason) : Attribute { }

            [ForwardOnly("Data is re-derived from the event store.")]
            public class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales");

                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException();
            }

            /* release-policy: forward-only: replaced by V2 schema */
            public class AddOrdersV2 : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.EnsureSchema("sales2");

                protected override void Down(MigrationBuilder migrationBuilder) { }
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
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Nope(;

                protected override void {|RP1002:Down|}(MigrationBuilder migrationBuilder) {

                protected override void Down(Missing m) => throw;
            }
            """;

        await Verify.VerifyIgnoringCompilerErrorsAsync(source);
    }
}
