using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.CodeFixes.Flags;
using ReleasePolicy.Analyzers.Flags;
using FlagProject = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.FlagDeclarationAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>The RP2002 code fix: the declared name the rule suggests, keeping the constant form.</summary>
public sealed class UseDeclaredFlagNameFixerTests
{
    private const string AppSettings = """
        {
          "FeatureManagement": {
            "NewCheckout": true,
            "Recommendations": false
          }
        }
        """;

    [Fact]
    public async Task AMistypedLiteralBecomesTheDeclaredName()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<string> PageAsync() =>
                    await featureManager.IsEnabledAsync({|RP2002:"NewChekout"|}) ? "wallet"
                    : await featureManager.IsEnabledAsync("Recommendations") ? "shelf" : "classic";

                public Task<bool> ExpressAsync() => featureManager.IsEnabledAsync("NewCheckout");
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<string> PageAsync() =>
                    await featureManager.IsEnabledAsync("NewCheckout") ? "wallet"
                    : await featureManager.IsEnabledAsync("Recommendations") ? "shelf" : "classic";

                public Task<bool> ExpressAsync() => featureManager.IsEnabledAsync("NewCheckout");
            }
            """);
    }

    [Fact]
    public async Task AMistypedConstantBecomesTheConstantThatHoldsTheDeclaredName()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public static class FlagNames
            {
                public const string Checkout = "NewCheckout";
                public const string CheckoutTypo = "NewChekout";
                public const string Shelf = "Recommendations";
            }

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<bool> WalletAsync() => await featureManager.IsEnabledAsync({|RP2002:FlagNames.CheckoutTypo|}) && await featureManager.IsEnabledAsync(FlagNames.Shelf);

                public Task<bool> CheckoutAsync() => featureManager.IsEnabledAsync(FlagNames.Checkout);
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public static class FlagNames
            {
                public const string Checkout = "NewCheckout";
                public const string CheckoutTypo = "NewChekout";
                public const string Shelf = "Recommendations";
            }

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<bool> WalletAsync() => await featureManager.IsEnabledAsync(FlagNames.Checkout) && await featureManager.IsEnabledAsync(FlagNames.Shelf);

                public Task<bool> CheckoutAsync() => featureManager.IsEnabledAsync(FlagNames.Checkout);
            }
            """);
    }

    [Fact]
    public async Task AConstantWithNoSiblingHoldingTheNameGetsNoFix()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public static class FlagNames
            {
                public const string Checkout = "NewChekout";
            }

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<bool> WalletAsync() => await featureManager.IsEnabledAsync({|RP2002:FlagNames.Checkout|}) && await featureManager.IsEnabledAsync("Recommendations");

                public Task<bool> ExpressAsync() => featureManager.IsEnabledAsync("NewCheckout");
            }
            """;
        await VerifyAsync(source, source);
    }

    private static async Task VerifyAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<FlagDeclarationAnalyzer, UseDeclaredFlagNameFixer, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            MarkupOptions = MarkupOptions.UseFirstDescriptor, // RP2002 has two messages, with and without a suggestion
        };
        test.DisabledDiagnostics.Add(FlagDeclarationAnalyzer.InventoryRule.Id); // the hidden inventory: not what the fix is about
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(await FlagProject.AspNetCoreReferences.Value);
            state.Sources.Add(("FeatureManagementStubs.cs", FlagProject.FeatureManagement));
            state.Sources.Add(("OpenFeatureStubs.cs", FlagProject.OpenFeature));
            state.AdditionalFiles.Add(("/0/appsettings.json", AppSettings));
        }

        await test.RunAsync();
    }
}
