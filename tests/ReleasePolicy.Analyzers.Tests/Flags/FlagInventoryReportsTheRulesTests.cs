using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Flags;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>
/// With the inventory file option (a command-line build that writes the flag inventory) the inventory writer reports
/// the flag rules and the rule analyzers stand aside; without it (the IDE, builds without an inventory) the rules
/// report. The build must show exactly the same diagnostics either way: none lost, none twice.
/// </summary>
public sealed class FlagInventoryReportsTheRulesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rp-flag-rules-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.FeatureManagement;

        public static class Flags
        {
            public const string NewCheckout = "NewCheckout";
        }

        [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
        public sealed class RequiresFeatureAttribute(string flag) : Attribute
        {
            public string Flag { get; } = flag;
        }

        public sealed class Checkout(IFeatureManager features)
        {
            [RequiresFeature(Flags.NewCheckout)]
            public Task PayWithWalletAsync() => Task.CompletedTask;

            public Task PayAsync() => {|#1:PayWithWalletAsync()|};

            public async Task<bool> ShelfAsync() => await features.IsEnabledAsync({|#2:"Recomendations"|});

            public async Task<bool> ByNameAsync(string name) => await features.IsEnabledAsync({|#3:name|});

            public void Warm() => _ = {|#4:features.IsEnabledAsync(Flags.NewCheckout)|};

            [RequiresFeature(Flags.NewCheckout)]
            public decimal WalletBalance => 0m;
        }

        public sealed class Receipt(Checkout checkout)
        {
            public decimal Total() => {|#5:checkout.WalletBalance|};
        }
        """;

    private const string Settings = """
        {
          "FeatureManagement": {
            "NewCheckout": true,
            "Recommendations": true,
            "DarkMode": false
          }
        }
        """;

    private static DiagnosticResult[] Expected =>
    [
        new DiagnosticResult(UnguardedFlagRequirementAnalyzer.Rule).WithLocation(1).WithArguments("Checkout.PayWithWalletAsync", "NewCheckout"),
        new DiagnosticResult(UnguardedFlagRequirementAnalyzer.Rule).WithLocation(5).WithArguments("Checkout.WalletBalance", "NewCheckout"),
        new DiagnosticResult(FlagDeclarationAnalyzer.UndeclaredWithSuggestionRule).WithLocation(2).WithArguments("Recomendations", "Recommendations"),
        new DiagnosticResult(FlagCheckAnalyzer.NonConstantKeyRule).WithLocation(3).WithArguments("IFeatureManager.IsEnabledAsync"),
        new DiagnosticResult(FlagCheckAnalyzer.DiscardedRule).WithLocation(4).WithArguments("IFeatureManager.IsEnabledAsync", "NewCheckout"),
        new DiagnosticResult(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("/0/appsettings.json", 4, 6, 4, 21).WithArguments("Recommendations"),
        new DiagnosticResult(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("/0/appsettings.json", 5, 6, 5, 14).WithArguments("DarkMode"),

        // RP2000, the hidden inventory: one per flag, the same from the rules as from the writer.
        new DiagnosticResult(FlagDeclarationAnalyzer.InventoryRule).WithSpan("/0/appsettings.json", 5, 6, 5, 14).WithArguments("DarkMode", "declared in appsettings.json line 5, 0 reference(s)"),
        new DiagnosticResult(FlagDeclarationAnalyzer.InventoryRule).WithSpan("/0/appsettings.json", 3, 6, 3, 17).WithArguments("NewCheckout", "declared in appsettings.json line 3, 3 reference(s)"),
        new DiagnosticResult(FlagDeclarationAnalyzer.InventoryRule).WithArguments("Recomendations", "declared in no flag source, 1 reference(s)"),
        new DiagnosticResult(FlagDeclarationAnalyzer.InventoryRule).WithSpan("/0/appsettings.json", 4, 6, 4, 21).WithArguments("Recommendations", "declared in appsettings.json line 4, 0 reference(s)"),
    ];

    [Fact]
    public async Task Without_an_inventory_the_rules_report()
    {
        await RunAsync(globalConfig: null);
    }

    [Fact]
    public async Task With_an_inventory_the_writer_reports_the_same_diagnostics_once_and_records_them()
    {
        var file = Path.Combine(_folder, "flag-inventory.txt");

        await RunAsync($"{FlagInventoryWriter.FileOption} = {file}\n");

        var inventory = File.ReadAllText(file);
        foreach (var rule in new[] { "RP2001", "RP2002", "RP2004", "RP2006" })
        {
            Assert.Contains($$"""{"finding":{"rule":"{{rule}}",""", inventory);
        }

        Assert.Contains("'Checkout.WalletBalance' requires feature flag 'NewCheckout'", inventory);
    }

    private static async Task RunAsync(string? globalConfig)
    {
        var test = new AllFlagAnalyzersTest { TestCode = Source, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.AdditionalReferences.AddRange(await FlagAnalyzerVerifier<FlagInventoryWriter>.AspNetCoreReferences.Value);
        test.TestState.Sources.Add(("FeatureManagementStubs.cs", FlagAnalyzerVerifier<FlagInventoryWriter>.FeatureManagement));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", Settings));
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck; // those passes would rewrite the inventory with nothing in it
        }

        test.ExpectedDiagnostics.AddRange(Expected);
        await test.RunAsync();
    }

    /// <summary>Every flag analyzer of the package and the inventory writer, as a command-line build loads them.</summary>
    private sealed class AllFlagAnalyzersTest : CSharpAnalyzerTest<FlagInventoryWriter, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [
            new FlagDeclarationAnalyzer(),
            new FlagCheckAnalyzer(),
            new UnguardedFlagRequirementAnalyzer(),
            new FlagInventoryWriter(),
        ];
    }
}
