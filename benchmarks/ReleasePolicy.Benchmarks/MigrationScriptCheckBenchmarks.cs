using BenchmarkDotNet.Attributes;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Benchmarks;

/// <summary>
/// The whole check as the build task runs it on 10,000 real files: pairing, then one streamed read of every script
/// to hash it, test a rollback for emptiness and a forward script for destructive statements.
/// </summary>
[MemoryDiagnoser]
public class MigrationScriptCheckBenchmarks
{
    private const int Scripts = 10_000;
    private string _projectDirectory = string.Empty;
    private MigrationScriptSet[] _sets = Array.Empty<MigrationScriptSet>();

    [Params("Flyway", "Suffix")]
    public string Convention { get; set; } = "Flyway";

    [GlobalSetup]
    public void Setup()
    {
        _projectDirectory = Path.Combine(Path.GetTempPath(), "ReleasePolicy.Benchmarks", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(_projectDirectory, "db");
        Directory.CreateDirectory(folder);
        var files = new List<string>(Scripts);
        foreach (var name in ScriptNames.Generate(Convention, Scripts))
        {
            var path = Path.Combine(folder, name);
            var rollback = name.StartsWith('U') || name.Contains(".rollback.");
            File.WriteAllText(path, rollback
                ? "-- Undo the change.\nALTER TABLE orders DROP COLUMN note;\n"
                : "-- Add a note column.\nALTER TABLE orders ADD note text; /* nullable */\nUPDATE orders SET note = '--' WHERE id > 0;\n");
            files.Add(path);
        }

        _sets = new[] { new MigrationScriptSet("db", files, Convention) };
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_projectDirectory, recursive: true);

    [Benchmark]
    public int CheckAndHash() => MigrationScriptCheck.Run(_sets, _projectDirectory).Entries.Count;
}
