using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>
/// Members long enough that the guard analysis reads their blocks once rather than per use (more than sixteen
/// statements): the answers must be those of a short member, use by use.
/// </summary>
public sealed partial class UnguardedFlagRequirementTests
{
    [Fact]
    public async Task InALongBatchJobUsesBeforeTheEarlyExitAreReportedAndUsesAfterItAreGuarded()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed record Settlement(string Merchant, decimal Amount, bool Disputed);

            public sealed class NightlySettlementJob(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task<int> RunAsync(IReadOnlyList<Settlement> settlements, CancellationToken cancellationToken)
                {
                    var settled = 0;
                    var skipped = 0;
                    decimal total = 0;
                    var started = DateTimeOffset.UtcNow;
                    cancellationToken.ThrowIfCancellationRequested();
                    {|#0:wallet.ChargeWithWallet(0m)|};
                    foreach (var settlement in settlements)
                    {
                        total += settlement.Amount;
                    }

                    if (settlements.Count == 0)
                    {
                        return 0;
                    }

                    if (!await featureManager.IsEnabledAsync(Flags.Beta).ConfigureAwait(false))
                    {
                        return -1;
                    }

                    {|#1:wallet.ChargeWithWallet(total)|};
                    if (!await featureManager.IsEnabledAsync(Flags.NewCheckout).ConfigureAwait(false))
                    {
                        wallet.ChargeWithCard(total);
                        return settlements.Count;
                    }

                    wallet.ChargeWithWallet(total);
                    foreach (var settlement in settlements)
                    {
                        if (settlement.Disputed)
                        {
                            skipped++;
                            continue;
                        }

                        wallet.ChargeWithWallet(settlement.Amount);
                        settled++;
                    }

                    var elapsed = DateTimeOffset.UtcNow - started;
                    Console.WriteLine($"settled {settled}, skipped {skipped} in {elapsed}");
                    wallet.ChargeWithWallet(0m);
                    cancellationToken.ThrowIfCancellationRequested();
                    wallet.ChargeWithWallet(0m);
                    return settled;
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"),
            Unguarded(1, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task InALongMemberAnElseThatThrowsGuardsWhatFollowsAndACheckOfAnotherFlagDoesNot()
    {
        var filler = string.Concat(Enumerable.Range(1, 18).Select(i => $"        audit.Add(\"step {i}\");\n"));
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class RefundService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task RefundAsync(decimal amount)
                {
                    var audit = new List<string>();
            {{filler}}
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        audit.Add("wallet");
                    }
                    else
                    {
                        throw new InvalidOperationException("Refunds to wallets need the new checkout.");
                    }

            {{filler}}
                    wallet.ChargeWithWallet(-amount);
                }

                public async Task PreviewAsync(decimal amount)
                {
                    var audit = new List<string>();
            {{filler}}
                    if (!await featureManager.IsEnabledAsync(Flags.Beta))
                    {
                        return;
                    }

            {{filler}}
                    {|#0:wallet.ChargeWithWallet(amount)|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }
}
