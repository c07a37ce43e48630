using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>The SDK brings its analyzers into the compiler itself (NuGet does not read an SDK package's analyzers/ folder).</summary>
public sealed class AnalyzerTests
{
    [Theory]
    [InlineData(SdkReference.SdkElement)]
    [InlineData(SdkReference.PackageReference)]
    public void A_migration_without_Down_is_a_warning_in_a_Debug_build(SdkReference reference)
    {
        var project = FixtureProject.Create("MigrationAudit" + reference, reference, efCore: true);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);

        var build = project.Dotnet("build").ShouldSucceed();

        var finding = Assert.Single(build.WithCode("RP1001"));
        Assert.Equal("warning", finding.Severity);
        Assert.Equal("20260305141500_AddOrderNotes.cs", finding.FileName);
        Assert.Contains("AddOrderNotes", finding.Message);
    }

    [Fact]
    public void The_standalone_analyzers_package_reports_the_same_rule_without_the_build_tasks()
    {
        var project = FixtureProject.Create("AnalyzersOnly", SdkReference.None, efCore: true, projectBody: $"""
              <ItemGroup>
                <PackageReference Include="ReleasePolicy.Analyzers" Version="{PackedSdk.Current.Version}" PrivateAssets="all" />
              </ItemGroup>
            """);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);

        var pack = project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        Assert.Equal("warning", Assert.Single(pack.WithCode("RP1001")).Severity);
        Assert.DoesNotContain(project.NupkgEntries(), e => e.StartsWith("releasepolicy/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_migration_without_Down_fails_a_Release_build_in_Enforce_mode()
    {
        var project = FixtureProject.Create("MigrationEnforce", efCore: true);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);

        var build = project.Dotnet("build", "-c", "Release").ShouldFail();

        Assert.Equal("error", Assert.Single(build.WithCode("RP1001")).Severity);
    }

    [Fact]
    public void An_editorconfig_severity_overrides_the_mode_preset()
    {
        var project = FixtureProject.Create("MigrationEditorconfig", efCore: true);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);
        project.Write(".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.RP1001.severity = none
            """);

        var build = project.Dotnet("build", "-c", "Release").ShouldSucceed();

        Assert.Empty(build.WithCode("RP1001"));
    }

    [Fact]
    public void On_linux_x64_the_Sdk_form_compiles_with_the_ReadyToRun_analyzers_which_report_and_write_the_inventory_as_the_IL_ones_do()
    {
        // The package holds ReadyToRun analyzers only when packed on linux-x64, and the targets use them only there.
        var precompiled = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64"
            ? "analyzers-r2r/linux-x64/"
            : "analyzers/dotnet/cs/";
        var project = FixtureProject.Create("ReadyToRunAnalyzers", efCore: true);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);

        var r2r = project.Dotnet("build", "-c", "Release", "-p:ReleasePolicyMode=Audit", "-v:d").ShouldSucceed();
        var r2rInventory = Inventory(project);
        var il = project.Dotnet("build", "-c", "Release", "-p:ReleasePolicyMode=Audit", "-p:ReleasePolicyReadyToRunAnalyzers=false", "--no-incremental", "-v:d").ShouldSucceed();

        Assert.Contains(precompiled + "ReleasePolicy.Analyzers.dll", r2r.Output);
        Assert.Contains(precompiled + "ReleasePolicy.Analyzers.Inventory.dll", r2r.Output);
        Assert.Contains("analyzers/dotnet/cs/ReleasePolicy.Analyzers.Inventory.dll", il.Output);
        Assert.DoesNotContain("analyzers-r2r/", il.Output);
        Assert.Equal("warning", Assert.Single(r2r.WithCode("RP1001")).Severity);
        Assert.Equal(il.WithCode("RP1001").Select(d => d.Message), r2r.WithCode("RP1001").Select(d => d.Message));
        Assert.Contains("AddOrderNotes", r2rInventory);
        Assert.Equal(r2rInventory, Inventory(project));
    }

    private static string Inventory(FixtureProject project) =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "migration-inventory.txt", SearchOption.AllDirectories).Single());
}
