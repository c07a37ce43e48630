using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>The resilience harness fails, naming the analyzer and the corpus item, when an analyzer throws or hangs.</summary>
public sealed class CorpusHarnessTests
{
    private const string Item = "Leaks: pristine";

    [Fact]
    public async Task AnAnalyzerThatThrowsIsNamedWithTheItem()
    {
        using var project = await CorpusProject.CreateAsync(BrokenCodeCorpus.ByName[Item]);

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() =>
            CorpusRun.AnalyzeAsync(project, Item, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()), CorpusRun.HangLimit));

        Assert.Contains("analyzer threw on Leaks: pristine", failure.Message);
        Assert.Contains("ThrowingAnalyzer: System.InvalidOperationException: Malformed syntax", failure.Message);
    }

    [Fact]
    public async Task AnAnalyzerThatDoesNotFinishIsNamedWithTheItem()
    {
        using var project = await CorpusProject.CreateAsync(BrokenCodeCorpus.ByName[Item]);

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() =>
            CorpusRun.AnalyzeAsync(project, Item, ImmutableArray.Create<DiagnosticAnalyzer>(new SpinningAnalyzer()), TimeSpan.FromSeconds(2)));

        Assert.Contains("analyzer SpinningAnalyzer did not finish on Leaks: pristine", failure.Message);
    }
}

#pragma warning disable RS1001, RS2008 // test doubles of broken analyzers, not shipped ones

/// <summary>Throws from a syntax tree action, as an analyzer meeting syntax it did not expect would.</summary>
internal sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Unused = new("TEST0001", "Unused", "Unused", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("Malformed syntax"));
    }
}

/// <summary>Runs until cancelled, as an analyzer stuck in a loop would (but it does stop, so the test ends).</summary>
internal sealed class SpinningAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ThrowingAnalyzer.Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(compilation =>
        {
            while (!compilation.CancellationToken.IsCancellationRequested)
            {
                Thread.Sleep(10);
            }

            compilation.CancellationToken.ThrowIfCancellationRequested();
        });
    }
}
#pragma warning restore RS1001, RS2008
