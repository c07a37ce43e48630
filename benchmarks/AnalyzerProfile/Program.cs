using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: AnalyzerProfile <command-line-file> [runs=5] [analyzer-assembly-regex=^ReleasePolicy\.] [--replace <dir>]
//        [--against <baseline-assembly-regex>] [--types <analyzer-type-regex>]
// The file is the project folder on its first line, then the compiler command line of a detailed build log
// (benchmarks/analyzer-profile.sh writes it). Each run builds a fresh compilation from the already parsed trees (binding is redone,
// as in a build) and runs the matching analyzers with the execution-time log on, without source generators.
// --serial runs the analyzers one callback at a time (steadier attribution, longer wall time).
// --replace <dir> takes the analyzer assemblies of that folder in place of those of the same name on the command line
// (a freshly built ReleasePolicy.Analyzers.dll, to compare with the packed one).
// --against <regex> measures CPU time instead of the execution-time log: per pair, the analyzers of the baseline
// assemblies alone, then together with the matching ones (order swapped every other pair), each on a fresh
// compilation that has already been compiled once (as in a build, where the compiler binds every body for emit
// anyway). The difference is what the matching analyzers add to the build, however the driver attributes binding.
// --types <regex> keeps only the matching analyzers whose full type name matches (one rule family at a time).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: AnalyzerProfile <csc.rsp> [runs] [assembly-regex] [--replace <dir>]");
    return 2;
}

var rsp = args[0];
var runs = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 5;
var pattern = new System.Text.RegularExpressions.Regex(args.Length > 2 && !args[2].StartsWith("--") ? args[2] : @"^ReleasePolicy\.");
var replace = Array.IndexOf(args, "--replace") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var against = Array.IndexOf(args, "--against") is var j and >= 0 && j + 1 < args.Length ? new System.Text.RegularExpressions.Regex(args[j + 1]) : null;
var types = Array.IndexOf(args, "--types") is var k and >= 0 && k + 1 < args.Length ? new System.Text.RegularExpressions.Regex(args[k + 1]) : null;

// The file holds the compiler's command line as the build log prints it (the csc path first) and, on its first line,
// the project folder the compiler ran in.
var text = File.ReadAllLines(rsp);
var baseDirectory = text[0].Trim();
var arguments = CommandLineParser.SplitCommandLineIntoArguments(string.Join(" ", text.Skip(1)), removeHashComments: false)
    .SkipWhile(a => !a.StartsWith('/') || a.Contains("/csc", StringComparison.Ordinal) || a.EndsWith("dotnet", StringComparison.Ordinal))
    .ToArray();
var parsed = CSharpCommandLineParser.Default.Parse(arguments, baseDirectory, sdkDirectory: null);
foreach (var error in parsed.Errors.Where(e => e.Severity == DiagnosticSeverity.Error))
{
    Console.Error.WriteLine(error);
}

var trees = parsed.SourceFiles
    .AsParallel().AsOrdered()
    .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.OpenRead(f.Path), canBeEmbedded: true), parsed.ParseOptions, f.Path))
    .ToImmutableArray();
var references = parsed.MetadataReferences.Select(m => (MetadataReference)MetadataReference.CreateFromFile(m.Reference, m.Properties)).ToImmutableArray();
var additional = parsed.AdditionalFiles.Select(f => (AdditionalText)new FileText(f.Path)).ToImmutableArray();
var configs = parsed.AnalyzerConfigPaths.Where(p => File.Exists(p) || Fail($"missing analyzer config {p}: build the project again")).Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p)).ToList();
var configSet = AnalyzerConfigSet.Create(configs);
var options = new AnalyzerOptions(additional, new ConfigProvider(configSet, trees, additional));

var loader = new Loader();
var analyzers = new List<DiagnosticAnalyzer>();
var baselineAnalyzers = new List<DiagnosticAnalyzer>();
foreach (var reference in parsed.AnalyzerReferences)
{
    var path = reference.FilePath;
    if (against is not null && against.IsMatch(Path.GetFileName(path)))
    {
        baselineAnalyzers.AddRange(new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp));
        continue;
    }

    if (!pattern.IsMatch(Path.GetFileName(path)))
    {
        continue;
    }

    if (replace is not null && File.Exists(Path.Combine(replace, Path.GetFileName(path))))
    {
        path = Path.Combine(replace, Path.GetFileName(path));
    }

    analyzers.AddRange(new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp)
        .Where(a => types is null || types.IsMatch(a.GetType().FullName!)));
}

// --baseline adds an analyzer that registers the operation kinds the leak and flag rules use and does nothing: what
// a callback costs by itself on this compilation (the driver's per-callback work and the timing).
if (args.Contains("--baseline"))
{
    analyzers.Add(new EmptyOperationAnalyzer());
}

