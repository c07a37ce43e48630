using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ReleasePolicy.Analyzers.Tests.Leaks;

/// <summary>Runs a leak analyzer over web code compiled against the ASP.NET Core stubs, with optional analyzer config.</summary>
internal static class LeakVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private static readonly string AspNetCore = ReadStub("Stubs.AspNetCoreStubs.cs");

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, null, expected);

    public static Task VerifyAsync(string source, string? globalConfig, params DiagnosticResult[] expected) =>
        VerifyAsync(source, globalConfig, Array.Empty<(string, string)>(), expected);

    public static Task VerifyAsync(string source, string? globalConfig, (string Path, string Content)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("AspNetCoreStubs.cs", AspNetCore));
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));

            // An inventory writer writes its file on every pass; the harness's passes over the code marked as
            // generated and with #pragma warning disable (which find nothing) would overwrite what the test reads.
            if (globalConfig.Contains("_inventory_file", StringComparison.Ordinal))
            {
                test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck | TestBehaviors.SkipGeneratedSourcesCheck;
            }
        }

        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static string ReadStub(string name)
    {
        using var stream = typeof(LeakVerifier<>).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded stub '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
