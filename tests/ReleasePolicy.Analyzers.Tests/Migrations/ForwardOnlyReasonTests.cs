using Verify = ReleasePolicy.Analyzers.Tests.Verification.AnalyzerVerifier<ReleasePolicy.Analyzers.Migrations.ForwardOnlyReasonAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>RP1007: migration declared forward-only without a reason.</summary>
public sealed class ForwardOnlyReasonTests
{
    private const string Attributes = """

        namespace Company.Data
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class ForwardOnlyAttribute : System.Attribute
            {
                public ForwardOnlyAttribute() { }
                public ForwardOnlyAttribute(string reason) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class ForwardOnlyMigrationAttribute : System.Attribute
            {
                public string Reason { get; set; }
            }
        }
        """;

    [Fact]
    public async Task AttributeWithoutReasonIsReported()
    {
        const string source = """
            using Company.Data;
            using Microsoft.EntityFrameworkCore.Migrations;

            [{|#0:ForwardOnly|}]
            public class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Legacy");
            }
            """ + Attributes;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1007").WithLocation(0).WithArguments("DropLegacy"));
    }

    [Fact]
    public async Task AttributeWithBlankReasonIsReported()
    {
        const string source = """
            using Company.Data;
            using FluentMigrator;

            [{|RP1007:ForwardOnly("  ")|}]
            [Migration(1)]
            public class DropLegacy : Migration
            {
                public override void Up() => Delete.Table("Legacy");
                public override void Down() { }
            }

            [{|RP1007:ForwardOnlyMigration(Reason = "")|}]
            [Migration(2)]
            public class DropLegacy2 : Migration
            {
                public override void Up() => Delete.Table("Legacy2");
                public override void Down() { }
            }
            """ + Attributes;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task AttributeWithReasonIsNotReported()
    {
        const string source = """
            using Company.Data;
            using Microsoft.EntityFrameworkCore.Migrations;

            [ForwardOnly("Legacy was archived to cold storage (OPS-12).")]
            public class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Legacy");
            }

            [ForwardOnlyMigration(Reason = "Rebuilt from events on rollback.")]
            public class DropLegacy2 : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Legacy2");
            }
            """ + Attributes;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task MarkerCommentWithoutReasonIsReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            {|#0:// release-policy: forward-only|}
            public class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Legacy");
            }

            // release-policy: forward-only Legacy2 is empty in every environment.
            public class DropLegacy2 : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Legacy2");
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1007").WithLocation(0).WithArguments("DropLegacy"));
    }

    [Fact]
    public async Task BaseMigrationDeclaredForwardOnlyWithoutReasonIsReportedOnceOnTheBase()
    {
        const string source = """
            using System;
            using Company.Data;
            using FluentMigrator;

            /// <summary>Our base for data fixes: they run once and are never rolled back.</summary>
            [{|#0:ForwardOnly|}]
            public abstract class DataFixMigration : Migration
            {
                public override void Down() => throw new NotSupportedException("Data fixes are not rolled back.");
            }

            [Migration(202604120900)]
            public class FixRegionCodes : DataFixMigration
            {
                public override void Up() => Execute.Sql("UPDATE Regions SET Code = UPPER(Code)");
            }

            [Migration(202604120930)]
            public class FixCountryCodes : DataFixMigration
            {
                public override void Up() => Execute.Sql("UPDATE Countries SET Code = UPPER(Code)");
            }
            """ + Attributes;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RP1007").WithLocation(0).WithArguments("DataFixMigration"));
    }

    [Fact]
    public async Task BaseMigrationDeclaredForwardOnlyWithAReasonIsNotReported()
    {
        const string source = """
            using System;
            using FluentMigrator;

            // release-policy: forward-only data fixes are corrected by a later fix, never rolled back
            public abstract class DataFixMigration : Migration
            {
                public override void Down() => throw new NotSupportedException("Data fixes are not rolled back.");
            }

            [Migration(202604120900)]
            public class FixRegionCodes : DataFixMigration
            {
                public override void Up() => Execute.Sql("UPDATE Regions SET Code = UPPER(Code)");
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task ForwardOnlyOnAClassThatIsNotAMigrationIsIgnored()
    {
        const string source = """
            using Company.Data;

            [ForwardOnly]
            public class NotAMigration { }
            """ + Attributes;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task UndeclaredAttributeIsStillRecognisedByName()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [{|RP1007:ForwardOnly|}]
            public class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Legacy");
            }
            """;

        await Verify.VerifyIgnoringCompilerErrorsAsync(source);
    }
}
