using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>
/// The syntax reader of scaffolded EF Core bodies must give exactly what the bound reader gives, and must hand every
/// body it cannot answer for back to binding.
/// </summary>
public sealed class ScaffoldedMigrationReaderTests
{
    /// <summary>Bodies as <c>dotnet ef migrations add</c> writes them, for SQL Server, PostgreSQL and SQLite.</summary>
    private const string Scaffolded = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Contoso.Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class InitialCreate : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "sales");

                    migrationBuilder.CreateTable(
                        name: "Customers",
                        schema: "sales",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "int", nullable: false),
                            Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Customers", x => x.Id);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Customers_Email",
                        schema: "sales",
                        table: "Customers",
                        column: "Email",
                        unique: true);

                    migrationBuilder.InsertData(
                        schema: "sales",
                        table: "Customers",
                        columns: new[] { "Id", "Email" },
                        values: new object[] { 1, "ops@contoso.com" });
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Customers",
                        schema: "sales");
                }
            }

            public partial class TightenEmails : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        schema: "sales",
                        table: "Customers",
                        type: "nvarchar(128)",
                        maxLength: 128,
                        nullable: false,
                        oldType: "nvarchar(256)",
                        oldMaxLength: 256,
                        oldNullable: true);

                    migrationBuilder.Sql(@"UPDATE [sales].[Customers] SET [Email] = LOWER([Email]);");
                    migrationBuilder.Sql("DELETE FROM sales.Customers");
                    migrationBuilder.DropForeignKey(
                        name: "FK_Orders_Customers_CustomerId",
                        table: "Orders");
                    migrationBuilder.DropIndex(
                        name: "IX_Orders_CustomerId",
                        table: "Orders");
                    migrationBuilder.RenameTable(
                        name: "Orders",
                        newName: "PurchaseOrders");
                    migrationBuilder.AddColumn<bool>(
                        name: "IsArchived",
                        table: "PurchaseOrders",
                        nullable: false,
                        defaultValue: false);
                    migrationBuilder.DropColumn(
                        name: "LegacyCode",
                        table: "PurchaseOrders");
                }

                protected override void Down(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.RenameTable(name: "PurchaseOrders", newName: "Orders");
            }
        }
        """;

    [Fact]
    public async Task ScaffoldedBodiesAreReadFromSyntaxExactlyAsTheBoundReaderReadsThem()
    {
        var (compilation, symbols) = await CompileAsync(Scaffolded);
        var read = 0;
        foreach (var (method, declaration, model) in Bodies(compilation))
        {
            var fromSyntax = ScaffoldedMigrationReader.TryRead(method, declaration, symbols);
            Assert.NotNull(fromSyntax);
            // As a build reads it: the bound operations of the body (MigrationBodies' path when the syntax reader declines).
            var bound = SchemaChangeReader.Read(new[] { model.GetOperation(declaration)! }, symbols, method.ContainingType);
            Assert.Equal(Describe(bound), Describe(fromSyntax));
            read++;
        }

        Assert.Equal(4, read);
    }

    [Theory]
    [InlineData("migrationBuilder.DropTable(name: TableNames.Customers);")] // a constant, which only binding evaluates
    [InlineData("var table = \"Customers\"; migrationBuilder.DropTable(name: table);")] // a statement that is no builder call
    [InlineData("DropAuditTriggers(migrationBuilder); migrationBuilder.DropTable(name: \"Customers\");")] // a helper the bound reader follows
    [InlineData("migrationBuilder.DropTable(name: nameof(TableNames.Customers));")]
    [InlineData("migrationBuilder.Sql($\"DROP TABLE {TableNames.Customers}\");")]
    [InlineData("migrationBuilder.DropAuditTable(\"Customers\");")] // the team's own extension method
    [InlineData("migrationBuilder.CreateTable(name: \"Audit\", columns: table => new { Id = table.Column<int>(type: ColumnType()) });")]
    public async Task BodiesTheSyntaxReaderCannotAnswerForAreBound(string body)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            public static class TableNames
            {
                public const string Customers = "Customers";
            }

            public static class AuditMigrations
            {
                public static void DropAuditTable(this MigrationBuilder migrationBuilder, string table) =>
                    migrationBuilder.DropTable(name: table + "_Audit");
            }

            public class DropCustomers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {{body}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }

                private static void DropAuditTriggers(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TRIGGER Audit");

                private static string ColumnType() => "int";
            }
            """;
        var (compilation, symbols) = await CompileAsync(source);
        var (method, declaration, _) = Assert.Single(Bodies(compilation), body => body.Method.Name == "Up");

        Assert.Null(ScaffoldedMigrationReader.TryRead(method, declaration, symbols));
    }

    private static string Describe(MethodSchemaChanges changes) => string.Join(
        "\n",
        changes.Changes.Select(c => $"{c.Kind} {c.OperationName} name={c.Name} table={c.Table} schema={c.Schema} new={c.NewName}/{c.NewSchema} sql={c.SqlText} statement={c.Statement?.Kind}:{c.Statement?.Table}:{string.Join("/", c.Columns)} notnull={c.MakesColumnNotNullable} narrows={c.NarrowsMaxLength} at={c.Syntax.Span}")
            .Append("helpers=" + string.Join(",", changes.HelperCalls.Select(h => h.Name))));

    private static IEnumerable<(IMethodSymbol Method, MethodDeclarationSyntax Declaration, SemanticModel Model)> Bodies(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(declaration) is { Name: "Up" or "Down" } method)
            {
                yield return (method, declaration, model);
            }
        }
    }

    private static async Task<(Compilation Compilation, MigrationSymbols Symbols)> CompileAsync(string source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = new[] { CSharpSyntaxTree.ParseText(source, path: "/src/Migrations.cs") }
            .Concat(MigrationStubs.For(StubFrameworks.EfCore).Select(stub => CSharpSyntaxTree.ParseText(stub.Source, path: "/stubs/" + stub.FileName)));
        var compilation = CSharpCompilation.Create("Contoso.Shop.Data", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (compilation, MigrationSymbols.TryCreate(compilation) ?? throw new InvalidOperationException("no EF Core stubs"));
    }
}
