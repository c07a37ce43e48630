using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Rules;

namespace ReleasePolicy.Analyzers.Tests.Verification;

/// <summary>
/// Runs a flag analyzer over a web project's code: ASP.NET Core 8 (the real reference assemblies), the
/// Microsoft.FeatureManagement and OpenFeature stubs, and the project's additional files (appsettings.json) and
/// analyzer config. Fails on AD0001 and on unexpected diagnostics.
/// </summary>
internal static class FlagAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>
    /// The ASP.NET Core 8 targeting pack, fetched by the test harness into its package folder like the .NET one. The
    /// harness (1.1.4) resolves a package's lib/ folder only, so the pack's ref/ assemblies are added by path.
    /// </summary>
    internal static readonly Lazy<Task<ImmutableArray<MetadataReference>>> AspNetCoreReferences = new(async () =>
    {
        var withPack = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0")));
        await withPack.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var folder = Path.Combine(Path.GetTempPath(), "test-packages", "Microsoft.AspNetCore.App.Ref.8.0.0", "ref", "net8.0");
        return Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    internal static readonly string FeatureManagement = ReadStub("Stubs.FeatureManagementStubs.cs");

    internal static readonly string OpenFeature = ReadStub("Stubs.OpenFeatureStubs.cs");

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static async Task VerifyAsync(string source, params DiagnosticResult[] expected) => await (await CreateAsync(source, expected)).RunAsync();

    /// <summary>With more of the project's code in a second file (its flags, attributes and services).</summary>
    public static async Task VerifyAsync(string source, string projectCode, params DiagnosticResult[] expected)
    {
        var test = await CreateAsync(source, expected);
        test.TestState.Sources.Add(("Project.cs", projectCode));
        await test.RunAsync();
    }

    /// <summary>With appsettings.json (or other additional files) and .globalconfig lines.</summary>
    public static async Task VerifyAsync(string source, (string Path, string Text)[] additionalFiles, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = await CreateAsync(source, expected);
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));

            // An inventory writer writes its file on every pass; the harness's extra pass over the code marked as
            // generated and its pass with #pragma warning disable (which find nothing) would overwrite what the test reads.
            if (globalConfig.Contains("_inventory_file", StringComparison.Ordinal))
            {
                test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
            }
        }

        await test.RunAsync();
    }

    public static async Task<CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>> CreateAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalReferences.AddRange(await AspNetCoreReferences.Value);
        test.TestState.Sources.Add(("FeatureManagementStubs.cs", FeatureManagement));
        test.TestState.Sources.Add(("OpenFeatureStubs.cs", OpenFeature));
        test.ExpectedDiagnostics.AddRange(expected);
        HideInventoryUnlessExpected(test, expected);
        return test;
    }

    /// <summary>
    /// RP2000 (the hidden flag inventory, one per flag) is left out of a test that expects none of it, so each test
    /// states the findings it is about; the inventory tests expect it.
    /// </summary>
    internal static void HideInventoryUnlessExpected(CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> test, DiagnosticResult[] expected)
    {
        if (!expected.Any(result => result.Id == RuleIds.FlagInventory))
        {
            test.DisabledDiagnostics.Add(RuleIds.FlagInventory);
        }
    }

    /// <summary>
    /// Microsoft.FeatureManagement.AspNetCore 4.7.0 and the Microsoft.FeatureManagement 4.7.0 it builds on, fetched by
    /// the harness like the targeting packs and added by path (lib/net8.0), as <see cref="AspNetCoreReferences"/> is.
    /// </summary>
    internal static readonly Lazy<Task<ImmutableArray<MetadataReference>>> FeatureManagementPackageReferences = new(async () =>
    {
        string[] ids = ["Microsoft.FeatureManagement", "Microsoft.FeatureManagement.AspNetCore"];
        var withPackages = ReferenceAssemblies.Net.Net80.AddPackages(ids.Select(id => new PackageIdentity(id, "4.7.0")).ToImmutableArray());
        await withPackages.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return ids.Select(id => Path.Combine(Path.GetTempPath(), "test-packages", $"{id}.4.7.0", "lib", "net8.0", id + ".dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>
    /// Against the real Microsoft.FeatureManagement.AspNetCore 4.7.0 instead of the stubs: the shapes the rules read
    /// are the package's own, overloads and namespaces included.
    /// </summary>
    public static async Task VerifyWithRealPackageAsync(string source, string projectCode, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalReferences.AddRange(await AspNetCoreReferences.Value);
        test.TestState.AdditionalReferences.AddRange(await FeatureManagementPackageReferences.Value);
        test.TestState.Sources.Add(("Project.cs", projectCode));
        test.ExpectedDiagnostics.AddRange(expected);
        HideInventoryUnlessExpected(test, expected);
        await test.RunAsync();
    }

    private static string ReadStub(string name)
    {
        using var stream = typeof(FlagAnalyzerVerifier<TAnalyzer>).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded stub '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
