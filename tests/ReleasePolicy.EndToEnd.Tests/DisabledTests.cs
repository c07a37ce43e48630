using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

public sealed class DisabledTests
{
    [Theory]
    [InlineData(SdkReference.SdkElement)]
    [InlineData(SdkReference.PackageReference)]
    public void ReleasePolicyEnabled_false_turns_off_analyzers_checks_and_the_manifest(SdkReference reference)
    {
        var project = FixtureProject.Create("Disabled" + reference, reference, efCore: true, projectBody: """
              <PropertyGroup>
                <ReleasePolicyEnabled>false</ReleasePolicyEnabled>
              </PropertyGroup>
              <ItemGroup>
                <ReleaseMigrationScripts Include="db" />
              </ItemGroup>
            """);
        project.WriteMigration("20260305141500_AddOrderNotes", Sources.MigrationWithoutDown, Sources.MigrationWithoutDownDesigner);
        project.Write("db/V1__create_orders.sql", "CREATE TABLE orders (id INT);");

        var pack = project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        Assert.DoesNotContain(pack.Diagnostics, d => d.Code.StartsWith("RP", StringComparison.Ordinal));
        Assert.DoesNotContain(project.NupkgEntries(), e => e.StartsWith("releasepolicy/", StringComparison.Ordinal));
        Assert.False(File.Exists(project.SidecarPath));
    }
}
