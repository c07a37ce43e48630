using System.Text.RegularExpressions;
using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>
/// The build never breaks for ReleasePolicy's own reasons: the same commit packed in two checkouts gives the same
/// manifest and sidecar; a 20-project solution built in parallel ten times has no file-lock or cache race; a pack
/// with the network unavailable passes and says nothing about the network.
/// </summary>
public sealed partial class ResilienceTests
{
    [Fact]
    public void The_same_commit_packed_in_two_checkouts_gives_byte_identical_manifests_and_sidecars()
    {
        var origin = FixtureProject.Create("Reproducible", efCore: true, projectBody: """
              <ItemGroup>
                <ReleaseMigrationScripts Include="db/migrations" />
              </ItemGroup>
              <PropertyGroup>
                <ReleaseProvenanceEnabled>true</ReleaseProvenanceEnabled>
                <ContinuousIntegrationBuild>true</ContinuousIntegrationBuild>
              </PropertyGroup>
            """);
        origin.WriteMigration("20260112093000_CreateOrders", Sources.ReversibleMigration, Sources.ReversibleMigrationDesigner);
        origin.Write("db/migrations/V1__create_audit.sql", "CREATE TABLE audit (id INT NOT NULL);\n");
        origin.Write("db/migrations/U1__create_audit.sql", "DROP TABLE audit;\n");
        origin.Write(".gitignore", "bin/\nobj/\nout/\n");
        origin.Git("init", "-q", "-b", "main");
        origin.Git("add", "-A");
        origin.Git("-c", "user.name=Release Bot", "-c", "user.email=release@contoso.example", "commit", "-q", "-m", "Release 1.2.3");
        var commitTime = GitCli.Run(origin.Directory, "log", "-1", "--format=%ct");

        var checkouts = new[] { "first checkout", "zweiter Checkout Ω" }.Select(name =>
        {
            var directory = Path.Combine(Path.GetDirectoryName(origin.Directory)!, "Reproducible clones", name);
            Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
            GitCli.Run(Path.GetDirectoryName(directory)!, "clone", "-q", origin.Directory, directory);
            var clone = FixtureProject.At(directory, origin.Name);
            clone.Dotnet(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = commitTime }, "pack", "-o", clone.PackageOutput).ShouldSucceed();
            return clone;
        }).ToList();

