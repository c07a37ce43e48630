using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>
/// Trusted dependencies through the packed SDK (RP4002, RP4004): a local OSV folder, a suppression recorded in the
/// manifest, and a DLL tampered in a packages folder of the test's own, so the shared cache is never touched.
/// </summary>
public sealed class DependencyTests
{
    private const string Advisory = """
        {
          "schema_version": "1.6.0",
          "id": "GHSA-e2e0-crit-0001",
          "modified": "2026-11-30T08:00:00Z",
          "summary": "Deserialization of untrusted type names",
          "database_specific": { "severity": "CRITICAL" },
          "affected": [ { "package": { "ecosystem": "NuGet", "name": "Newtonsoft.Json" },
                          "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "13.0.4" } ] } ] } ]
        }
        """;

    private static FixtureProject Create(string name, string items = "") => FixtureProject.Create(name, projectBody: $"""
          <PropertyGroup>
            <ReleasePolicyNow>2026-12-01</ReleasePolicyNow>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            <VulnerabilityDatabase Include="osv" />
            {items}
          </ItemGroup>
        """);

    [Fact]
    public void A_critical_advisory_in_a_local_OSV_folder_fails_a_Release_build_naming_package_version_advisory_and_fix()
    {
        var project = Create("DepsCritical");
        project.Write("osv/GHSA-e2e0-crit-0001.json", Advisory);

        // With the network unavailable to the build: everything the check needs is on disk.
        project.Dotnet("restore").ShouldSucceed();
        var build = project.Dotnet(DotNet.Offline, "build", "--no-restore", "-c", "Release").ShouldFail();

        Assert.DoesNotMatch(DotNet.NetworkMessage, build.Output);
        var error = Assert.Single(build.WithCode("RP4004"));
        Assert.Equal("error", error.Severity);
        Assert.Contains("Package 'Newtonsoft.Json' 13.0.3 (direct) has a known critical vulnerability GHSA-e2e0-crit-0001", error.Message);
        Assert.Contains("fixed in 13.0.4", error.Message);

        // The inner dev loop stays fast: a Debug build does not verify dependencies, unless asked to.
        project.Dotnet("build").ShouldSucceed();
        Assert.Single(project.Dotnet("build", "-p:ReleaseVerifyDependencies=true", "-p:ReleasePolicyMode=Audit").ShouldSucceed().WithCode("RP4004"));
        var invalid = project.Dotnet("build", "-p:ReleaseVerifyDependencies=sometimes").ShouldFail();
        Assert.Contains("ReleaseVerifyDependencies is 'sometimes'. Allowed values: true, false", Assert.Single(invalid.WithCode("RP9001")).Message);
    }

    [Fact]
    public void A_justified_suppression_passes_and_the_manifest_records_it_with_the_signature()
    {
        var project = Create("DepsSuppressed", """<VulnerabilitySuppression Include="GHSA-e2e0-crit-0001" Justification="We never deserialize type names from input" Expires="2027-01-31" />""");
        project.Write("osv/GHSA-e2e0-crit-0001.json", Advisory);

        var pack = project.Dotnet("pack", "-c", "Release", "-o", project.PackageOutput).ShouldSucceed();

        Assert.DoesNotContain(pack.WithCode("RP4004"), d => d.Severity != "message");
        using var manifest = project.ManifestFromNupkg();
        var vulnerability = Assert.Single(manifest.RootElement.GetProperty("vulnerabilities").EnumerateArray());
        Assert.Equal(("GHSA-e2e0-crit-0001", "Newtonsoft.Json", "13.0.3", "critical", "13.0.4"), (
            vulnerability.GetProperty("id").GetString(),
            vulnerability.GetProperty("package").GetString(),
            vulnerability.GetProperty("version").GetString(),
            vulnerability.GetProperty("severity").GetString(),
            vulnerability.GetProperty("fixedVersion").GetString()));
        Assert.Equal("We never deserialize type names from input", vulnerability.GetProperty("suppressed").GetProperty("justification").GetString());
        var dependency = manifest.RootElement.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "Newtonsoft.Json");
        Assert.Equal("author", dependency.GetProperty("signature").GetProperty("type").GetString());
        Assert.Equal("repository", dependency.GetProperty("signature").GetProperty("repositoryCountersignature").GetProperty("type").GetString());
        Assert.True(dependency.GetProperty("trusted").GetBoolean());
        Assert.Equal(["GHSA-e2e0-crit-0001"], dependency.GetProperty("vulnerabilities").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void A_second_pack_with_no_change_verifies_nothing_again_and_a_changed_OSV_file_reuses_the_cached_verdicts()
    {
        var project = Create("DepsIncremental");
        var osv = project.Write("osv/GHSA-e2e0-crit-0001.json", Advisory.Replace("13.0.4", "13.0.1"));

        var first = project.Dotnet("pack", "-c", "Release", "-o", project.PackageOutput, "-v:d").ShouldSucceed();
        var second = project.Dotnet("pack", "-c", "Release", "-o", project.PackageOutput, "-v:d").ShouldSucceed();
        File.SetLastWriteTimeUtc(osv, DateTime.UtcNow.AddSeconds(2));
        var third = project.Dotnet("pack", "-c", "Release", "-o", project.PackageOutput, "-v:d").ShouldSucceed();

        Assert.Contains("ReleasePolicy: verified 1 package (0 unchanged since the last build); 0 advisories apply.", first.Output);
        Assert.DoesNotContain("Task \"VerifyReleaseDependencies\"", second.Output);
        Assert.DoesNotContain("Task \"GenerateReleaseManifest\"", second.Output);
        Assert.Contains("ReleasePolicy: verified 1 package (1 unchanged since the last build); 0 advisories apply.", third.Output);
    }

    [Fact]
    public void A_DLL_tampered_in_the_packages_folder_is_RP4002_naming_the_file()
    {
        var project = Create("DepsTampered");
        Directory.CreateDirectory(Path.Combine(project.Directory, "osv"));
        var packages = Path.Combine(project.Directory, "nuget-packages");
        var isolated = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages };
        project.Dotnet(isolated, "restore").ShouldSucceed();
        var dll = Path.Combine(packages, "newtonsoft.json", "13.0.3", "lib", "net6.0", "Newtonsoft.Json.dll");
        var bytes = File.ReadAllBytes(dll);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(dll, bytes);

        var build = project.Dotnet(isolated, "build", "-c", "Release", "--no-restore").ShouldFail();

        var error = Assert.Single(build.WithCode("RP4002"));
        Assert.Equal("Newtonsoft.Json.dll", error.FileName);
        Assert.Contains("Package 'Newtonsoft.Json' 13.0.3 does not match what restore verified: the file the build uses lib/net6.0/Newtonsoft.Json.dll", error.Message);
    }
}
