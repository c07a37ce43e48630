using System.Diagnostics;
using ReleasePolicy.Dependencies;

// Usage: DependencyVerificationTimer <project.assets.json> <cache file> <cold|warm>
// cold deletes the cache first (every package hashed, its signature read, every used file compared);
// warm keeps it (every verdict from the cache, as in a second build). Prints packages, findings and milliseconds.
var assets = args[0];
var cache = args[1];
if (args[2] == "cold" && File.Exists(cache))
{
    File.Delete(cache);
}

var watch = Stopwatch.StartNew();
var result = DependencyVerification.Run(new DependencyVerificationOptions { AssetsFile = assets, CacheFile = cache });
watch.Stop();
var signed = result.Dependencies.Count(d => d.Verdict.Signature is not null);
var cached = result.Dependencies.Count(d => d.Verdict.FromCache);
Console.WriteLine($"{args[2]}: {result.Dependencies.Count} packages ({signed} signed, {cached} from cache), {result.Findings.Count} findings, {watch.ElapsedMilliseconds} ms");
if (args[2] == "warm")
{
    // The same call again in this process: what a warm verification costs once the code is jitted (MSBuild's node
    // keeps the task assembly loaded between builds).
    var again = Stopwatch.StartNew();
    DependencyVerification.Run(new DependencyVerificationOptions { AssetsFile = assets, CacheFile = cache });
    Console.WriteLine($"warm, jitted: {again.ElapsedMilliseconds} ms");
}

foreach (var finding in result.Findings.Take(5))
{
    Console.WriteLine("  " + finding.RuleId + ": " + finding.Message);
}