        Assert.Equal(ManifestBytes(checkouts[0]), ManifestBytes(checkouts[1]));
        Assert.Equal(File.ReadAllBytes(checkouts[0].SidecarPath), File.ReadAllBytes(checkouts[1].SidecarPath));
        using var sidecar = FixtureProject.ReadJson(checkouts[0].SidecarPath);
        Assert.Equal("reversible", Assert.Single(sidecar.RootElement.GetProperty("migrations").EnumerateArray(), m => m.GetProperty("kind").GetString() == "efcore").GetProperty("status").GetString());
        Assert.True(sidecar.RootElement.TryGetProperty("provenance", out _));
    }

    [Fact]
    public void A_twenty_project_solution_built_in_parallel_ten_times_has_no_file_lock_or_cache_race()
    {
        const int Projects = 20;
        var projects = new List<FixtureProject>();
        for (var i = 1; i <= Projects; i++)
        {
            var name = $"Parallel{i:00}";

            // Each references the two before it, so -m builds a real graph; every tenth is multi-targeted (outer and
            // inner builds in parallel) and references nothing, since its net8.0 build cannot use net10.0 projects.
            var multiTargeted = i % 10 == 0;
            var references = multiTargeted ? string.Empty : string.Concat(projects.Skip(Math.Max(0, projects.Count - 2))
                .Select(r => $"""    <ProjectReference Include="../{Path.GetFileName(r.Directory)}/{r.Name}.csproj" />""" + "\n"));
            var project = FixtureProject.Create(name, folderName: name, targetFramework: multiTargeted ? "net8.0;net10.0" : "net10.0", projectBody: $"""
                  <ItemGroup>
                    <ReleaseMigrationScripts Include="db/migrations" />
                {references}  </ItemGroup>
                """);
            project.Write($"db/migrations/V1__create_table_{i}.sql", $"CREATE TABLE t{i} (id INT NOT NULL);\n");
            project.Write($"db/migrations/U1__create_table_{i}.sql", $"DROP TABLE t{i};\n");
            projects.Add(project);
        }

        var solutionDirectory = Path.Combine(Path.GetDirectoryName(projects[0].Directory)!, "ParallelSolution");
        Directory.CreateDirectory(solutionDirectory);
        File.Copy(Path.Combine(projects[0].Directory, "NuGet.config"), Path.Combine(solutionDirectory, "NuGet.config"), overwrite: true);
        File.WriteAllText(Path.Combine(solutionDirectory, "Parallel.slnx"), "<Solution>\n" + string.Concat(projects.Select(p =>
            $"  <Project Path=\"{Path.GetRelativePath(solutionDirectory, p.ProjectFile).Replace('\\', '/')}\" />\n")) + "</Solution>\n");
        DotNet.Run(solutionDirectory, PackedSdk.Current.Environment, "restore", "Parallel.slnx", "-nologo").ShouldSucceed();

        for (var run = 1; run <= 10; run++)
        {
            // Every other run changes one project's scripts, so the checks run again beside up-to-date projects.
            if (run % 2 == 0)
            {
                var changed = projects[(run * 7) % Projects];
                changed.Write($"db/migrations/V{run}__add_column.sql", $"ALTER TABLE t ADD c{run} INT NULL;\n");
                changed.Write($"db/migrations/U{run}__add_column.sql", $"ALTER TABLE t DROP COLUMN c{run};\n");
            }

            var build = DotNet.Run(solutionDirectory, PackedSdk.Current.Environment, "build", "Parallel.slnx", "-m", "--no-restore", "-nologo").ShouldSucceed();

            Assert.True(
                !build.Diagnostics.Any(d => d.Code is "MSB3026" or "MSB3027" or "MSB3021" or "RP9003" || d.Severity == "warning"),
                $"run {run}: " + string.Join("\n", build.Diagnostics));
            Assert.DoesNotMatch(LockMessage(), build.Output);
        }
    }

    [Fact]
    public void A_pack_with_the_network_unavailable_passes_and_reports_nothing_about_the_network()
    {
        var project = FixtureProject.Create("Offline", efCore: true, projectBody: """
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                <ReleaseMigrationScripts Include="db/migrations" />
              </ItemGroup>
            """);
        project.WriteMigration("20260112093000_CreateOrders", Sources.ReversibleMigration, Sources.ReversibleMigrationDesigner);
        project.Write("db/migrations/V1__create_audit.sql", "CREATE TABLE audit (id INT NOT NULL);\n");
        project.Write("db/migrations/U1__create_audit.sql", "DROP TABLE audit;\n");
        project.Dotnet("restore").ShouldSucceed();

        var pack = project.Dotnet(DotNet.Offline, "pack", "--no-restore", "-o", project.PackageOutput, "-v:n").ShouldSucceed();

        Assert.DoesNotContain(pack.Diagnostics, d => d.Code.StartsWith("RP", StringComparison.Ordinal) && d.Code != "RP5000");
        Assert.DoesNotContain(pack.Diagnostics, d => d.Severity is "warning" or "error");
        Assert.DoesNotMatch(DotNet.NetworkMessage, pack.Output);
        using var manifest = project.ManifestFromNupkg();
        Assert.Contains(manifest.RootElement.GetProperty("dependencies").EnumerateArray(), d => d.GetProperty("id").GetString() == "Newtonsoft.Json");
    }

    private static byte[] ManifestBytes(FixtureProject project)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(project.NupkgPath);
        using var stream = zip.GetEntry("releasepolicy/release-manifest.json")!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex("being used by another process|Access to the path .* is denied|The process cannot access the file", RegexOptions.IgnoreCase)]
    private static partial Regex LockMessage();
}
