using System.IO.Compression;
using System.Security.Cryptography;
using ReleasePolicy.Tasks.Tests.Dependencies;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>
/// The dependency check over a packages folder and assets file that are broken in every way a disk, a proxy or a
/// person can break them: one precise RP diagnostic at the file, never a crash, never a hang, no half-written report.
/// </summary>
[HostileInputsFor(typeof(VerifyReleaseDependencies))]
public sealed class VerifyReleaseDependenciesHostileInputTests : IDisposable
{
    private const string Id = "Contoso.Billing";
    private const string Version = "2.1.0";

    private readonly PackagesFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Nupkg => _folder.NupkgOf(Id, Version);

    private string Metadata => Path.Combine(_folder.FolderOf(Id, Version), ".nupkg.metadata");

    private string ReportFile => _folder.ObjPath("releasepolicy/dependency-verification.json");

    [Fact]
    public void A_missing_assets_file_is_RP9002_at_it_saying_to_restore()
    {
        var (task, engine) = _folder.Task(mode: "Enforce");

        Hostile.Fails(task, engine);

        Hostile.AssertOneError(engine, "RP9002", _folder.AssetsFile, says: "dotnet restore");
        Assert.False(File.Exists(ReportFile));
    }

    [Fact]
    public void A_truncated_assets_file_is_RP9002_at_the_line_where_it_breaks()
    {
        AddPackage();
        File.WriteAllText(_folder.AssetsFile, "{\n  \"version\": 3,\n  \"targets\": {\n    \"net8.0\": {");

        var (task, engine) = _folder.Task(mode: "Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", _folder.AssetsFile, line: 4, "is not valid JSON");
        Assert.False(File.Exists(ReportFile));
    }

    [Fact]
    public void An_assets_file_of_random_bytes_is_RP9002()
    {
        AddPackage();
        File.WriteAllBytes(_folder.AssetsFile, Hostile.RandomBytes(4096));

        var (task, engine) = _folder.Task(mode: "Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", _folder.AssetsFile);
    }

    [Fact]
    public void A_folder_where_the_assets_file_belongs_is_RP9002_saying_it_is_a_folder()
    {
        Directory.CreateDirectory(_folder.AssetsFile);

        var (task, engine) = _folder.Task(mode: "Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", _folder.AssetsFile);
    }

    [UnixFact]
    public void A_named_pipe_as_the_assets_file_fails_fast_with_RP9002()
    {
        Hostile.MakeFifo(_folder.AssetsFile);

        var (task, engine) = _folder.Task(mode: "Enforce");

        Hostile.Fails(task, engine, _folder.AssetsFile);
        Hostile.AssertOneError(engine, "RP9002", _folder.AssetsFile, says: "not a regular file");
    }

    [Fact]
    public void A_dangling_symlink_as_the_assets_file_is_RP9002()
    {
        Hostile.MakeDanglingLink(_folder.AssetsFile);

        var (task, engine) = _folder.Task(mode: "Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", _folder.AssetsFile, says: "is a symbolic link to");
    }

    [Fact]
    public void A_nupkg_cut_in_half_is_RP4002_at_the_nupkg_saying_to_restore_again()
    {
        AddPackage();
        Hostile.Truncate(Nupkg);

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP4002", Nupkg, says: "dotnet restore");
    }

    [Theory]
    [InlineData("half")]
    [InlineData("empty")]
    [InlineData("random")]
    public void A_corrupt_nupkg_whose_recorded_hash_was_updated_to_match_is_still_one_RP4002_at_the_nupkg(string damage)
    {
        AddPackage();
        var bytes = File.ReadAllBytes(Nupkg);
        File.WriteAllBytes(Nupkg, damage switch
        {
            "half" => bytes[..(bytes.Length / 2)],
            "empty" => Array.Empty<byte>(),
            _ => Hostile.RandomBytes(bytes.Length),
        });
        RecordHashOfNupkg();

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP4002", Nupkg, says: "not a readable package");
        Hostile.AssertNoStrayTempFiles(_folder.ObjPath(string.Empty));
    }

    [Fact]
    public void A_nupkg_whose_nuspec_entry_was_changed_after_restore_hashed_it_is_RP4002()
    {
        AddPackage();
        using (var archive = ZipFile.Open(Nupkg, ZipArchiveMode.Update))
        {
            archive.GetEntry($"{Id}.nuspec")!.Delete();
            using var writer = new StreamWriter(archive.CreateEntry($"{Id}.nuspec").Open());
            writer.Write($"<package><metadata><id>{Id}</id><version>{Version}</version><dependencies><dependency id=\"Evil\" /></dependencies></metadata></package>");
        }

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP4002", Nupkg, says: "SHA-512");
    }

    [Fact]
    public void A_truncated_nupkg_metadata_file_is_RP9002_at_it_with_the_line()
    {
        AddPackage();
        File.WriteAllText(Metadata, "{\n  \"version\": 2,\n  \"contentHash\": \"abc");

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", Metadata, line: 3, "is not valid JSON");
    }

    [Fact]
    public void A_truncated_OSV_file_is_RP9002_at_it()
    {
        AddPackage();
        var osv = _folder.WriteFile("osv/GHSA-1234.json", "{\n  \"id\": \"GHSA-1234\",\n  \"affected\": [");

        var (task, engine) = _folder.Task(mode: "Enforce", t =>
        {
            Trusted(t);
            t.VulnerabilityDatabases = new[] { PackagesFolder.Item(osv) };
        });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", osv, says: "is not valid JSON");
    }

