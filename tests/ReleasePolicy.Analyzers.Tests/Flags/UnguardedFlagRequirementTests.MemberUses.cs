using Microsoft.CodeAnalysis.Testing;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>RP2001 beyond calls: flagged properties, indexers, events and methods taken as delegates.</summary>
public sealed partial class UnguardedFlagRequirementTests
{
    /// <summary>A wallet whose balance, change event and charge need the flag, and a price list with a flagged indexer.</summary>
    private const string Wallets = """
        using System;

        namespace Shop;

        public sealed class Wallet
        {
            private decimal _balance;

            // Its own type initialising, raising and reading its flagged members is its implementation.
            public Wallet() => Balance = 0m;

            [RequiresFeature(Flags.NewCheckout)]
            public decimal Balance
            {
                get => _balance;
                set
                {
                    _balance = value;
                    Changed?.Invoke(this, EventArgs.Empty);
                }
            }

            [RequiresFeature(Flags.NewCheckout)]
            public event EventHandler? Changed;

            [RequiresFeature(Flags.NewCheckout)]
            public void Charge(decimal amount) => Balance -= amount;

            public void Reset()
            {
                _balance = 0m;
                Changed?.Invoke(this, EventArgs.Empty);
            }

            public override string ToString() => $"{Balance:C}";
        }

        public sealed class PriceList
        {
            [RequiresFeature("Recommendations")]
            public decimal this[string sku] => 0m;

            public decimal Base(string sku) => 1m;
        }
        """;

    private static async Task VerifyWithWalletsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = await Verify.CreateAsync(source, expected);
        test.TestState.Sources.Add(("Project.cs", Project));
        test.TestState.Sources.Add(("Wallets.cs", Wallets));
        await test.RunAsync();
    }

    [Fact]
    public async Task AFlaggedPropertyReadOrWrittenWithoutACheckIsReportedAtTheReference()
    {
        const string source = """
            using Shop;

            public sealed class WalletService(Wallet wallet)
            {
                public decimal Available() => {|#0:wallet.Balance|};

                public void TopUp(decimal amount) => {|#1:wallet.Balance|} += amount;

                public void Clear() => {|#2:wallet.Balance|} = 0m;

                public Wallet Opened(decimal amount) => new Wallet { {|#3:Balance|} = amount };

                public bool IsEmpty() => wallet is { {|#4:Balance|}: 0m };
            }
            """;

        await VerifyWithWalletsAsync(
            source,
            Unguarded(0, "Wallet.Balance", "NewCheckout"),
            Unguarded(1, "Wallet.Balance", "NewCheckout"),
            Unguarded(2, "Wallet.Balance", "NewCheckout"),
            Unguarded(3, "Wallet.Balance", "NewCheckout"),
            Unguarded(4, "Wallet.Balance", "NewCheckout"));
    }

    [Fact]
    public async Task AFlaggedPropertyUnderACheckOfItsFlagIsGuarded()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            using Shop;

            public sealed class WalletService(IFeatureManager featureManager, Wallet wallet)
            {
                public async Task<decimal> AvailableAsync()
                {
                    if (!await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        return 0m;
                    }

                    wallet.Balance += 1m;
                    return wallet.Balance;
                }

                public async Task<decimal> ShownAsync() =>
                    await featureManager.IsEnabledAsync(Flags.NewCheckout) ? wallet.Balance : 0m;

                public async Task<decimal> BetaAsync() =>
                    await featureManager.IsEnabledAsync(Flags.Beta) ? {|#0:wallet.Balance|} : 0m;
            }

            [FeatureGate(Flags.NewCheckout)]
            public sealed class WalletController(Wallet wallet) : Controller
            {
                [HttpGet]
                public IActionResult Balance() => Ok(wallet.Balance);
            }
            """;

        await VerifyWithWalletsAsync(source, Unguarded(0, "Wallet.Balance", "NewCheckout"));
    }

    [Fact]
    public async Task AFlaggedIndexerIsReportedWhereNoCheckGuardsIt()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class Pricing(IFeatureManager featureManager, PriceList prices)
            {
                public async Task<decimal> PriceAsync(string sku)
                {
                    if (await featureManager.IsEnabledAsync(nameof(ShopFeatures.Recommendations)))
                    {
                        return prices[sku];
                    }

                    return prices.Base(sku) + {|#0:prices[sku]|};
                }
            }
            """;

        await VerifyWithWalletsAsync(source, Unguarded(0, "PriceList.this[]", "Recommendations"));
    }

    [Fact]
    public async Task SubscribingToAFlaggedEventIsReportedAndUnsubscribingIsNot()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class BalanceWatcher(IFeatureManager featureManager, Wallet wallet) : IDisposable
            {
                public void Watch() => {|#0:wallet.Changed|} += OnChanged;

                public async Task WatchWhenEnabledAsync()
                {
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        wallet.Changed += OnChanged;
                        wallet.Changed += (_, _) => Console.WriteLine("changed");
                    }
                }

                // Removing a handler runs nothing of the event's: cleanup needs no check.
                public void Dispose() => wallet.Changed -= OnChanged;

                private void OnChanged(object? sender, EventArgs e) { }
            }
            """;

        await VerifyWithWalletsAsync(source, Unguarded(0, "Wallet.Changed", "NewCheckout"));
    }

    [Fact]
    public async Task AFlaggedMethodTakenAsADelegateIsReportedWhereNoCheckGuardsIt()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class Batch(IFeatureManager featureManager, Wallet wallet)
            {
                public void ChargeAll(List<decimal> amounts) => amounts.ForEach({|#0:wallet.Charge|});

                public Action<decimal> Charger()
                {
                    Action<decimal> charge = {|#1:wallet.Charge|};
                    return charge;
                }

                public async Task ChargeAllWhenEnabledAsync(List<decimal> amounts)
                {
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        amounts.ForEach(wallet.Charge);
                        Func<decimal> balance = () => wallet.Balance;
                    }
                }
            }
            """;

        await VerifyWithWalletsAsync(
            source,
            Unguarded(0, "Wallet.Charge", "NewCheckout"),
            Unguarded(1, "Wallet.Charge", "NewCheckout"));
    }

    [Fact]
    public async Task NameofAndAttributeArgumentsRunNothingAndAreNotReported()
    {
        const string source = """
            using System;
            using Shop;

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class AuditAttribute : Attribute
            {
                public string? Field { get; set; }

                [RequiresFeature("AuditTrail")]
                public bool Detailed { get; set; }
            }

            public sealed class WalletLog(Wallet wallet)
            {
                [Audit(Field = nameof(Wallet.Balance), Detailed = true)]
                public string Describe() => nameof(wallet.Balance) + nameof(wallet.Charge) + nameof(Wallet.Changed) + nameof(PriceList);
            }
            """;

        await VerifyWithWalletsAsync(source);
    }

    [Fact]
    public async Task InsideAMemberThatRequiresTheFlagItsFlaggedMembersAreGuarded()
    {
        const string source = """
            using Shop;

            public sealed class WalletCheckout(Wallet wallet)
            {
                [RequiresFeature(Flags.NewCheckout)]
                public decimal Settle(decimal amount)
                {
                    wallet.Changed += (_, _) => { };
                    wallet.Charge(amount);
                    return wallet.Balance;
                }

                [RequiresFeature(Flags.NewCheckout)]
                public decimal Remaining => wallet.Balance;

                public decimal Outside => {|#0:wallet.Balance|};
            }
            """;

        await VerifyWithWalletsAsync(source, Unguarded(0, "Wallet.Balance", "NewCheckout"));
    }
}
