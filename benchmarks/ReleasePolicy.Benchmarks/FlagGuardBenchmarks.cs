using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.Flags;

namespace ReleasePolicy.Benchmarks;

/// <summary>
/// RP2001's guard analysis against the size of one member: a handler that checks its flag once and then makes
/// <see cref="Uses"/> calls of a <c>[RequiresFeature]</c> member, each of which the analyzer must prove guarded, in
/// the two shapes handlers take: the uses inside <c>if (await check) { … }</c> (<see cref="Shape"/> <c>IfBlock</c>),
/// or after a negated check with an early return (<c>EarlyReturn</c>). Linear analysis keeps the time per use flat as
/// the member grows; scanning the statements before each use (the analysis before 2026-12-03, for <c>IfBlock</c>)
/// grows it with the member's length.
/// </summary>
/// <remarks>
/// Each iteration analyses a fresh compilation, so binding the member is part of the time (it is linear too); the
/// <c>Bind</c> benchmark is that part alone. Every use is guarded, and the setup fails if the analyzer reports one.
/// </remarks>
[MemoryDiagnoser]
public class FlagGuardBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [Params(500, 2000, 8000)]
    public int Uses { get; set; }

    [Params("IfBlock", "EarlyReturn")]
    public string Shape { get; set; } = "IfBlock";

    [GlobalSetup]
    public void Setup()
    {
        var source = new StringBuilder("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            namespace Microsoft.FeatureManagement
            {
                public interface IFeatureManager { Task<bool> IsEnabledAsync(string feature); }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class RequiresFeatureAttribute(string feature) : Attribute { public string Feature { get; } = feature; }

            public static class Flags { public const string NewCheckout = "NewCheckout"; }

            public sealed class Engine
            {
                [RequiresFeature(Flags.NewCheckout)]
                public int Render(int line) => line;
            }

            public sealed class CheckoutHandler(IFeatureManager featureManager, Engine engine)
            {
                public async Task<int> HandleAsync()
                {
                    var total = 0;

            """);
        var ifBlock = Shape == "IfBlock";
        source.AppendLine(ifBlock
            ? "        if (await featureManager.IsEnabledAsync(Flags.NewCheckout).ConfigureAwait(false))\n        {"
            : "        if (!await featureManager.IsEnabledAsync(Flags.NewCheckout).ConfigureAwait(false))\n        {\n            return 0;\n        }\n");
        for (var i = 0; i < Uses; i++)
        {
            source.Append("            total += engine.Render(").Append(i).AppendLine(");");
        }

        source.AppendLine(ifBlock ? "        }\n" : "").AppendLine("        return total;\n    }\n}");
        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), "CheckoutHandler.cs");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        _compilation = CSharpCompilation.Create("Checkout", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UnguardedFlagRequirementAnalyzer());
        if (_compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException($"the generated handler does not compile: {error}");
        }

        if (Analyze().Result is var reported and > 0)
        {
            throw new InvalidOperationException($"RP2001 reported {reported} guarded use(s): the benchmark would measure the wrong path");
        }
    }

    [Benchmark]
    public Task<int> Rp2001() => Analyze();

    [Benchmark(Baseline = true)]
    public int Bind()
    {
        var compilation = _compilation.Clone();
        var tree = compilation.SyntaxTrees[0];
        return compilation.GetSemanticModel(tree).GetDiagnostics().Length;
    }

    private async Task<int> Analyze()
    {
        var analysis = _compilation.Clone().WithAnalyzers(_analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        return (await analysis.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false)).Length;
    }
}
