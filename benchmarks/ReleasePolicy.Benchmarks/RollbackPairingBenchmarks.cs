using BenchmarkDotNet.Attributes;
using ReleasePolicy.Migrations;

namespace ReleasePolicy.Benchmarks;

/// <summary>
/// Pairing by name alone: 10,000 scripts (5,000 forward/rollback pairs) in one set. The budget is "well under a
/// second" for a whole build; this is the part that grows with the number of scripts.
/// </summary>
[MemoryDiagnoser]
public class RollbackPairingBenchmarks
{
    private const int Scripts = 10_000;
    private readonly string _projectDirectory = Path.Combine(Path.GetTempPath(), "ReleasePolicy.Benchmarks", "Orders.Api");
    private MigrationScriptSet[] _sets = Array.Empty<MigrationScriptSet>();

    [Params("Flyway", "Suffix")]
    public string Convention { get; set; } = "Flyway";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(_projectDirectory, "db");
        var files = ScriptNames.Generate(Convention, Scripts).Select(name => Path.Combine(folder, name)).ToList();
        _sets = new[] { new MigrationScriptSet("db", files, Convention) };
    }

    [Benchmark]
    public int Pair() => new ScriptPairing(_projectDirectory).Pair(_sets).Migrations.Count;
}

/// <summary>File names as each convention writes them, half forward and half rollback.</summary>
internal static class ScriptNames
{
    public static IEnumerable<string> Generate(string convention, int count)
    {
        for (var i = 1; i <= count / 2; i++)
        {
            if (convention == "Flyway")
            {
                yield return $"V{i}__change_{i}.sql";
                yield return $"U{i}__change_{i}.sql";
            }
            else
            {
                yield return $"{i:D5}_change.sql";
                yield return $"{i:D5}_change.rollback.sql";
            }
        }
    }
}
