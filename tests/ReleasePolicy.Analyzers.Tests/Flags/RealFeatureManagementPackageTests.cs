using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Flags;
using Checks = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.FlagCheckAnalyzer>;
using Requirements = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>
/// RP2001, RP2004 and RP2006 against the real Microsoft.FeatureManagement.AspNetCore 4.7.0 rather than the stubs the
/// other flag tests use: an ASP.NET Core service with a controller, minimal APIs and an injected IFeatureManager.
/// </summary>
public sealed class RealFeatureManagementPackageTests
{
    private const string Project = """
        using System;

        namespace Shop;

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
        public sealed class RequiresFeatureAttribute(string feature) : Attribute
        {
            public string Feature { get; } = feature;
        }

        public static class Flags
        {
            public const string NewCheckout = "NewCheckout";
            public const string Beta = "Beta";
        }

        public class WalletPayments
        {
            [RequiresFeature(Flags.NewCheckout)]
            public void ChargeWithWallet(decimal amount) { }

            public void ChargeWithCard(decimal amount) { }
        }
        """;

    private static DiagnosticResult Unguarded(int location) =>
        Requirements.Diagnostic("RP2001").WithLocation(location).WithArguments("WalletPayments.ChargeWithWallet", "NewCheckout");

    [Fact]
    public async Task AServiceCheckingIFeatureManagerIsGuardedAndAnUncheckedPathIsReported()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount, CancellationToken cancellationToken)
                {
                    if (!await featureManager.IsEnabledAsync(Flags.NewCheckout, cancellationToken).ConfigureAwait(false))
                    {
                        wallet.ChargeWithCard(amount);
                        return;
                    }

                    wallet.ChargeWithWallet(amount);
                }

                public async Task RetryAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync(Flags.Beta))
                    {
                        {|#0:wallet.ChargeWithWallet(amount)|};
                    }
                }
            }
            """;

        await Requirements.VerifyWithRealPackageAsync(source, Project, Unguarded(0));
    }

    [Fact]
    public async Task TheRealFeatureGateAttributeAndWithFeatureGateGuardControllersAndEndpoints()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;
            using Microsoft.FeatureManagement.Mvc;
            using Shop;

            [ApiController]
            [Route("wallet")]
            public sealed class WalletController(WalletPayments wallet) : ControllerBase
            {
                [HttpPost]
                [FeatureGate(RequirementType.All, Flags.NewCheckout)]
                public IActionResult Pay(decimal amount)
                {
                    wallet.ChargeWithWallet(amount);
                    return Ok();
                }

                [HttpPost("card")]
                public IActionResult PayByCard(decimal amount)
                {
                    {|#0:wallet.ChargeWithWallet(amount)|};
                    return Ok();
                }
            }

            public static class WalletEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/v2/wallet", (decimal amount, WalletPayments wallet) =>
                    {
                        wallet.ChargeWithWallet(amount);
                        return Results.Ok();
                    }).WithFeatureGate(Flags.NewCheckout);

                    app.MapPost("/v2/beta-wallet", (decimal amount, WalletPayments wallet) => {|#1:wallet.ChargeWithWallet(amount)|}).WithFeatureGate(Flags.Beta);
                }
            }
            """;

        await Requirements.VerifyWithRealPackageAsync(source, Project, Unguarded(0), Unguarded(1));
    }

    [Fact]
    public async Task ADiscardedCheckAndAComputedKeyAreReportedOnTheRealInterfaces()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class Warmup(IFeatureManager featureManager, IVariantFeatureManager variants)
            {
                public async Task RunAsync(string area)
                {
                    _ = {|#0:featureManager.IsEnabledAsync(Flags.NewCheckout)|};
                    if (await featureManager.IsEnabledAsync({|#1:"Checkout." + area|}))
                    {
                    }

                    var variant = await variants.GetVariantAsync(Flags.Beta);
                    _ = variant?.Name;
                }
            }
            """;

        await Checks.VerifyWithRealPackageAsync(
            source,
            Project,
            Checks.Diagnostic(FlagCheckAnalyzer.DiscardedRule).WithLocation(0).WithArguments("IFeatureManager.IsEnabledAsync", "NewCheckout"),
            Checks.Diagnostic(FlagCheckAnalyzer.NonConstantKeyRule).WithLocation(1).WithArguments("IFeatureManager.IsEnabledAsync"));
    }
}
