using System.IO.Compression;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Manifest;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>
/// The release manifest and its sidecar over inputs that are broken, pipes, folders or links to nothing: one RP9002
/// at the file, and the manifest already on disk left as it was (never half a manifest).
/// </summary>
[HostileInputsFor(typeof(GenerateReleaseManifest))]
public sealed class GenerateReleaseManifestHostileInputTests : IDisposable
{
    private readonly ManifestTestContext _context = new("Prüfung Ω");

    public void Dispose() => _context.Dispose();

    private string Obj(string name) => Path.Combine(_context.ProjectDirectory, "obj", "Release", "releasepolicy", name);

    [Fact]
    public void A_truncated_assets_file_is_RP9002_at_its_line_and_the_previous_manifest_is_left_untouched()
    {
        _context.Generate();
        var before = File.ReadAllBytes(_context.OutputFile);
        var assets = Write("obj/project.assets.json", "{\n  \"version\": 3,\n  \"targets\": {\n    \"net8.0\": {\n      \"Newtonsoft.Json/13.0.3\": {");

        var task = _context.CreateTask();
        task.ProjectAssetsFile = assets;

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", assets, says: "not valid JSON");
        Assert.Equal(before, File.ReadAllBytes(_context.OutputFile));
        Hostile.AssertNoStrayTempFiles(Path.GetDirectoryName(_context.OutputFile)!);
    }

    [UnixFact]
    public void A_named_pipe_as_the_assets_file_fails_fast_with_RP9002()
    {
        var assets = Path.Combine(_context.ProjectDirectory, "obj", "project.assets.json");
        Hostile.MakeFifo(assets);

        var task = _context.CreateTask();
        task.ProjectAssetsFile = assets;

        Hostile.Fails(task, _context.Engine, assets);
        Hostile.AssertOneError(_context.Engine, "RP9002", assets, says: "not a regular file");
        Assert.False(File.Exists(_context.OutputFile));
    }

    [Fact]
    public void A_migrations_report_that_is_not_JSON_is_RP9002_at_it()
    {
        var report = Write("obj/Release/releasepolicy/migrations.json", "[ { \"id\": \"1\", ");

        var task = _context.CreateTask();
        task.MigrationsReportFile = report;

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", report);
        Assert.False(File.Exists(_context.OutputFile));
    }

    [Theory]
    [InlineData("migration-inventory.txt")]
    [InlineData("flag-inventory.txt")]
    public void An_inventory_of_random_bytes_is_RP9002_saying_to_build_again(string name)
    {
        var inventory = Path.Combine(_context.ProjectDirectory, "obj", "Release", "net8.0", "releasepolicy", name);
        Directory.CreateDirectory(Path.GetDirectoryName(inventory)!);
        File.WriteAllBytes(inventory, Hostile.RandomBytes(2048));

        var task = _context.CreateTask();
        task.InventoryFiles = new ITaskItem[] { new TaskItem(inventory) };

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", inventory, line: 1, "build again");
    }

    [Fact]
    public void A_missing_inventory_is_RP9002_at_it_and_never_a_shorter_list()
    {
        var inventory = Path.Combine(_context.ProjectDirectory, "obj", "Release", "net8.0", "releasepolicy", "migration-inventory.txt");

        var task = _context.CreateTask();
        task.InventoryFiles = new ITaskItem[] { new TaskItem(inventory) };

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", inventory, says: "does not exist");
    }

    [UnixFact]
    public void A_named_pipe_as_an_inventory_fails_fast_with_RP9002()
    {
        var inventory = Path.Combine(_context.ProjectDirectory, "obj", "Release", "net8.0", "releasepolicy", "flag-inventory.txt");
        Hostile.MakeFifo(inventory);

        var task = _context.CreateTask();
        task.InventoryFiles = new ITaskItem[] { new TaskItem(inventory) };

        Hostile.Fails(task, _context.Engine, inventory);
        Hostile.AssertOneError(_context.Engine, "RP9002", inventory, says: "not a regular file");
    }

