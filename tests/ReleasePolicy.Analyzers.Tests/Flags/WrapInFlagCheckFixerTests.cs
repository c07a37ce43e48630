using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.CodeFixes.Flags;
using ReleasePolicy.Analyzers.Flags;
using FlagProject = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>The RP2001 code fix: the call wrapped in a check of its flag with the feature manager in scope.</summary>
public sealed class WrapInFlagCheckFixerTests
{
    private const string Wallet = """
        using System;
        using System.Threading.Tasks;

        namespace Shop;

        [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Event)]
        public sealed class RequiresFeatureAttribute(string feature) : Attribute
        {
            public string Feature { get; } = feature;
        }

        public class WalletPayments
        {
            [RequiresFeature("NewCheckout")]
            public Task ChargeWithWalletAsync(decimal amount) => Task.CompletedTask;

            [RequiresFeature("NewCheckout")]
            public decimal WalletLimit { get; set; }

            [RequiresFeature("NewCheckout")]
            public event EventHandler? WalletCharged;
        }
        """;

    [Fact]
    public async Task AnAwaitedCallInAnAsyncMethodIsWrappedInACheckWithThePrimaryConstructorsFeatureManager()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    // the wallet is the new checkout's
                    await {|RP2001:wallet.ChargeWithWalletAsync(amount)|};
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    // the wallet is the new checkout's
                    if (await featureManager.IsEnabledAsync("NewCheckout"))
                    {
                        await wallet.ChargeWithWalletAsync(amount);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task SettingAFlaggedPropertyOrSubscribingToAFlaggedEventIsWrapped()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class WalletSetup(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task ConfigureAsync(decimal limit)
                {
                    {|RP2001:wallet.WalletLimit|} = limit;
                    {|RP2001:wallet.WalletCharged|} += OnCharged;
                    await Task.CompletedTask;
                }

                private void OnCharged(object? sender, EventArgs e) { }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class WalletSetup(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task ConfigureAsync(decimal limit)
                {
                    if (await featureManager.IsEnabledAsync("NewCheckout"))
                    {
                        wallet.WalletLimit = limit;
                    }
                    if (await featureManager.IsEnabledAsync("NewCheckout"))
                    {
                        wallet.WalletCharged += OnCharged;
                    }
                    await Task.CompletedTask;
                }

                private void OnCharged(object? sender, EventArgs e) { }
            }
            """);
    }

    [Fact]
    public async Task AFlaggedPropertyReadInsideAnotherCallIsNotWrapped()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class WalletReport(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PrintAsync()
                {
                    Console.WriteLine({|RP2001:wallet.WalletLimit|});
                    await Task.CompletedTask;
                }
            }
            """;
        await VerifyAsync(source, source);
    }

    [Fact]
    public async Task WithoutAFeatureManagerInScopeOrOutsideAsyncCodeNothingIsOffered()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount) => await {|RP2001:wallet.ChargeWithWalletAsync(amount)|};

                public async Task PayLaterAsync(decimal amount)
                {
                    await {|RP2001:wallet.ChargeWithWalletAsync(amount)|};
                }
            }

            public sealed class Legacy(IFeatureManager features, WalletPayments wallet)
            {
                public void Pay(decimal amount)
                {
                    {|RP2001:wallet.ChargeWithWalletAsync(amount)|}.Wait();
                }
            }
            """;
        await VerifyAsync(source, source);
    }

    private static async Task VerifyAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<UnguardedFlagRequirementAnalyzer, WrapInFlagCheckFixer, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(await FlagProject.AspNetCoreReferences.Value);
            state.Sources.Add(("FeatureManagementStubs.cs", FlagProject.FeatureManagement));
            state.Sources.Add(("OpenFeatureStubs.cs", FlagProject.OpenFeature));
            state.Sources.Add(("Wallet.cs", Wallet));
        }

        await test.RunAsync();
    }
}
