using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>Internal identifiers through the packed SDK: release notes at pack, and the analyzers with the project's settings.</summary>
public sealed class LeakTests
{
    private const string ReleaseNotes = "# 1.2.3\n\n- Faster checkout.\n- The database moved to db-primary.corp.\n";

    [Fact]
    public void An_internal_host_in_the_release_notes_fails_an_Enforce_pack_with_file_and_line()
    {
        var project = FixtureProject.Create("LeakEnforce");
        project.Write("RELEASE-NOTES.md", ReleaseNotes);

        var pack = project.Dotnet("pack", "-c", "Release", "-o", project.PackageOutput).ShouldFail();

        var error = Assert.Single(pack.WithCode("RP3010"));
        Assert.Equal("error", error.Severity);
        Assert.Equal("RELEASE-NOTES.md", error.FileName);
        Assert.Equal(4, error.Line);
        Assert.Contains("internal host 'db-primary.corp'", error.Message);
        Assert.Contains("nothing was packed or published", pack.Output);
        Assert.False(File.Exists(project.NupkgPath));
    }

    [Fact]
    public void The_same_project_in_Audit_packs_with_a_warning()
    {
        var project = FixtureProject.Create("LeakAudit");
        project.Write("RELEASE-NOTES.md", ReleaseNotes);

        var pack = project.Dotnet("pack", "-c", "Release", "-p:ReleasePolicyMode=Audit", "-o", project.PackageOutput).ShouldSucceed();

        Assert.Equal("warning", Assert.Single(pack.WithCode("RP3010")).Severity);
        Assert.True(File.Exists(project.NupkgPath));

        // The manifest lists it with the others: rule, severity as reported, file and line.
        using var manifest = project.ManifestFromNupkg();
        var finding = Assert.Single(manifest.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP3010");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("RELEASE-NOTES.md", finding.GetProperty("location").GetProperty("path").GetString());

        // A second pack with nothing changed keeps the finding in the manifest.
        project.Dotnet("pack", "-c", "Release", "-p:ReleasePolicyMode=Audit", "-o", project.PackageOutput).ShouldSucceed();
        using var again = project.ManifestFromNupkg();
        Assert.Contains(again.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP3010");
    }

    [Fact]
    public void The_analyzers_read_the_organisation_domains_from_the_project_and_the_sinks_from_editorconfig()
    {
        var project = FixtureProject.Create("LeakAnalyzers", folderName: "LeakAnalyzers/src/Api", projectBody: """
              <PropertyGroup>
                <ReleaseInternalDomains>corp.contoso.com;contoso.internal</ReleaseInternalDomains>
              </PropertyGroup>
            """);
        project.Write(".editorconfig", "root = true\n\n[*.cs]\nrelease_policy.user_facing_sinks = Contoso.Errors.Create\n");
        GitCli.Run(Path.GetFullPath(Path.Combine(project.Directory, "..", "..")), "init", "-q");
        project.Write("Errors.cs", """
            namespace Contoso;

            public static class Errors
            {
                public static string Create(string message) => message;

                public static string Down() => Create("Billing on billing.contoso.internal is down");

                public static string Quiet() => System.String.Concat("Billing on billing.contoso.internal is down");
            }
            """);

        var build = project.Dotnet("build").ShouldSucceed();

        var warning = Assert.Single(build.WithCode("RP3001"));
        Assert.Equal("Errors.cs", warning.FileName);
        Assert.Contains("Internal host 'billing.contoso.internal' reaches users through Errors.Create", warning.Message);

        // The inner-loop build collects nothing for the manifest; the pack's compile does, and lists it with file and line,
        // the path relative to the repository root (the project is src/Api in it).
        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "releasepolicy", "leak-inventory.txt")));
        project.Dotnet("pack", "-p:ReleasePolicyMode=Audit", "-o", project.PackageOutput).ShouldSucceed();
        using var manifest = project.ManifestFromNupkg();
        Assert.Equal("src/Api", manifest.RootElement.GetProperty("package").GetProperty("repository").GetProperty("projectPath").GetString());
        var finding = Assert.Single(manifest.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP3001");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("src/Api/Errors.cs", finding.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(7, finding.GetProperty("location").GetProperty("line").GetInt32());

        // The release-notes check found nothing, so it is up to date; a CHANGELOG.md that appears later at the
        // repository root (no input list named it) makes the next pack read it.
        var repositoryRoot = Path.GetFullPath(Path.Combine(project.Directory, "..", ".."));
        File.WriteAllText(Path.Combine(repositoryRoot, "CHANGELOG.md"), "# 2.1.0\n\n- Moved the reports to reports.corp.\n");
        var again = project.Dotnet("pack", "-p:ReleasePolicyMode=Audit", "-o", project.PackageOutput).ShouldSucceed();
        Assert.Contains(again.WithCode("RP3010"), d => d.FileName == "CHANGELOG.md");

        // The release-notes check records it as '../../CHANGELOG.md' from the project; the manifest, from the root.
        using var repacked = project.ManifestFromNupkg();
        var leak = Assert.Single(repacked.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "RP3010");
        Assert.Equal("CHANGELOG.md", leak.GetProperty("location").GetProperty("path").GetString());
    }
}
