using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ReleasePolicy.Analyzers.Tests.Verification;

/// <summary>Runs one analyzer over test code plus the framework stubs; fails on AD0001 and on unexpected diagnostics.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Create(source, StubFrameworks.Both, expected).RunAsync();

    public static Task VerifyAsync(string source, StubFrameworks stubs, params DiagnosticResult[] expected) =>
        Create(source, stubs, expected).RunAsync();

    /// <summary>For code that does not compile: only this analyzer's diagnostics are compared.</summary>
    public static Task VerifyIgnoringCompilerErrorsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Create(source, StubFrameworks.Both, expected);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create(string source, StubFrameworks stubs, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        foreach (var stub in MigrationStubs.For(stubs))
        {
            test.TestState.Sources.Add(stub);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
