using System.Text.Json;
using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>
/// EF Core migrations reach the manifest through the inventory writer, in every flow CI uses, and a project without
/// a migration framework pays nothing for it: no error log, no inventory writer, no inventory file.
/// </summary>
public sealed class MigrationInventoryTests
{
    private static readonly string[] ExpectedMigrations =
    [
        "20260112093000_CreateOrders efcore Contoso.Migrations.CreateOrders reversible Migrations/20260112093000_CreateOrders.cs:8",
        "20260305141500_AddOrderNotes efcore Contoso.Migrations.AddOrderNotes missing-rollback Migrations/20260305141500_AddOrderNotes.cs:8",
    ];

    [Fact]
    public void A_project_without_a_migration_framework_compiles_without_an_error_log_or_the_inventory_writer()
    {
        var project = FixtureProject.Create("NoMigrationFramework");

        var build = project.Dotnet("build", "-c", "Release", "-v:n").ShouldSucceed();

        var compile = CompilerCommandLine(build);
        Assert.Contains("ReleasePolicy.Analyzers.dll", compile);
        Assert.DoesNotContain("/errorlog:", compile);
        Assert.DoesNotContain("ReleasePolicy.Analyzers.Inventory.dll", compile);
        Assert.DoesNotContain("inventory.globalconfig", compile);
    }

    [Fact]
    public void A_project_with_EF_Core_gets_the_inventory_writer_and_no_error_log()
    {
        var project = MigrationsProject("InventoryCommandLine");

        var compile = CompilerCommandLine(project.Dotnet("build", "-c", "Release", "-v:n", "-p:ReleasePolicyMode=Audit").ShouldSucceed());

        Assert.Contains("ReleasePolicy.Analyzers.Inventory.dll", compile);
        Assert.Contains("inventory.globalconfig", compile);
        Assert.DoesNotContain("/errorlog:", compile);
    }

