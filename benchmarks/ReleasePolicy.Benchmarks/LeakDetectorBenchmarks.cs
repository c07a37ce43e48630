using System.Text;
using BenchmarkDotNet.Attributes;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Benchmarks;

/// <summary>
/// The internal-identifier detector (RP3001-RP3006, RP3010) on 1 MB of text, scanned line by line as the release-notes
/// check does: plain prose without findings, and dense config-like text (URLs, addresses, versions, dates, keys, a few
/// real findings). Throughput is 1 MB divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class LeakDetectorBenchmarks
{
    private const int Size = 1024 * 1024;

    private static readonly LeakSettings Settings = LeakSettings.Parse("corp.contoso.com;contoso.internal", "OPS;PAY", "status.corp");

    private string[] _prose = Array.Empty<string>();
    private string[] _config = Array.Empty<string>();

    [GlobalSetup]
    public void Setup()
    {
        _prose = Lines(
            "The checkout page now loads faster on slow connections, and the order history shows refunds.",
            "Customers can export invoices as PDF or CSV; see the help centre at https://help.example.com for details.",
            "We fixed a rare crash when the basket held more than 100 items, and improved accessibility of forms.",
            "Version 2.4.1 supports UTF-8 file names, SHA-256 checksums and dates in ISO-8601 format (2024-05-01).");
        _config = Lines(
            "  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },",
            "  \"Endpoints\": { \"Orders\": \"https://orders.example.com:443/api/v2\", \"Timeout\": \"00:00:30\" },",
            "  \"Cache\": \"redis.internal:6379\", \"Db\": \"Server=10.1.2.3,1433;Database=Orders;User Id=app;Password=Winter2024!;\",",
            "  \"Build\": \"D:\\\\a\\\\1\\\\s\\\\out\", \"Ticket\": \"OPS-4211\", \"Version\": \"10.0.19041.1\", \"Node\": \"fd00::10\",",
            "  \"AllowedHosts\": \"*\", \"Kestrel\": { \"Url\": \"http://0.0.0.0:8080\" }, \"FeatureX\": true, \"Retries\": 3,");
    }

    [Benchmark]
    public int Prose() => Scan(_prose);

    [Benchmark]
    public int DenseConfig() => Scan(_config);

    private static int Scan(string[] lines)
    {
        var count = 0;
        foreach (var line in lines)
        {
            count += InternalIdentifierDetector.Find(line, Settings).Count;
        }

        return count;
    }

    private static string[] Lines(params string[] samples)
    {
        var lines = new List<string>();
        var length = 0;
        for (var i = 0; length < Size; i++)
        {
            var line = samples[i % samples.Length];
            lines.Add(line);
            length += line.Length + 1;
        }

        return lines.ToArray();
    }
}