if (analyzers.Count == 0)
{
    Console.Error.WriteLine($"No analyzer assembly on the command line matches {pattern}.");
    return 2;
}

// Configured severities (the .globalconfig, NoWarn, -warnaserror) as the compiler would apply them.
var compilationOptions = parsed.CompilationOptions
    .WithSpecificDiagnosticOptions(parsed.CompilationOptions.SpecificDiagnosticOptions.SetItems(configSet.GlobalConfigOptions.TreeOptions))
    .WithSyntaxTreeOptionsProvider(new TreeOptions(configSet, trees))
    .WithConcurrentBuild(true);

if (against is not null)
{
    return await MarginalCpu.RunAsync(parsed.CompilationName, trees, references, compilationOptions, options, baselineAnalyzers, analyzers, runs);
}

Console.WriteLine($"{trees.Length} files, {analyzers.Count} analyzers from {string.Join(", ", analyzers.Select(a => a.GetType().Assembly.GetName().Name).Distinct())}, {runs} runs");
var times = analyzers.ToDictionary(a => a, _ => new List<double>());
var totals = new List<double>();
var counts = new Dictionary<string, int>();
for (var run = 0; run < runs; run++)
{
    var compilation = CSharpCompilation.Create(parsed.CompilationName, trees, references, compilationOptions);
    var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.CreateRange(analyzers), new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: !args.Contains("--serial"), logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    var watch = Stopwatch.StartNew();
    var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
    watch.Stop();
    totals.Add(watch.Elapsed.TotalSeconds);
    foreach (var analyzer in analyzers)
    {
        times[analyzer].Add(result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalSeconds);
    }

    if (run == 0)
    {
        foreach (var d in result.GetAllDiagnostics())
        {
            counts[d.Id] = counts.GetValueOrDefault(d.Id) + 1;
        }
    }
}

static bool Fail(string message)
{
    Console.Error.WriteLine(message);
    Environment.Exit(2);
    return false;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// The first run pays the JIT: the medians leave it out when there are three runs or more.
var measured = runs >= 3 ? 1 : 0;
foreach (var (analyzer, values) in times.OrderByDescending(t => Median(t.Value.Skip(measured).ToList())))
{
    var kept = values.Skip(measured).ToList();
    Console.WriteLine($"{Median(kept),8:0.000} s  {analyzer.GetType().FullName,-70} ({string.Join(" ", values.Select(v => v.ToString("0.000")))})");
}

var sum = Enumerable.Range(0, runs).Select(run => times.Values.Sum(v => v[run])).ToList();
Console.WriteLine($"{Median(sum.Skip(measured).ToList()),8:0.000} s  total analyzer time ({string.Join(" ", sum.Select(v => v.ToString("0.000")))})");
Console.WriteLine($"{Median(totals.Skip(measured).ToList()),8:0.000} s  wall time of the analysis, binding included ({string.Join(" ", totals.Select(v => v.ToString("0.000")))})");
Console.WriteLine("diagnostics (first run): " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
return 0;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BASE0001", "baseline", "baseline", "baseline", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterOperationAction(
            _ => { },
            Microsoft.CodeAnalysis.OperationKind.Invocation,
            Microsoft.CodeAnalysis.OperationKind.ObjectCreation,
            Microsoft.CodeAnalysis.OperationKind.SimpleAssignment));
    }
}

sealed class Loader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}

sealed class FileText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) =>
        File.Exists(Path) ? SourceText.From(File.ReadAllText(Path)) : null;
}

sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

    public override IEnumerable<string> Keys => values.Keys;
}

sealed class ConfigProvider : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly Dictionary<string, AnalyzerConfigOptions> _byPath = new();

    public ConfigProvider(AnalyzerConfigSet set, ImmutableArray<SyntaxTree> trees, ImmutableArray<AdditionalText> additional)
    {
        _set = set;
        GlobalOptions = new Options(set.GlobalConfigOptions.AnalyzerOptions);
        foreach (var path in trees.Select(t => t.FilePath).Concat(additional.Select(a => a.Path)))
        {
            _byPath[path] = new Options(set.GetOptionsForSourcePath(path).AnalyzerOptions);
        }
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _byPath.TryGetValue(tree.FilePath, out var o) ? o : GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _byPath.TryGetValue(textFile.Path, out var o) ? o : GlobalOptions;
}

sealed class TreeOptions(AnalyzerConfigSet set, ImmutableArray<SyntaxTree> trees) : SyntaxTreeOptionsProvider
{
    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> _results = trees.ToDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath));

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
        _results[tree].AnalyzerOptions.TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
            ? (generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated)
            : GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _results[tree].TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
