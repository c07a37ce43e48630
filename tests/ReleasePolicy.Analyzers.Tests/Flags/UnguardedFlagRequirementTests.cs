using Microsoft.CodeAnalysis.Testing;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

public sealed partial class UnguardedFlagRequirementTests
{
    /// <summary>The project's own requirement attribute, its flag constants and a service that needs a flag.</summary>
    private const string Project = """
        using System;

        namespace Shop;

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Event)]
        public sealed class RequiresFeatureAttribute : Attribute
        {
            public RequiresFeatureAttribute(string feature) => Feature = feature;

            public string Feature { get; }
        }

        public static class Flags
        {
            public const string NewCheckout = "NewCheckout";
            public const string Beta = "Beta";
        }

        public enum ShopFeatures
        {
            NewCheckout,
            Recommendations,
        }

        public class WalletPayments
        {
            [RequiresFeature(Flags.NewCheckout)]
            public void ChargeWithWallet(decimal amount) { }

            public void ChargeWithCard(decimal amount) { }
        }

        [RequiresFeature("Recommendations")]
        public sealed class RecommendationEngine
        {
            public string[] For(string customer) => Array.Empty<string>();
        }
        """;

    private static DiagnosticResult Unguarded(int location, string member, string flag) =>
        Verify.Diagnostic("RP2001").WithLocation(location).WithArguments(member, flag);

