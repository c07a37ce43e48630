using System.Text;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>
/// Code shapes that are legal or nearly so but extreme, written in the seeds' vocabulary (migrations, flag checks,
/// responses) so each analyzer reaches the code it would inspect: huge methods, deeply nested expressions, partial types
/// split across files, duplicate types, attributes with wrong arguments, <c>nameof</c> of missing members and broken
/// generic constraints.
/// </summary>
internal static class HostileShapes
{
    private const string Directory = CorpusSeeds.ProjectDirectory + "Hostile/";

    public const int HugeMethodStatements = 10_000;

    public const int NestingDepth = 500;

    public static IEnumerable<(string Name, CorpusProfile Profile, SourceFile[] Sources)> All()
    {
        yield return ("ef-migration-10000-statement-up-and-down", CorpusProfile.Api, new[] { HugeEfMigration() });
        yield return ("fluent-migration-10000-statement-up", CorpusProfile.Api, new[] { HugeFluentMigration() });
        yield return ("flag-checks-10000-statements", CorpusProfile.Web, new[] { HugeFlagMethod() });
        yield return ("responses-10000-statements", CorpusProfile.Api, new[] { HugeResponseMethod() });

        foreach (var (kind, nest) in Nestings())
        {
            yield return ($"nested-{NestingDepth}-deep-{kind}-in-migration", CorpusProfile.Api, new[] { NestedInMigration(nest) });
            yield return ($"nested-{NestingDepth}-deep-{kind}-in-flag-check", CorpusProfile.Web, new[] { NestedInFlagCheck(nest) });
            yield return ($"nested-{NestingDepth}-deep-{kind}-in-response", CorpusProfile.Api, new[] { NestedInResponse(nest) });
        }

        yield return ("partial-ef-migration-split-across-three-files", CorpusProfile.Api, PartialEfMigration());
        yield return ("partial-fluent-migration-with-conflicting-bases", CorpusProfile.Api, PartialFluentMigration());
        yield return ("duplicate-type-names", CorpusProfile.Web, DuplicateTypes());
        yield return ("attributes-with-wrong-argument-types", CorpusProfile.Web, new[] { WrongAttributeArguments() });
        yield return ("nameof-missing-members", CorpusProfile.Web, new[] { NameofMissingMembers() });
        yield return ("broken-generic-constraints", CorpusProfile.Web, new[] { BrokenGenericConstraints() });
    }

