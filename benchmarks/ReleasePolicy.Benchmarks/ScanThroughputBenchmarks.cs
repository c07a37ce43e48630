using System.Text;
using BenchmarkDotNet.Attributes;
using ReleasePolicy.Migrations;
using ReleasePolicy.Rules;

namespace ReleasePolicy.Benchmarks;

/// <summary>
/// Throughput of the two other text scanners, 1 MiB each (MB/s = 1 / mean in seconds):
/// <list type="bullet">
/// <item><c>SqlScript</c>: <see cref="SqlScriptScan.Reader"/> on SQL migration text (DDL, DML with and without WHERE,
/// comments, string literals, a forward-only marker), one streamed pass that hashes (SHA-256), lexes and classifies
/// statements (the destructive-statement and empty-rollback checks, RP1010-RP1013), the reader reused as the task does.</item>
/// <item><c>FlagSource</c>: <see cref="FlagSourceReader.Read"/> on an appsettings.json declaring about 7,000 flags,
/// booleans and filter objects (Percentage, TimeWindow, Targeting), as RP2002/RP2003/RP2005 and CheckFlagSources read it.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class ScanThroughputBenchmarks
{
    private const int Size = 1024 * 1024;

    private readonly SqlScriptScan.Reader _reader = new();
    private MemoryStream _sql = new();
    private string _flags = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var sql = new StringBuilder("-- release-policy: forward-only the audit table is append-only\n");
        for (var i = 0; sql.Length < Size; i++)
        {
            sql.Append($"CREATE TABLE audit_log_{i} (id BIGINT NOT NULL PRIMARY KEY, order_id INT NOT NULL, note NVARCHAR(400) NULL, created_at DATETIMEOFFSET NOT NULL);\n")
               .Append($"ALTER TABLE orders ADD notes_{i} NVARCHAR(MAX) NULL;\n")
               .Append($"CREATE INDEX ix_audit_log_{i}_order_id ON audit_log_{i} (order_id);\n")
               .Append($"/* backfill: customers asked for 'pending' orders to show as 'open' */\nUPDATE orders SET status = 'open' WHERE status = 'pending' AND id > {i * 1000};\n")
               .Append($"INSERT INTO settings (name, value) VALUES ('orders.retention.days.{i}', '30');\n")
               .Append(i % 10 == 0 ? $"DELETE FROM sessions;\nDROP INDEX ix_old_{i};\n" : "\n");
        }

        _sql = new MemoryStream(Encoding.UTF8.GetBytes(sql.ToString()));

        var json = new StringBuilder("{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"FeatureManagement\": {\n");
        for (var i = 0; json.Length < Size; i++)
        {
            json.Append((i % 4) switch
            {
                0 => $"    \"Checkout{i}\": true,\n",
                1 => $"    \"Export{i}\": {{ \"EnabledFor\": [ {{ \"Name\": \"Percentage\", \"Parameters\": {{ \"Value\": {i % 100} }} }} ] }},\n",
                2 => $"    \"Beta{i}\": {{ \"EnabledFor\": [ {{ \"Name\": \"TimeWindow\", \"Parameters\": {{ \"Start\": \"Mon, 01 Dec 2026 00:00:00 GMT\", \"End\": \"Thu, 31 Dec 2026 00:00:00 GMT\" }} }} ] }},\n",
                _ => $"    \"Pilot{i}\": {{ \"EnabledFor\": [ {{ \"Name\": \"Targeting\", \"Parameters\": {{ \"Audience\": {{ \"Users\": [ \"alice@example.com\" ], \"Groups\": [ {{ \"Name\": \"ring{i % 3}\", \"RolloutPercentage\": 20 }} ], \"DefaultRolloutPercentage\": 0 }} }} }} ] }},\n",
            });
        }

        json.Append("    \"Last\": false\n  },\n  \"AllowedHosts\": \"*\"\n}\n");
        _flags = json.ToString();
    }

    [Benchmark]
    public int SqlScript()
    {
        _sql.Position = 0;
        var scan = _reader.Read(_sql);
        return scan.Sha256.Length + (scan.Destructive ? 1 : 0);
    }

    [Benchmark]
    public int FlagSource() => FlagSourceReader.Read(_flags).Flags.Count;

    [GlobalCleanup]
    public void Cleanup() => _reader.Dispose();
}
