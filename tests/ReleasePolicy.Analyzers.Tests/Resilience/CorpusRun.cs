using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>
/// Runs every shipped analyzer over one corpus project and fails, naming the analyzer and the item, on an exception
/// (the <c>onAnalyzerException</c> callback, an AD0001 diagnostic, or a failure record an inventory writer wrote instead
/// of throwing) and on a hang (the run is cancelled after <see cref="HangLimit"/>: a hang detector, not a timing).
/// </summary>
internal static class CorpusRun
{
    /// <summary>Far above what any item needs (the largest take seconds on a loaded 2-core machine); reaching it means an analyzer does not terminate.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    /// <summary>Code fixes tried per fix provider and item: the first and last diagnostics it can fix.</summary>
    private const int FixesPerProvider = 2;

    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CorpusProject project, string itemName) =>
        AnalyzeAsync(project, itemName, ShippedAnalyzers.CreateAnalyzers(), HangLimit);

    /// <summary>The same checks for other analyzers and bound (the harness's own tests).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CorpusProject project, string itemName, ImmutableArray<DiagnosticAnalyzer> analyzers, TimeSpan hangLimit)
    {
        var (diagnostics, exceptions) = await RunAsync(project, analyzers, itemName, hangLimit);
        Assert.True(
            exceptions.IsEmpty,
            $"analyzer threw on {itemName}:\n" + string.Join("\n\n", exceptions.Select(e => $"{e.Analyzer.GetType().Name}: {e.Exception}")));
        var ad0001 = diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(ad0001.Count == 0, $"AD0001 on {itemName}:\n" + string.Join("\n", ad0001.Select(d => d.GetMessage())));

        foreach (var file in project.InventoryFiles)
        {
            Assert.True(File.Exists(file), $"the inventory writer did not write {Path.GetFileName(file)} on {itemName}");
            var failures = File.ReadLines(file).Where(line => line.StartsWith("//{\"failure\"", StringComparison.Ordinal)).ToList();
            Assert.True(failures.Count == 0, $"the inventory writer for {Path.GetFileName(file)} caught an exception on {itemName}: {string.Join("\n", failures)}");
        }

        Assert.DoesNotContain(diagnostics, d => d.Id == "RP9003");
        return diagnostics;
    }

    /// <summary>Offers each code fix's first action on some of the diagnostics it fixes and applies it; none may throw.</summary>
    public static async Task FixAsync(CorpusProject project, ImmutableArray<Diagnostic> diagnostics, string itemName)
    {
        using var hang = new CancellationTokenSource(HangLimit);
        foreach (var fixer in ShippedAnalyzers.CreateCodeFixes())
        {
            var fixable = diagnostics
                .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToList();
            var tried = fixable.Count <= FixesPerProvider
                ? fixable
                : fixable.Take(FixesPerProvider / 2).Concat(fixable.Skip(fixable.Count - FixesPerProvider / 2)).ToList();
            foreach (var diagnostic in tried)
            {
                var document = project.Project.Solution.GetDocument(diagnostic.Location.SourceTree);
                Assert.NotNull(document);
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document!, diagnostic, (action, _) => actions.Add(action), hang.Token);
                try
                {
                    await fixer.RegisterCodeFixesAsync(context);
                    if (actions.Count == 0)
                    {
                        continue;
                    }

                    foreach (var operation in await actions[0].GetOperationsAsync(hang.Token))
                    {
                        if (operation is ApplyChangesOperation apply)
                        {
                            foreach (var changed in apply.ChangedSolution.GetChanges(project.Project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                            {
                                var root = await apply.ChangedSolution.GetDocument(changed)!.GetSyntaxRootAsync(hang.Token);
                                Assert.NotNull(root);
                            }
                        }
                    }
                }
                catch (OperationCanceledException) when (hang.IsCancellationRequested)
                {
                    Assert.Fail($"code fix {fixer.GetType().Name} did not finish on {itemName} ({diagnostic.Id} at {diagnostic.Location.GetLineSpan()})");
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"code fix {fixer.GetType().Name} threw on {itemName} ({diagnostic.Id} at {diagnostic.Location.GetLineSpan()}): {ex}");
                }
            }
        }
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<(DiagnosticAnalyzer Analyzer, Exception Exception)> Exceptions)> RunAsync(
        CorpusProject project, ImmutableArray<DiagnosticAnalyzer> analyzers, string itemName, TimeSpan hangLimit)
    {
        using var hang = new CancellationTokenSource(hangLimit);
        var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer, Exception)>();
        try
        {
            var compilation = await project.Project.GetCompilationAsync(hang.Token);
            var withAnalyzers = compilation!.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    project.Project.AnalyzerOptions,
                    onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue((analyzer, exception)),
                    concurrentAnalysis: true, // as csc runs them
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(hang.Token);
            return (diagnostics, exceptions.ToImmutableArray());
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            if (analyzers.Length > 1)
            {
                // Name the culprit: each analyzer alone, under its own bound.
                foreach (var analyzer in analyzers)
                {
                    await RunAsync(project, ImmutableArray.Create(analyzer), itemName, hangLimit);
                }
            }

            Assert.Fail($"analyzer {string.Join(", ", analyzers.Select(a => a.GetType().Name))} did not finish on {itemName} within {hangLimit.TotalSeconds:0} s");
            throw;
        }
    }
}