    [Fact]
    public void Pack_lists_every_code_migration_with_its_status_and_the_findings()
    {
        var project = MigrationsProject("InventoryPack");

        project.Dotnet("pack", "-o", project.PackageOutput, "-p:ReleasePolicyMode=Audit").ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(ExpectedMigrations, Migrations(manifest));
        var finding = Assert.Single(manifest.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("RP1001", finding.GetProperty("rule").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("Migrations/20260305141500_AddOrderNotes.cs", finding.GetProperty("location").GetProperty("path").GetString());
    }

    [Fact]
    public void Build_in_Release_then_pack_with_no_build_lists_the_same_migrations()
    {
        var project = MigrationsProject("InventoryNoBuild");

        project.Dotnet("build", "-c", "Release", "-p:ReleasePolicyMode=Audit").ShouldSucceed();
        project.Dotnet("pack", "--no-build", "-o", project.PackageOutput, "-p:ReleasePolicyMode=Audit").ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(ExpectedMigrations, Migrations(manifest));
    }

    [Fact]
    public void Publish_lists_the_same_migrations()
    {
        var project = MigrationsProject("InventoryPublish");
        var publishDirectory = Path.Combine(project.Directory, "publish");

        project.Dotnet("publish", "-o", publishDirectory, "-p:ReleasePolicyMode=Audit").ShouldSucceed();

        using var manifest = FixtureProject.ReadJson(Path.Combine(publishDirectory, "release-manifest.json"));
        Assert.Equal(ExpectedMigrations, Migrations(manifest));
    }

    [Fact]
    public void A_user_error_log_for_code_scanning_is_kept_and_changes_nothing_in_the_manifest()
    {
        var project = MigrationsProject("InventoryUserErrorLog");
        project.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <ErrorLog>$(MSBuildThisFileDirectory)code-scanning.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
            </Project>
            """);

        project.Dotnet("pack", "-o", project.PackageOutput, "-p:ReleasePolicyMode=Audit").ShouldSucceed();

        Assert.True(File.Exists(Path.Combine(project.Directory, "code-scanning.sarif")));
        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(ExpectedMigrations, Migrations(manifest));
    }

    [Fact]
    public void A_deleted_inventory_is_an_error_with_no_build_and_is_written_again_by_the_next_build()
    {
        var project = MigrationsProject("InventoryDeleted");
        project.Dotnet("build", "-c", "Release", "-p:ReleasePolicyMode=Audit").ShouldSucceed();
        var inventory = Directory.GetFiles(Path.Combine(project.Directory, "obj"), "migration-inventory.txt", SearchOption.AllDirectories).Single();
        File.Delete(inventory);

        var noBuild = project.Dotnet("pack", "--no-build", "-o", project.PackageOutput, "-p:ReleasePolicyMode=Audit").ShouldFail();
        var error = Assert.Single(noBuild.WithCode("RP9002"));
        Assert.Contains("migration-inventory.txt", error.Message);
        Assert.Contains("build the project", error.Message);
        Assert.False(File.Exists(project.NupkgPath));

        project.Dotnet("pack", "-o", project.PackageOutput, "-p:ReleasePolicyMode=Audit").ShouldSucceed();
        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(ExpectedMigrations, Migrations(manifest));
    }

    [Fact]
    public void Migrations_marked_generated_code_in_editorconfig_still_get_their_findings_and_their_manifest_entries()
    {
        var project = MigrationsProject("InventoryGeneratedCode");
        project.Write(".editorconfig", """
            root = true

            # Quiet style analyzers on scaffolded code, as many repositories do.
            [Migrations/*.cs]
            generated_code = true
            """);

        var pack = project.Dotnet("pack", "-o", project.PackageOutput, "-p:ReleasePolicyMode=Audit", "-p:TreatWarningsAsErrors=true").ShouldSucceed();

        Assert.Single(pack.WithCode("RP1001"));
        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(ExpectedMigrations, Migrations(manifest));
        Assert.Equal("RP1001", Assert.Single(manifest.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("rule").GetString());
    }

    [Fact]
    public void Baselined_migrations_and_a_forward_only_base_class_pass_an_Enforce_build_and_new_migrations_are_still_checked()
    {
        var project = MigrationsProject("InventoryBaseline");
        project.Write("Directory.Build.targets", """
            <Project>
              <ItemGroup>
                <!-- Accepted as they are when ReleasePolicy was adopted. -->
                <ReleaseMigrationBaseline Include="20260305141500_AddOrderNotes" />
              </ItemGroup>
            </Project>
            """);
        // The other adoption path: a family of data fixes declared forward-only once, on their base class.
        project.Write("Data/DataFixMigration.cs", """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Contoso.Data;

            [AttributeUsage(AttributeTargets.Class, Inherited = false)]
            public sealed class ForwardOnlyAttribute(string reason) : Attribute
            {
                public string Reason { get; } = reason;
            }

            [ForwardOnly("Data fixes are corrected by a later fix, never rolled back.")]
            public abstract class DataFixMigration : Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) =>
                    throw new NotSupportedException("Data fixes are not rolled back.");
            }
            """);
        project.Write("Migrations/20260320100000_FixOrderRegions.cs", """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Contoso.Migrations;

            [Migration("20260320100000_FixOrderRegions")]
            public class FixOrderRegions : Contoso.Data.DataFixMigration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.Sql("UPDATE Orders SET Region = UPPER(Region)");
            }
            """);

        var build = project.Dotnet("build", "-c", "Release").ShouldSucceed();
        Assert.Empty(build.WithCode("RP1001"));

        project.WriteMigration("20260401120000_AddOrderTotal", Sources.MigrationWithoutDown.Replace("AddOrderNotes", "AddOrderTotal").Replace("\"Notes\"", "\"Total\""), Sources.MigrationWithoutDownDesigner.Replace("AddOrderNotes", "AddOrderTotal").Replace("20260305141500", "20260401120000"));
        var enforced = project.Dotnet("build", "-c", "Release").ShouldFail();
        var error = Assert.Single(enforced.WithCode("RP1001"));
        Assert.Contains("AddOrderTotal", error.Message);

        // The manifest keeps the truth: the baselined migration is listed with its real status, marked baselined.
        project.Dotnet("pack", "-o", project.PackageOutput, "-p:ReleasePolicyMode=Audit").ShouldSucceed();
        using var manifest = project.ManifestFromNupkg();
        var baselined = manifest.RootElement.GetProperty("migrations").EnumerateArray()
            .Where(m => m.TryGetProperty("baselined", out var flag) && flag.GetBoolean())
            .Select(m => m.GetProperty("id").GetString() + " " + m.GetProperty("status").GetString());
        Assert.Equal(["20260305141500_AddOrderNotes missing-rollback"], baselined);
        var dataFix = manifest.RootElement.GetProperty("migrations").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == "20260320100000_FixOrderRegions");
        Assert.Equal("forward-only", dataFix.GetProperty("status").GetString());
        Assert.Equal(
            "Data fixes are corrected by a later fix, never rolled back. (declared on 'DataFixMigration')",
            dataFix.GetProperty("reason").GetString());
    }

    private static FixtureProject MigrationsProject(string name)
    {
        var project = FixtureProject.Create(name, efCore: true);
        project.WriteMigration("20260112093000_CreateOrders", Sources.ReversibleMigration, Sources.ReversibleMigrationDesigner);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);
        return project;
    }

    /// <summary>The code migrations of a manifest, one line each: id, kind, class, status and where it is declared.</summary>
    private static string[] Migrations(JsonDocument manifest) =>
        manifest.RootElement.GetProperty("migrations").EnumerateArray()
            .Where(m => m.TryGetProperty("className", out _))
            .Select(m => string.Join(' ',
                m.GetProperty("id").GetString(),
                m.GetProperty("kind").GetString(),
                m.GetProperty("className").GetString(),
                m.GetProperty("status").GetString(),
                $"{m.GetProperty("source").GetProperty("path").GetString()}:{m.GetProperty("source").GetProperty("line").GetInt32()}"))
            .ToArray();

    /// <summary>The compiler's command line, as MSBuild logs it at normal verbosity.</summary>
    private static string CompilerCommandLine(CommandResult build) =>
        build.Output.Split('\n').Single(line => line.Contains("/noconfig", StringComparison.Ordinal) && line.Contains("/out:", StringComparison.Ordinal));
}