    [Fact]
    public void A_folder_where_an_inventory_belongs_is_RP9002_saying_it_is_a_folder()
    {
        var inventory = Path.Combine(_context.ProjectDirectory, "obj", "Release", "net8.0", "releasepolicy", "migration-inventory.txt");
        Directory.CreateDirectory(inventory);

        var task = _context.CreateTask();
        task.InventoryFiles = new ITaskItem[] { new TaskItem(inventory) };

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", inventory, says: "is a folder");
    }

    [Theory]
    [InlineData("dependency-verification.json")]
    [InlineData("gates.json")]
    [InlineData("script-findings.json")]
    public void A_task_report_that_is_not_JSON_is_RP9002_at_it(string name)
    {
        var report = Write("obj/Release/releasepolicy/" + name, "{\n  \"packages\": [\n    {");

        var task = _context.CreateTask();
        switch (name)
        {
            case "dependency-verification.json": task.DependencyVerificationFile = report; break;
            case "gates.json": task.GatesFile = report; break;
            default: task.ScriptFindingsFile = report; break;
        }

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", report);
    }

    [Fact]
    public void A_baseline_manifest_that_is_not_JSON_is_RP9002_at_it()
    {
        var baseline = Write("baseline/release-manifest.json", "{\n  \"schemaVersion\": 1,\n  \"package\": {");

        var task = _context.CreateTask();
        task.BaselineManifestFile = baseline;

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", baseline, says: "not valid JSON");
    }

    [Theory]
    [InlineData("half")]
    [InlineData("empty")]
    [InlineData("random")]
    public void A_corrupt_baseline_nupkg_is_RP9002_at_it(string damage)
    {
        var baseline = Path.Combine(_context.ProjectDirectory, "baseline", "Orders.Api.2.0.0.nupkg");
        Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
        using (var archive = ZipFile.Open(baseline, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("releasepolicy/release-manifest.json").Open());
            writer.Write("{ \"schemaVersion\": 1 }" + new string(' ', 4000));
        }

        var bytes = File.ReadAllBytes(baseline);
        File.WriteAllBytes(baseline, damage switch
        {
            "half" => bytes[..(bytes.Length / 2)],
            "empty" => Array.Empty<byte>(),
            _ => Hostile.RandomBytes(bytes.Length),
        });

        var task = _context.CreateTask();
        task.BaselineManifestFile = baseline;

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", baseline, says: "not a readable .nupkg");
    }