    [Fact]
    public async Task ACallWithoutAnyCheckIsReportedNamingTheMemberAndTheFlag()
    {
        const string source = """
            using System.Threading.Tasks;
            using Shop;

            public sealed class CheckoutService(WalletPayments wallet)
            {
                public Task PayAsync(decimal amount)
                {
                    {|#0:wallet.ChargeWithWallet(amount)|};
                    return Task.CompletedTask;
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task ACallInsideACheckOfTheSameFlagIsGuarded()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        wallet.ChargeWithWallet(amount);
                    }
                    else
                    {
                        wallet.ChargeWithCard(amount);
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task TheLiteralNameOfAConstantIsTheSameFlag()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync("NewCheckout").ConfigureAwait(false))
                    {
                        wallet.ChargeWithWallet(amount);
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task ACheckOfAnotherFlagDoesNotGuardTheCall()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync(Flags.Beta))
                    {
                        {|#0:wallet.ChargeWithWallet(amount)|};
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task ACheckAfterTheCallDoesNotGuardIt()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task<bool> PayAsync(decimal amount)
                {
                    {|#0:wallet.ChargeWithWallet(amount)|};
                    if (!await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        return false;
                    }

                    return true;
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task TheElseBranchOfACheckIsWhereTheFlagIsOff()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        wallet.ChargeWithCard(amount);
                    }
                    else
                    {
                        {|#0:wallet.ChargeWithWallet(amount)|};
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task ANegatedCheckThatReturnsEarlyGuardsTheRestOfTheAction()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Shop;

            [ApiController]
            [Route("checkout")]
            public sealed class CheckoutController : ControllerBase
            {
                private readonly IFeatureManager _featureManager;
                private readonly WalletPayments _wallet;

                public CheckoutController(IFeatureManager featureManager, WalletPayments wallet)
                {
                    _featureManager = featureManager;
                    _wallet = wallet;
                }

                [HttpPost("wallet")]
                public async Task<IActionResult> PayWithWallet(decimal amount)
                {
                    if (!await _featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        return NotFound();
                    }

                    _wallet.ChargeWithWallet(amount);
                    return Ok();
                }

                [HttpPost("wallet-or-fail")]
                public async Task<IActionResult> PayOrThrow(decimal amount)
                {
                    if (await _featureManager.IsEnabledAsync(Flags.NewCheckout) is false)
                        throw new System.InvalidOperationException("Wallet payments are off.");

                    _wallet.ChargeWithWallet(amount);
                    return Ok();
                }
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task ANegatedCheckThatDoesNotLeaveDoesNotGuard()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (!await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        Console.WriteLine("Wallet payments are off, charging anyway.");
                    }

                    {|#0:wallet.ChargeWithWallet(amount)|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task ConditionalAndConditionalExpressionAndWhileGuard()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class Storefront(IVariantFeatureManager features, RecommendationEngine engine, WalletPayments wallet)
            {
                public async Task<string[]> ShelfAsync(string customer, decimal amount)
                {
                    if (amount > 0 && await features.IsEnabledAsync(nameof(ShopFeatures.NewCheckout)) && customer.Length > 0)
                    {
                        wallet.ChargeWithWallet(amount);
                    }

                    return await features.IsEnabledAsync("Recommendations") ? engine.For(customer) : new string[0];
                }

                public async Task DrainAsync(Queue<decimal> payments)
                {
                    while (await features.IsEnabledAsync(Flags.NewCheckout) && payments.Count > 0)
                    {
                        wallet.ChargeWithWallet(payments.Dequeue());
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task ALocalBoolAssignedFromACheckAndTestedGuards()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    var walletEnabled = await featureManager.IsEnabledAsync(Flags.NewCheckout).ConfigureAwait(false);
                    if (walletEnabled)
                    {
                        wallet.ChargeWithWallet(amount);
                    }

                    bool beta = await featureManager.IsEnabledAsync(Flags.Beta);
                    if (beta)
                    {
                        {|#0:wallet.ChargeWithWallet(amount)|};
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task SwitchStatementsAndSwitchExpressionsOnACheckGuardTheirTrueCase()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class Storefront(IFeatureManager featureManager, RecommendationEngine engine, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    switch (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        case true:
                            wallet.ChargeWithWallet(amount);
                            break;
                        case false:
                            wallet.ChargeWithCard(amount);
                            break;
                    }
                }

                public async Task<string[]> ShelfAsync(string customer) =>
                    await featureManager.IsEnabledAsync("Recommendations") switch
                    {
                        true => engine.For(customer),
                        false => {|#0:new RecommendationEngine().For(customer)|},
                    };
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Unguarded(0, "RecommendationEngine.For", "Recommendations"));
    }

    [Fact]
    public async Task CreatingOrRegisteringAFlaggedTypeRunsNoneOfItsFlaggedCode()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;
            using Shop;

            public static class Composition
            {
                public static IServiceCollection AddShop(this IServiceCollection services) =>
                    services.AddSingleton(_ => new RecommendationEngine()).AddScoped<WalletPayments>();
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task ACallerThatItselfRequiresTheFlagIsGuarded()
    {
        const string source = """
            using Shop;

            public sealed class WalletCheckout(WalletPayments wallet)
            {
                [RequiresFeature(Flags.NewCheckout)]
                public void Pay(decimal amount) => wallet.ChargeWithWallet(amount);
            }

            [RequiresFeature("Recommendations")]
            public sealed class RecommendationsWidget
            {
                public string[] Render(string customer) => new RecommendationEngine().For(customer);
            }

            public sealed class Caller(WalletCheckout checkout)
            {
                public void Pay(decimal amount) => {|#0:checkout.Pay(amount)|};
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletCheckout.Pay", "NewCheckout"));
    }

    [Fact]
    public async Task FeatureGateOnTheControllerOrTheActionGuardsItsCode()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement.Mvc;
            using Shop;

            [FeatureGate(Flags.NewCheckout)]
            public sealed class WalletController(WalletPayments wallet) : Controller
            {
                [HttpPost]
                public IActionResult Pay(decimal amount)
                {
                    wallet.ChargeWithWallet(amount);
                    return Ok();
                }
            }

            public sealed class ShelfController(RecommendationEngine engine) : Controller
            {
                [FeatureGate(ShopFeatures.Recommendations)]
                public IActionResult Index(string customer) => View(engine.For(customer));

                public IActionResult Classic(string customer) => View({|#0:engine.For(customer)|});
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "RecommendationEngine.For", "Recommendations"));
    }

    [Fact]
    public async Task MinimalApiEndpointsAndGroupsWithFeatureGateGuardTheirHandlers()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.FeatureManagement.AspNetCore;
            using Shop;

            public static class CheckoutEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/wallet", (decimal amount, WalletPayments wallet) =>
                    {
                        wallet.ChargeWithWallet(amount);
                        return Results.Ok();
                    }).WithName("PayWithWallet").WithFeatureGate(Flags.NewCheckout);

                    var recommendations = app.MapGroup("/recommendations");
                    recommendations.WithFeatureGate("Recommendations");
                    recommendations.MapGet("/{customer}", (string customer, RecommendationEngine engine) => engine.For(customer));

                    app.MapGet("/shelf/{customer}", (string customer, RecommendationEngine engine) => {|#0:engine.For(customer)|});
                    app.MapPost("/beta-wallet", (decimal amount, WalletPayments wallet) => {|#1:wallet.ChargeWithWallet(amount)|}).WithFeatureGate(Flags.Beta);
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Unguarded(0, "RecommendationEngine.For", "Recommendations"),
            Unguarded(1, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task ALambdaInsideAGuardIsGuardedAndALocalFunctionIsGuardedWhenEveryCallIs()
    {
        const string source = """
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class Batch(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAllAsync(decimal[] amounts)
                {
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        amounts.ToList().ForEach(amount => wallet.ChargeWithWallet(amount));
                        Charge(amounts.Sum());
                    }

                    void Charge(decimal total) => wallet.ChargeWithWallet(total);
                }

                public async Task PayOnceAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        Charge(amount);
                    }

                    Charge(amount);

                    void Charge(decimal total) => {|#0:wallet.ChargeWithWallet(total)|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
    }

    [Fact]
    public async Task OpenFeatureAndOneOfAnyGateGuard()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            using OpenFeature;
            using Shop;

            public sealed class Storefront(IFeatureClient flags, IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (await flags.GetBooleanValueAsync(Flags.NewCheckout, defaultValue: false))
                    {
                        wallet.ChargeWithWallet(amount);
                    }
                }

                [FeatureGate(RequirementType.Any, "Beta", "Preview")]
                public void Preview() { }

                public async Task ShowAsync()
                {
                    if (await featureManager.IsEnabledAsync("Preview"))
                    {
                        Preview();
                    }

                    {|#0:Preview()|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Project, Unguarded(0, "Storefront.Preview", "Beta"));
    }

    [Fact]
    public async Task ANegatedGateRequiresNothing()
    {
        const string source = """
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;

            public sealed class Legacy
            {
                [FeatureGate(RequirementType.All, true, "NewCheckout")]
                public void OldCheckout() { }

                public void Run() => OldCheckout();
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task AConfiguredAttributeNameDeclaresARequirement()
    {
        const string source = """
            using System;
            using Microsoft.FeatureManagement;

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class NeedsFlagAttribute(string name) : Attribute
            {
                public string Name { get; } = name;
            }

            public sealed class Exporter(IFeatureManager featureManager)
            {
                [NeedsFlag("CsvExport")]
                public void ExportCsv() { }

                public void Export() => {|#0:ExportCsv()|};
            }
            """;

        var test = await Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>.CreateAsync(source, Unguarded(0, "Exporter.ExportCsv", "CsvExport"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nrelease_policy.flag_requirement_attributes = NeedsFlag\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ATestProjectCallsFlaggedCodeDirectlyOnPurpose()
    {
        const string source = """
            using Shop;
            using Xunit;

            public sealed class WalletPaymentsTests
            {
                [Fact]
                public void ChargesTheWallet() => new WalletPayments().ChargeWithWallet(10m);
            }
            """;

        var test = await Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>.CreateAsync(source);
        test.TestState.Sources.Add(("Project.cs", Project));
        test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutAnyFlagApiNothingIsAnalyzed()
    {
        const string source = """
            using System;

            public sealed class RequiresFeatureAttribute(string name) : Attribute
            {
                public string Name { get; } = name;
            }

            public sealed class Exporter
            {
                [RequiresFeature("CsvExport")]
                public void ExportCsv() { }

                public void Export() => ExportCsv();
            }
            """;

        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task CodeThatDoesNotCompileDoesNotBreakTheAnalyzer()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutService(IFeatureManager featureManager, WalletPayments wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync(Flags.NewCheckout))
                    {
                        wallet.ChargeWithWallet(amount);
                    }

                    if (await featureManager.IsEnabledAsync(Flags.Missing))
                    {
                        {|#0:wallet.ChargeWithWallet(amount)|};
                    }

                    wallet.ChargeWithWallet(
                }
            }
            """;

        var test = await Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>.CreateAsync(source, Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"));
        test.TestState.Sources.Add(("Project.cs", Project));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync();
    }
}
