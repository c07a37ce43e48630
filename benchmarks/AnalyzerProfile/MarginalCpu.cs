using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// What a set of analyzers adds to a build in CPU time: the baseline analyzers alone against the baseline plus the
/// measured ones, alternated in pairs on fresh compilations, with process CPU time (all threads, the GC's included)
/// rather than the driver's execution-time log, which charges shared binding to whichever analyzer asks first.
/// </summary>
static class MarginalCpu
{
    public static async Task<int> RunAsync(
        string? name,
        ImmutableArray<SyntaxTree> trees,
        ImmutableArray<MetadataReference> references,
        CSharpCompilationOptions compilationOptions,
        AnalyzerOptions options,
        List<DiagnosticAnalyzer> baseline,
        List<DiagnosticAnalyzer> measured,
        int pairs)
    {
        if (baseline.Count == 0)
        {
            Console.Error.WriteLine("No analyzer assembly on the command line matches the --against pattern.");
            return 2;
        }

        var both = baseline.Concat(measured).ToImmutableArray();
        Console.WriteLine($"{trees.Length} files; baseline {baseline.Count} analyzers ({Names(baseline)}); measured {measured.Count} ({Names(measured)}); {pairs} pairs after one warm-up pair");

        var alone = new List<Sample>();
        var together = new List<Sample>();
        for (var pair = -1; pair < pairs; pair++)
        {
            // Swap the order every other pair: a slow first or second slot (GC debt, a busy neighbour) lands on both.
            var order = pair % 2 == 0 ? new[] { false, true } : [true, false];
            foreach (var withMeasured in order)
            {
                var sample = await MeasureAsync(name, trees, references, compilationOptions, options, withMeasured ? both : [.. baseline]);
                if (pair >= 0)
                {
                    (withMeasured ? together : alone).Add(sample);
                }
            }
        }

        var deltas = alone.Zip(together, (a, t) => t.CpuSeconds - a.CpuSeconds).ToList();
        var ratios = alone.Zip(together, (a, t) => (t.CpuSeconds - a.CpuSeconds) / a.CpuSeconds).ToList();
        Console.WriteLine($"baseline alone, CPU s:     {Describe(alone.Select(s => s.CpuSeconds))}");
        Console.WriteLine($"baseline + measured, CPU s: {Describe(together.Select(s => s.CpuSeconds))}");
        Console.WriteLine($"added by measured, CPU s:  {Describe(deltas)}");
        Console.WriteLine($"added / baseline:          {Describe(ratios)}");
        Console.WriteLine($"wall s, alone / with:      {Describe(alone.Select(s => s.WallSeconds))} / {Describe(together.Select(s => s.WallSeconds))}");
        Console.WriteLine("diagnostics of the measured analyzers (last pair): " + string.Join(", ", together[^1].Counts.Where(c => measured.Any(a => a.SupportedDiagnostics.Any(d => d.Id == c.Key))).OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        return 0;
    }

    private static async Task<Sample> MeasureAsync(
        string? name,
        ImmutableArray<SyntaxTree> trees,
        ImmutableArray<MetadataReference> references,
        CSharpCompilationOptions compilationOptions,
        AnalyzerOptions options,
        ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        // The compile itself, untimed: declarations and every method body bound once, as the compiler does for emit.
        var compilation = CSharpCompilation.Create(name, trees, references, compilationOptions);
        _ = compilation.GetDiagnostics();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        watch.Stop();
        var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var counts = result.GetAllDiagnostics().GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        return new Sample(spent.TotalSeconds, watch.Elapsed.TotalSeconds, counts);
    }

    private static string Names(List<DiagnosticAnalyzer> analyzers) =>
        string.Join(", ", analyzers.Select(a => a.GetType().Assembly.GetName().Name).Distinct());

    /// <summary>The median, the mean with its standard error, the range and every value in run order.</summary>
    private static string Describe(IEnumerable<double> values)
    {
        var all = values.ToList();
        var sorted = all.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        var mean = all.Average();
        var standardError = all.Count > 1 ? Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / (all.Count - 1) / all.Count) : 0;
        return $"{median,7:0.000} (mean {mean:0.000} ± {standardError:0.000}, min {sorted[0]:0.000}, max {sorted[^1]:0.000}; {string.Join(" ", all.Select(v => v.ToString("0.000")))})";
    }

    private sealed record Sample(double CpuSeconds, double WallSeconds, Dictionary<string, int> Counts);
}
