using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Flags;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.FlagCheckAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>RP2004 (a key that is not a compile-time constant) and RP2006 (a check whose result is lost).</summary>
public sealed class FlagCheckTests
{
    private const string Project = """
        namespace Shop;

        public static class Flags
        {
            public const string NewCheckout = "NewCheckout";
        }

        public enum ShopFeatures
        {
            Recommendations,
        }
        """;

    [Fact]
    public async Task KeysTheCompilerKnowsAreNotReported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using OpenFeature;
            using Shop;

            public sealed class Storefront(IFeatureManager featureManager, IVariantFeatureManager variants, IFeatureClient client)
            {
                private const string Local = "Local" + "Checkout";

                public async Task<bool> AnyAsync() =>
                    await featureManager.IsEnabledAsync(Flags.NewCheckout)
                    || await featureManager.IsEnabledAsync("Beta")
                    || await featureManager.IsEnabledAsync(nameof(ShopFeatures.Recommendations))
                    || await featureManager.IsEnabledAsync(ShopFeatures.Recommendations.ToString())
                    || await featureManager.IsEnabledAsync(Local)
                    || await variants.IsEnabledAsync(Flags.NewCheckout)
                    || await client.GetBooleanValueAsync("Beta", false);
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task ConcatenatedInterpolatedAndParameterKeysAreReportedNamingTheApi()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using OpenFeature;

            public sealed class TenantFeatures(IFeatureManager featureManager, IFeatureClient client)
            {
                public Task<bool> ForTenantAsync(string tenant) => featureManager.IsEnabledAsync({|#0:"Checkout-" + tenant|});

                public Task<bool> ForRegionAsync(string region) => featureManager.IsEnabledAsync({|#1:$"Checkout.{region}"|});

                public Task<string> ThemeAsync(string key) => client.GetStringValueAsync({|#2:key|}, "light");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Verify.Diagnostic(FlagCheckAnalyzer.NonConstantKeyRule).WithLocation(0).WithArguments("IFeatureManager.IsEnabledAsync"),
            Verify.Diagnostic(FlagCheckAnalyzer.NonConstantKeyRule).WithLocation(1).WithArguments("IFeatureManager.IsEnabledAsync"),
            Verify.Diagnostic(FlagCheckAnalyzer.NonConstantKeyRule).WithLocation(2).WithArguments("IFeatureClient.GetStringValueAsync"));
    }

    [Fact]
    public async Task AConfiguredCheckMethodIsACheckAndMayPassItsOwnParameterOn()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            namespace Contoso.Flags
            {
                public interface IFeatureService
                {
                    Task<bool> IsEnabledAsync(string flag);
                }

                public sealed class FeatureService(IFeatureManager featureManager) : IFeatureService
                {
                    public Task<bool> IsEnabledAsync(string flag) => featureManager.IsEnabledAsync(flag);
                }

                public sealed class Banner(IFeatureService features)
                {
                    public async Task<string> TextAsync(string campaign) => await features.IsEnabledAsync({|#0:"Banner" + campaign|}) ? "New!" : "";
                }
            }
            """;

        var test = await Verify.CreateAsync(
            source,
            Verify.Diagnostic(FlagCheckAnalyzer.NonConstantKeyRule).WithLocation(0).WithArguments("IFeatureService.IsEnabledAsync"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nrelease_policy.flag_check_methods = Contoso.Flags.IFeatureService.IsEnabledAsync\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AResultThrownAwayIsReported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using OpenFeature;
            using Shop;

            public sealed class Warmup(IFeatureManager featureManager, IFeatureClient client)
            {
                public async Task RunAsync()
                {
                    {|#0:featureManager.IsEnabledAsync(Flags.NewCheckout)|};
                    _ = {|#1:featureManager.IsEnabledAsync("Beta")|};
                    await {|#2:featureManager.IsEnabledAsync("Beta")|}.ConfigureAwait(false);
                    await {|#3:client.GetBooleanDetailsAsync("Beta", false)|};
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Verify.Diagnostic(FlagCheckAnalyzer.DiscardedRule).WithLocation(0).WithArguments("IFeatureManager.IsEnabledAsync", "NewCheckout"),
            Verify.Diagnostic(FlagCheckAnalyzer.DiscardedRule).WithLocation(1).WithArguments("IFeatureManager.IsEnabledAsync", "Beta"),
            Verify.Diagnostic(FlagCheckAnalyzer.DiscardedRule).WithLocation(2).WithArguments("IFeatureManager.IsEnabledAsync", "Beta"),
            Verify.Diagnostic(FlagCheckAnalyzer.DiscardedRule).WithLocation(3).WithArguments("IFeatureClient.GetBooleanDetailsAsync", "Beta"));
    }

    [Fact]
    public async Task ACheckTestedForCompletionOrBlockedOnInAWebAppIsReported()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class CheckoutController(IFeatureManager featureManager) : Controller
            {
                public IActionResult Index()
                {
                    var pending = {|#0:featureManager.IsEnabledAsync(Flags.NewCheckout)|};
                    if (pending.IsCompleted)
                    {
                        return View("NewCheckout");
                    }

                    return {|#1:featureManager.IsEnabledAsync("Beta")|}.Result ? View("Beta") : View();
                }

                public IActionResult Classic() =>
                    {|#2:featureManager.IsEnabledAsync("Beta")|}.GetAwaiter().GetResult() ? View("Beta") : View();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Verify.Diagnostic(FlagCheckAnalyzer.NotAwaitedRule).WithLocation(0)
                .WithArguments("IFeatureManager.IsEnabledAsync", "NewCheckout", "'.IsCompleted' tells whether the check finished, not whether the flag is on"),
            Verify.Diagnostic(FlagCheckAnalyzer.NotAwaitedRule).WithLocation(1)
                .WithArguments("IFeatureManager.IsEnabledAsync", "Beta", "'.Result' blocks a request thread until the check finishes"),
            Verify.Diagnostic(FlagCheckAnalyzer.NotAwaitedRule).WithLocation(2)
                .WithArguments("IFeatureManager.IsEnabledAsync", "Beta", "'.GetAwaiter().GetResult()' blocks a request thread until the check finishes"));
    }

    [Fact]
    public async Task ChecksAwaitedReturnedOrStartedEarlyAndAwaitedLaterAreFine()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;
            using Shop;

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public Task<bool> NewCheckoutAsync() => featureManager.IsEnabledAsync(Flags.NewCheckout);

                public async Task<string> BannerAsync()
                {
                    var beta = featureManager.IsEnabledAsync("Beta");
                    var checkout = featureManager.IsEnabledAsync(Flags.NewCheckout);
                    await Task.WhenAll(beta, checkout);
                    if (checkout.IsCompleted && await beta)
                    {
                        return "beta";
                    }

                    return await featureManager.IsEnabledAsync(Flags.NewCheckout).ConfigureAwait(false) ? "new" : "classic";
                }
            }
            """;

        await Verify.VerifyAsync(source, Project);
    }

    [Fact]
    public async Task BlockingOutsideAWebAppIsLeftAlone()
    {
        const string source = """
            using Microsoft.FeatureManagement;

            public static class Tool
            {
                public static int Main(IFeatureManager featureManager) =>
                    featureManager.IsEnabledAsync("Beta").GetAwaiter().GetResult() ? 0 : 1;
            }
            """;

        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<FlagCheckAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("FeatureManagement.cs", """
            namespace Microsoft.FeatureManagement
            {
                public interface IFeatureManager
                {
                    System.Threading.Tasks.Task<bool> IsEnabledAsync(string feature);
                }
            }
            """));
        await test.RunAsync();
    }
}