    [Theory]
    [InlineData("random")]
    [InlineData("empty")]
    [InlineData("folder")]
    public void A_public_API_assembly_that_is_no_assembly_is_RP9002_at_it(string damage)
    {
        var assembly = Path.Combine(_context.ProjectDirectory, "bin", "Release", "net8.0", "Orders.Api.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(assembly)!);
        switch (damage)
        {
            case "random": File.WriteAllBytes(assembly, Hostile.RandomBytes(4096)); break;
            case "empty": File.WriteAllBytes(assembly, Array.Empty<byte>()); break;
            default: Directory.CreateDirectory(assembly); break;
        }

        var task = _context.CreateTask();
        var item = new TaskItem(assembly);
        item.SetMetadata("TargetFramework", "net8.0");
        task.PublicApiAssemblies = new ITaskItem[] { item };

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", assembly, says: new[] { "public API", damage == "folder" ? "is a folder" : "Build the project again" });
    }

    [UnixFact]
    public void A_named_pipe_as_the_public_API_assembly_fails_fast_with_RP9002()
    {
        var assembly = Path.Combine(_context.ProjectDirectory, "bin", "Release", "net8.0", "Orders.Api.dll");
        Hostile.MakeFifo(assembly);

        var task = _context.CreateTask();
        task.PublicApiAssemblies = new ITaskItem[] { new TaskItem(assembly) };

        Hostile.Fails(task, _context.Engine, assembly);
        Hostile.AssertOneError(_context.Engine, "RP9002", assembly, says: "not a regular file");
    }

    [Fact]
    public void A_folder_where_the_manifest_goes_is_one_RP9003_at_it()
    {
        Directory.CreateDirectory(_context.OutputFile);

        var task = _context.CreateTask();

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9003", _context.OutputFile, says: "is a folder");
        Hostile.AssertNoStrayTempFiles(Path.GetDirectoryName(_context.OutputFile)!);
    }

    [ReadOnlyFolderFact]
    public void A_read_only_output_folder_is_one_RP9003_at_the_manifest()
    {
        var folder = Path.GetDirectoryName(_context.OutputFile)!;
        using var readOnly = Hostile.ReadOnly(folder);

        var task = _context.CreateTask();

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9003", _context.OutputFile, says: "writable");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_context.ProjectDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}

/// <summary>The sidecar over a broken manifest and artifacts that are folders, pipes or links to nothing.</summary>
[HostileInputsFor(typeof(AddReleaseArtifacts))]
public sealed class AddReleaseArtifactsHostileInputTests : IDisposable
{
    private readonly ManifestTestContext _context = new("Prüfung Ω");

    public void Dispose() => _context.Dispose();

    private string Sidecar => Path.Combine(_context.ProjectDirectory, "bin", "Release", "Orders.Api.2.1.0.release.json");

    private string Package => Path.Combine(_context.ProjectDirectory, "bin", "Release", "Orders.Api.2.1.0.nupkg");

    [Fact]
    public void A_missing_manifest_is_RP9002_at_it()
    {
        WritePackage();

        var task = _context.CreateArtifactsTask(Sidecar, Package);

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", Path.GetFullPath(_context.OutputFile));
        Assert.False(File.Exists(Sidecar));
    }

    [Theory]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"package\": {", 3)]
    [InlineData("[ 1, 2, 3 ]", 1)]
    public void A_manifest_that_is_not_a_JSON_object_is_RP9002_at_its_line(string text, int line)
    {
        WritePackage();
        Directory.CreateDirectory(Path.GetDirectoryName(_context.OutputFile)!);
        File.WriteAllText(_context.OutputFile, text);

        var task = _context.CreateArtifactsTask(Sidecar, Package);

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", _context.OutputFile, line: line);
        Assert.False(File.Exists(Sidecar));
    }

    [Fact]
    public void An_artifact_that_is_a_folder_is_RP9002_saying_so()
    {
        _context.Generate();
        Directory.CreateDirectory(Package);

        var task = _context.CreateArtifactsTask(Sidecar, Package);

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", Package, says: "is a folder");
    }

    [UnixFact]
    public void An_artifact_that_is_a_named_pipe_fails_fast_with_RP9002()
    {
        _context.Generate();
        Hostile.MakeFifo(Package);

        var task = _context.CreateArtifactsTask(Sidecar, Package);

        Hostile.Fails(task, _context.Engine, Package);
        Hostile.AssertOneError(_context.Engine, "RP9002", Package, says: "not a regular file");
        Assert.False(File.Exists(Sidecar));
    }

    [Fact]
    public void An_artifact_that_is_a_dangling_symlink_is_RP9002_at_it()
    {
        _context.Generate();
        Hostile.MakeDanglingLink(Package);

        var task = _context.CreateArtifactsTask(Sidecar, Package);

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9002", Package, says: "is a symbolic link to");
    }

    [Fact]
    public void A_folder_where_the_sidecar_goes_is_one_RP9003_at_it_with_no_temp_file_left()
    {
        _context.Generate();
        WritePackage();
        Directory.CreateDirectory(Sidecar);

        var task = _context.CreateArtifactsTask(Sidecar, Package);

        Hostile.Fails(task, _context.Engine);
        Hostile.AssertOneError(_context.Engine, "RP9003", Sidecar, says: "is a folder");
        Hostile.AssertNoStrayTempFiles(Path.GetDirectoryName(Sidecar)!);
    }

    private void WritePackage()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Package)!);
        File.WriteAllBytes(Package, Hostile.RandomBytes(1024));
    }
}
