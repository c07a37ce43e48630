using System.Security.Cryptography;
using System.Text.Json;
using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>`dotnet pack` puts the release manifest into the package and a sidecar beside it, whichever way the SDK is referenced.</summary>
public sealed class PackTests
{
    [Theory]
    [InlineData(SdkReference.SdkElement)]
    [InlineData(SdkReference.GlobalJsonMsBuildSdks)]
    [InlineData(SdkReference.PackageReference)]
    public void Pack_writes_the_manifest_into_the_package_and_a_sidecar_with_the_package_hash(SdkReference reference)
    {
        var project = FixtureProject.Create("Pack" + reference, reference);
        project.Git("init", "-q", "-b", "main");
        project.Git("remote", "add", "origin", "https://deploy-bot:s3cr3t@example.com/contoso/orders.git");
        project.Git("add", "-A");
        project.Git("commit", "-q", "-m", "Initial commit");
        var commit = GitCli.Run(project.Directory, "rev-parse", "HEAD");

        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        Assert.Contains("releasepolicy/release-manifest.json", project.NupkgEntries());
        using var manifest = project.ManifestFromNupkg();
        var root = manifest.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var package = root.GetProperty("package");
        Assert.Equal($"Contoso.{project.Name}", package.GetProperty("id").GetString());
        Assert.Equal("1.2.3", package.GetProperty("version").GetString());
        var repository = package.GetProperty("repository");
        Assert.Equal("https://example.com/contoso/orders.git", repository.GetProperty("url").GetString());
        Assert.Equal(commit, repository.GetProperty("commit").GetString());
        Assert.Equal("main", repository.GetProperty("branch").GetString());
        Assert.Equal(".", repository.GetProperty("projectPath").GetString());
        Assert.Equal("Release", root.GetProperty("build").GetProperty("configuration").GetString());
        Assert.Equal(["net10.0"], root.GetProperty("build").GetProperty("targetFrameworks").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Standard", root.GetProperty("release").GetProperty("type").GetString());

        if (reference == SdkReference.PackageReference)
        {
            var sdkDependency = root.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "ReleasePolicy.Sdk");
            Assert.True(sdkDependency.GetProperty("direct").GetBoolean());
            Assert.Equal(PackedSdk.Current.Version, sdkDependency.GetProperty("version").GetString());
            Assert.StartsWith("sha512-", sdkDependency.GetProperty("hash").GetString());
        }

        using var sidecar = FixtureProject.ReadJson(project.SidecarPath);
        var artifact = Assert.Single(sidecar.RootElement.GetProperty("artifacts").EnumerateArray());
        Assert.Equal(Path.GetFileName(project.NupkgPath), artifact.GetProperty("path").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(project.NupkgPath))), artifact.GetProperty("sha256").GetString());
        Assert.Equal(package.GetRawText(), sidecar.RootElement.GetProperty("package").GetRawText());
    }

    [Fact]
    public void A_project_in_a_detached_worktree_gets_its_commit_and_no_branch()
    {
        var main = FixtureProject.Create("Worktree");
        main.Git("init", "-q", "-b", "main");
        main.Git("add", "-A");
        main.Git("commit", "-q", "-m", "Initial commit");
        var commit = GitCli.Run(main.Directory, "rev-parse", "HEAD");
        var worktree = main.Directory + "-release";
        main.Git("worktree", "add", "-q", "--detach", worktree);
        var project = FixtureProject.At(worktree, main.Name);

        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        var repository = manifest.RootElement.GetProperty("package").GetProperty("repository");
        Assert.Equal(commit, repository.GetProperty("commit").GetString());
        Assert.False(repository.TryGetProperty("branch", out _));
    }

    [Fact]
    public void A_project_outside_any_git_repository_gets_a_manifest_without_repository_fields()
    {
        var project = FixtureProject.Create("NoRepository");

        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        Assert.False(manifest.RootElement.GetProperty("package").TryGetProperty("repository", out _));
    }

    [Fact]
    public void Identical_inputs_give_a_byte_identical_manifest_and_the_second_pack_does_not_rewrite_it()
    {
        var project = FixtureProject.Create("Deterministic", folderName: "Orders Ünïcode App");
        var environment = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1767225600" };

        project.Dotnet(environment, "pack", "-o", project.PackageOutput).ShouldSucceed();
        var manifestPath = Path.Combine(project.Directory, "obj", "Release", "net10.0", "releasepolicy", "release-manifest.json");
        var first = File.ReadAllBytes(manifestPath);
        var firstWrite = File.GetLastWriteTimeUtc(manifestPath);
        var second = project.Dotnet(environment, "pack", "-o", project.PackageOutput).ShouldSucceed();

        Assert.Equal(first, File.ReadAllBytes(manifestPath));
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(manifestPath));

        // The manifest was up to date and its task skipped; RP5000 still tells CI the release's risk.
        Assert.Contains("Release risk low (", second.Output);
        using var manifest = JsonDocument.Parse(first);
        Assert.Equal("2026-01-01T00:00:00Z", manifest.RootElement.GetProperty("build").GetProperty("timestamp").GetString());
    }

    [Fact]
    public void A_multi_targeted_project_gets_one_manifest_listing_every_framework()
    {
        var project = FixtureProject.Create("MultiTarget", SdkReference.PackageReference, targetFramework: "net8.0;net10.0", efCore: true);
        project.WriteMigration("20260112093000_CreateOrders", Sources.ReversibleMigration, Sources.ReversibleMigrationDesigner);

        project.Dotnet("pack", "-o", project.PackageOutput).ShouldSucceed();

        using var manifest = project.ManifestFromNupkg();
        Assert.Equal(["net8.0", "net10.0"], manifest.RootElement.GetProperty("build").GetProperty("targetFrameworks").EnumerateArray().Select(e => e.GetString()));
        // One public surface per framework, collected from the inner builds by the outer one.
        Assert.Equal(
            ["MultiTarget net10.0", "MultiTarget net8.0"],
            manifest.RootElement.GetProperty("publicApi").EnumerateArray().Select(a => $"{a.GetProperty("assembly").GetString()} {a.GetProperty("targetFramework").GetString()}"));
        var migration = Assert.Single(manifest.RootElement.GetProperty("migrations").EnumerateArray());
        Assert.Equal("reversible", migration.GetProperty("status").GetString());
        Assert.True(File.Exists(project.SidecarPath));
    }

    [Fact]
    public void The_package_carries_the_sdk_layout()
    {
        var sdk = PackedSdk.Current;
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(sdk.Feed, $"ReleasePolicy.Sdk.{sdk.Version}.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("Sdk/Sdk.props", entries);
        Assert.Contains("Sdk/Sdk.targets", entries);
        Assert.Contains("build/ReleasePolicy.Sdk.props", entries);
        Assert.Contains("build/ReleasePolicy.Sdk.targets", entries);
        Assert.Contains("tasks/net8.0/ReleasePolicy.Tasks.dll", entries);
        Assert.Contains("tasks/net472/ReleasePolicy.Tasks.dll", entries);
        Assert.Contains("tasks/net472/System.Text.Json.dll", entries);
        Assert.Contains("tasks/net8.0/System.Text.Json.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ReleasePolicy.Analyzers.dll", entries);
        Assert.Contains("schema/release-manifest.schema.json", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<packageType name=\"MSBuildSdk\" />", text);
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.DoesNotContain("<dependencies>", text);
    }
}