    private static SourceFile HugeEfMigration()
    {
        var up = new StringBuilder();
        var down = new StringBuilder();
        for (var i = 0; i < HugeMethodStatements; i++)
        {
            up.Append("            migrationBuilder.AddColumn<string>(name: \"C").Append(i).Append("\", table: \"Orders\", nullable: true);\n");
            down.Append("            migrationBuilder.DropColumn(name: \"C").Append(HugeMethodStatements - 1 - i).Append("\", table: \"Orders\");\n");
        }

        return new SourceFile(Directory + "20260101000000_Wide.cs", $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20260101000000_Wide")]
            public class Wide : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{up}}    }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
            {{down}}    }
            }
            """);
    }

    private static SourceFile HugeFluentMigration()
    {
        var up = new StringBuilder();
        for (var i = 0; i < HugeMethodStatements; i++)
        {
            up.Append(i % 3 == 0 ? "        Execute.Sql(\"DELETE FROM Audit WHERE Id = " : "        Alter.Table(\"Orders\").AddColumn(\"C").Append(i);
            up.Append(i % 3 == 0 ? $"{i}\");\n" : "\").AsString();\n");
        }

        return new SourceFile(Directory + "WideFluent.cs", $$"""
            using FluentMigrator;

            [Migration(20260101)]
            public class WideFluent : Migration
            {
                public override void Up()
                {
            {{up}}    }

                public override void Down()
                {
                    Delete.Column("C1").FromTable("Orders");
                }
            }
            """);
    }

    private static SourceFile HugeFlagMethod()
    {
        var body = new StringBuilder();
        for (var i = 0; i < HugeMethodStatements; i++)
        {
            body.Append(i % 2 == 0
                ? $"        if (features.IsEnabledAsync(\"Flag{i % 50}\").Result) {{ count++; }}\n"
                : $"        _ = features.IsEnabledAsync(\"Flag\" + {i});\n");
        }

        return new SourceFile(Directory + "FlagStorm.cs", $$"""
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class FlagStorm(IFeatureManager features)
            {
                public int Count()
                {
                    var count = 0;
            {{body}}        return count;
                }
            }
            """);
    }

    private static SourceFile HugeResponseMethod()
    {
        var body = new StringBuilder();
        for (var i = 0; i < HugeMethodStatements; i++)
        {
            body.Append($"        message += \"step {i} on build-{i}.corp.contoso.com \" + error.Message;\n");
        }

        return new SourceFile(Directory + "ChattyController.cs", $$"""
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ChattyController : ControllerBase
            {
                public IActionResult Fail(Exception error)
                {
                    var message = "";
            {{body}}        return Problem(detail: message);
                }
            }
            """);
    }

    /// <summary>Each builds a string-typed expression <see cref="NestingDepth"/> levels deep around a leaf.</summary>
    private static IEnumerable<(string Kind, Func<string, string> Nest)> Nestings()
    {
        yield return ("binary", leaf => string.Concat(Enumerable.Repeat("(\"a.corp\" + ", NestingDepth)) + leaf + new string(')', NestingDepth));
        yield return ("invocation", leaf => string.Concat(Enumerable.Repeat("string.Concat(\"x\", ", NestingDepth)) + leaf + new string(')', NestingDepth));
        yield return ("conditional", leaf => string.Concat(Enumerable.Repeat("(DateTime.Now.Second > 30 ? \"10.0.0.1\" : ", NestingDepth)) + leaf + new string(')', NestingDepth));
        yield return ("parenthesised", leaf => new string('(', NestingDepth) + leaf + new string(')', NestingDepth));
    }

    private static SourceFile NestedInMigration(Func<string, string> nest) => new(Directory + "DeepMigration.cs", $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20260102000000_Deep")]
        public class Deep : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.Sql({{nest("\"DROP TABLE Orders\"")}});
                migrationBuilder.DropColumn(name: {{nest("\"Notes\"")}}, table: "Orders");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<string>(name: {{nest("\"Notes\"")}}, table: "Orders");
            }
        }
        """);

    private static SourceFile NestedInFlagCheck(Func<string, string> nest) => new(Directory + "DeepFlags.cs", $$"""
        using System;
        using System.Threading.Tasks;
        using Microsoft.FeatureManagement;

        public sealed class DeepFlags(IFeatureManager features)
        {
            public async Task<bool> OnAsync() => await features.IsEnabledAsync({{nest("\"NewCheckout\"")}});

            public Task<bool> LostAsync() { _ = features.IsEnabledAsync({{nest("\"Beta\"")}}); return Task.FromResult(true); }
        }
        """);

    private static SourceFile NestedInResponse(Func<string, string> nest) => new(Directory + "DeepController.cs", $$"""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed class DeepController : ControllerBase
        {
            public IActionResult Fail(Exception ex) => Problem(detail: {{nest("ex.Message")}}, title: {{nest("\"Password=hunter2\"")}});
        }
        """);

    private static SourceFile[] PartialEfMigration() => new[]
    {
        new SourceFile(Directory + "20260103000000_Split.cs", """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class Split : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Orders");
            }
            """),
        new SourceFile(Directory + "20260103000000_Split.Down.cs", """
            using Microsoft.EntityFrameworkCore.Migrations;

            public partial class Split
            {
                protected override void Down(MigrationBuilder migrationBuilder) { }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.CreateTable("Orders", table => new { });
            }
            """),
        new SourceFile(Directory + "20260103000000_Split.Designer.cs", """
            // <auto-generated />
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20260103000000_Split")]
            [Migration("20260103000001_SplitAgain")]
            partial class Split : Microsoft.EntityFrameworkCore.Migrations.Migration
            {
                partial void Up(MigrationBuilder migrationBuilder);
            }
            """),
    };

    private static SourceFile[] PartialFluentMigration() => new[]
    {
        new SourceFile(Directory + "Halves.Up.cs", """
            using FluentMigrator;

            [Migration(11)]
            public partial class Halves : Migration
            {
                public override void Up() => Delete.Table("Orders");
            }
            """),
        new SourceFile(Directory + "Halves.Down.cs", """
            using FluentMigrator;

            [Migration(12)]
            public partial class Halves : AutoReversingMigration
            {
                public override void Down() { }
            }

            public partial class Halves<T> : Halves where T : Halves<T> { }
            """),
    };

    private static SourceFile[] DuplicateTypes() => new[]
    {
        new SourceFile(Directory + "Duplicates.One.cs", """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop;

            public static class Flags { public const string NewCheckout = "NewCheckout"; }

            [Migration("20260104000000_Same")]
            public class Same : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Orders");
            }

            public class Same : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Notes", "Orders");
                protected override void Down(MigrationBuilder migrationBuilder) { }
            }
            """),
        new SourceFile(Directory + "Duplicates.Two.cs", """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            namespace Shop;

            public static class Flags { public const string NewCheckout = "Other"; public const int NewCheckout = 3; }

            public sealed class Storefront(IFeatureManager features)
            {
                public Task<bool> OnAsync() => features.IsEnabledAsync(Flags.NewCheckout);
            }

            public sealed class Storefront { }
            """),
    };

    private static SourceFile WrongAttributeArguments() => new(Directory + "WrongAttributes.cs", """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.FeatureManagement;
        using Microsoft.FeatureManagement.Mvc;

        namespace Broken
        {
            [DbContext("OrdersContext")]
            [Microsoft.EntityFrameworkCore.Migrations.Migration(20260105)]
            public class WrongEf : Microsoft.EntityFrameworkCore.Migrations.Migration
            {
                protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Orders");
            }

            [FluentMigrator.Migration("twelve")]
            public class WrongFluent : FluentMigrator.Migration
            {
                public override void Up() => Delete.Table("Orders");
                public override void Down() { }
            }

            [FluentMigrator.Migration]
            [ForwardOnly(typeof(int), 42)]
            public class NoVersion : FluentMigrator.AutoReversingMigration
            {
                public override void Up() => Execute.Sql("DROP TABLE Orders");
            }

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ForwardOnlyAttribute(string reason) : Attribute { }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class RequiresFeatureAttribute(string feature) : Attribute { }

            public sealed class GatedController(IFeatureManager features) : ControllerBase
            {
                [FeatureGate(42, null, typeof(string))]
                public IActionResult A() => Ok();

                [FeatureGate(RequirementType.All, "x", 3.5)]
                [RequiresFeature(typeof(GatedController))]
                public IActionResult B() => Ok();

                [RequiresFeature(null)]
                public IActionResult C() => Ok();

                public async Task<IActionResult> D() => await features.IsEnabledAsync(42) ? B() : C();
            }
        }
        """);

    private static SourceFile NameofMissingMembers() => new(Directory + "MissingNames.cs", """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Microsoft.FeatureManagement;

        public static class Flags { public const string NewCheckout = "NewCheckout"; }

        public enum ShopFeatures { Recommendations }

        [Migration("20260106000000_Names")]
        public class Names : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(nameof(Order.Missing), nameof(Orders));

            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.AddColumn<string>(nameof(this.Nope), nameof(Missing.Table));
        }

        public sealed class NameChecks(IFeatureManager features)
        {
            public async Task<bool> A() => await features.IsEnabledAsync(nameof(Flags.Missing));
            public async Task<bool> B() => await features.IsEnabledAsync(nameof(ShopFeatures.Gone));
            public async Task<bool> C() => await features.IsEnabledAsync(nameof(NotAType<int>.Member));
            public IResult D() => Results.Problem(detail: nameof(Exception.Nope) + nameof(corp));
        }
        """);

    private static SourceFile BrokenGenericConstraints() => new(Directory + "BrokenConstraints.cs", """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Microsoft.FeatureManagement;

        public class Generic<T> : Migration where T : Migration, struct, new(), class
        {
            protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddColumn<T>("C", "Orders");

            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn<T>("C", "Orders");
        }

        public class Circular<T, U> : FluentMigrator.Migration where T : U where U : T
        {
            public override void Up() => Delete.Table<T>("Orders");
            public override void Down() { }
        }

        public class Self<T> where T : T, Missing, IFeatureManager
        {
            public Task<bool> On(T features) => features.IsEnabledAsync<T>("Beta");
        }

        public sealed class Responses<TError> : ControllerBase where TError : Exception, ControllerBase
        {
            public IActionResult Fail(TError error) => Problem(detail: error.Message);

            public IActionResult Other<TOther>(TOther other) where TOther : TError, Responses<TOther> => StatusCode(500, other.StackTrace);
        }
        """);
}