    [Fact]
    public void An_OSV_range_event_with_a_megabyte_key_is_one_RP9002_quoting_only_its_first_100_characters()
    {
        AddPackage();
        var key = new string('x', 1 << 20);
        var osv = _folder.WriteFile("osv/GHSA-huge.json", $$"""
            { "id": "GHSA-huge", "modified": "2026-11-30T00:00:00Z", "affected": [ { "package": { "ecosystem": "NuGet", "name": "{{Id}}" },
              "ranges": [ { "type": "SEMVER", "events": [ { "{{key}}": "1.0.0" } ] } ] } ] }
            """);

        var (task, engine) = _folder.Task(mode: "Enforce", t =>
        {
            Trusted(t);
            t.VulnerabilityDatabases = new[] { PackagesFolder.Item(osv) };
        });

        Hostile.Fails(task, engine);
        var error = Hostile.AssertOneError(engine, "RP9002", osv, says: "(GHSA-huge) has a SEMVER range event {\"" + new string('x', 98) + "…, which is not");
        Assert.True(error.Message.Length < 500, $"The message is {error.Message.Length} characters long.");
    }

    [Fact]
    public void An_OSV_export_zip_cut_in_half_is_RP9002_at_the_zip()
    {
        AddPackage();
        var zip = Path.Combine(_folder.Project, "osv", "all.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            for (var i = 0; i < 20; i++)
            {
                using var writer = new StreamWriter(archive.CreateEntry($"GHSA-{i:0000}.json").Open());
                writer.Write($$"""{ "id": "GHSA-{{i:0000}}", "modified": "2026-11-30T00:00:00Z", "affected": [] }""" + new string(' ', 2000));
            }
        }

        Hostile.Truncate(zip);

        var (task, engine) = _folder.Task(mode: "Enforce", t =>
        {
            Trusted(t);
            t.VulnerabilityDatabases = new[] { PackagesFolder.Item(zip) };
        });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", zip);
    }

    [UnixFact]
    public void A_named_pipe_in_the_OSV_folder_fails_fast_with_RP9002_at_the_pipe()
    {
        AddPackage();
        var folder = Path.Combine(_folder.Project, "osv");
        var fifo = Path.Combine(folder, "GHSA-fifo.json");
        Hostile.MakeFifo(fifo);

        var (task, engine) = _folder.Task(mode: "Enforce", t =>
        {
            Trusted(t);
            t.VulnerabilityDatabases = new[] { PackagesFolder.Item(folder) };
        });

        Hostile.Fails(task, engine, fifo);
        Hostile.AssertOneError(engine, "RP9002", fifo, says: "not a regular file");
    }

    [Fact]
    public void A_nuget_config_with_an_entity_bomb_is_RP9002_without_expanding_it()
    {
        AddPackage();
        var config = _folder.WriteFile("src/Orders.Api/nuget.config", Hostile.EntityBomb("configuration"));

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", config, says: "DTD");
    }

    [Fact]
    public void A_folder_where_the_report_goes_is_one_RP9003_at_it_and_nothing_is_left_half_written()
    {
        AddPackage();
        Directory.CreateDirectory(ReportFile);

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", ReportFile, says: "is a folder");
        Hostile.AssertNoStrayTempFiles(Path.GetDirectoryName(ReportFile)!);
    }

    [Fact]
    public void A_corrupt_verdict_cache_is_ignored_and_rewritten_whole()
    {
        AddPackage();
        var cache = _folder.ObjPath("releasepolicy/dependency-verification.cache");
        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        File.WriteAllBytes(cache, Hostile.RandomBytes(777));

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Passes(task, engine);
        Assert.Empty(engine.ErrorAndWarningCodes);
        using var rewritten = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(cache));
        Hostile.AssertNoStrayTempFiles(Path.GetDirectoryName(cache)!);
    }

    [Fact]
    public void A_folder_where_the_verdict_cache_goes_is_one_RP9003_at_it()
    {
        AddPackage();
        var cache = _folder.ObjPath("releasepolicy/dependency-verification.cache");
        Directory.CreateDirectory(cache);

        var (task, engine) = _folder.Task(mode: "Enforce", Trusted);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", cache, says: "is a folder");
    }

    [ReadOnlyFolderFact]
    public void A_read_only_obj_folder_is_one_RP9003_at_the_report()
    {
        AddPackage();
        var obj = Path.GetDirectoryName(ReportFile)!;
        using var readOnly = Hostile.ReadOnly(obj);

        var (task, engine) = _folder.Task(mode: "Enforce", t =>
        {
            Trusted(t);
            t.CacheFile = null;
        });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", ReportFile, says: "writable");
        Assert.Empty(Directory.EnumerateFileSystemEntries(obj));
    }

    private void AddPackage()
    {
        _folder.AddUnsigned(Id, Version);
        _folder.WriteAssets();
    }

    private static void Trusted(VerifyReleaseDependencies task) =>
        task.TrustedSigners = new[] { PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "built by our CI")) };

    // As if the damaged file had been what restore downloaded: the recorded hashes match it, so only reading it can tell.
    private void RecordHashOfNupkg()
    {
        var old = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Metadata)).RootElement.GetProperty("contentHash").GetString()!;
        var now = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(Nupkg)));
        File.WriteAllText(Metadata, File.ReadAllText(Metadata).Replace(old, now));
        // The serializer that wrote the assets file escapes '+' as \u002B.
        File.WriteAllText(_folder.AssetsFile, File.ReadAllText(_folder.AssetsFile).Replace(old.Replace("+", "\\u002B"), now));
    }
}
