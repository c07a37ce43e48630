using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ReleasePolicy.Analyzers.Tests.Verification;

/// <summary>
/// Runs one analyzer straight through <see cref="CompilationWithAnalyzers"/>, for what the testing library's
/// DiagnosticResult cannot check: a diagnostic's Properties, and severities as the compiler applies them.
/// Fails on compiler errors in the test code and on analyzer exceptions (AD0001).
/// </summary>
internal static class DirectAnalyzerRun
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        DiagnosticAnalyzer analyzer,
        string source,
        StubFrameworks stubs = StubFrameworks.Both,
        IReadOnlyDictionary<string, ReportDiagnostic>? severities = null)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs") };
        trees.AddRange(MigrationStubs.For(stubs).Select(stub => CSharpSyntaxTree.ParseText(stub.Source, path: "/0/" + stub.FileName)));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(severities ?? new Dictionary<string, ReportDiagnostic>());
        var compilation = CSharpCompilation.Create("Test", trees, references, options);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
    }
}
