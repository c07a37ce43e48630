using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>
/// Adoption on an existing repository: migrations listed in ReleaseMigrationBaseline (the SDK's compiler-visible
/// property, or release_policy.migration_baseline in a .globalconfig) are accepted as they are by the rollback rules;
/// every migration after them is checked, and RP1005 still reports destruction.
/// </summary>
public sealed class MigrationBaselineTests
{
    private const string LegacyMigrations = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Contoso.Shop.Data.Migrations
        {
            [Migration("20190312101500_InitialCreate")]
            public partial class InitialCreate : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Products", columns: table => new { Id = table.Column<int>() });
                }

                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException();
            }

            [Migration("20190420093000_AddSku")]
            public partial class AddSku : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Sku", table: "Products", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Products_Sku", table: "Products", column: "Sku");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Sku", table: "Products");
                }
            }

            [Migration("20260110120000_AddPrice")]
            public partial class {|#0:AddPrice|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<decimal>(name: "Price", table: "Products", nullable: true);
                }
            }
        }
        """;

    [Theory]
    [InlineData("build_property._ReleasePolicyMigrationBaseline = 20190312101500_InitialCreate,20190420093000_AddSku")]
    [InlineData("release_policy.migration_baseline = InitialCreate, Contoso.Shop.Data.Migrations.AddSku")]
    public async Task BaselinedMigrationsAreAcceptedAndNewOnesAreChecked(string option)
    {
        await VerifyAsync<DownReversesUpAnalyzer>(option);
        await VerifyAsync<MigrationWithoutRollbackAnalyzer>(option, Diagnostic<MigrationWithoutRollbackAnalyzer>("RP1001").WithLocation(0).WithArguments("AddPrice", "Down is not overridden"));
        await VerifyAsync<DownBodyAnalyzer>(option);
    }

    [Fact]
    public async Task WithoutTheBaselineTheOldMigrationsAreReported()
    {
        var source = LegacyMigrations.Replace("{|#0:AddPrice|}", "AddPrice");

        var downs = await DirectAnalyzerRun.RunAsync(new DownBodyAnalyzer(), source, StubFrameworks.EfCore);
        var pairs = await DirectAnalyzerRun.RunAsync(new DownReversesUpAnalyzer(), source, StubFrameworks.EfCore);

        Assert.Equal(["RP1003"], downs.Select(diagnostic => diagnostic.Id));
        Assert.Equal(["RP1004"], pairs.Select(diagnostic => diagnostic.Id));
    }

    private static DiagnosticResult Diagnostic<TAnalyzer>(string id)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        AnalyzerVerifier<TAnalyzer>.Diagnostic(id);

    private static Task VerifyAsync<TAnalyzer>(string option, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = AnalyzerVerifier<TAnalyzer>.Create(LegacyMigrations, StubFrameworks.EfCore, expected);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + option + "\n"));
        return test.RunAsync();
    }
}
