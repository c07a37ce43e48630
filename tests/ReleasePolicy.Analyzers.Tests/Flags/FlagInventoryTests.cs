using ReleasePolicy.Analyzers.Flags;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.FlagInventoryWriter>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>
/// The feature-flag inventory (the manifest's <c>featureFlags</c>): what <see cref="FlagInventoryWriter"/> writes for
/// a web project, through the same test harness as the flag rules, with the file option the SDK gives it.
/// </summary>
public sealed class FlagInventoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rp-flag-inventory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EveryDeclaredAndReferencedFlagIsListedWithReferencesExpiryAndTheFindingsTheBuildReports()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;

            public static class Flags
            {
                public const string NewCheckout = "NewCheckout";
            }

            public sealed class CheckoutController(IFeatureManager featureManager) : Controller
            {
                public async Task<IActionResult> Index() =>
                    await featureManager.IsEnabledAsync(Flags.NewCheckout) ? View("Wallet") : View();

                [FeatureGate(Flags.NewCheckout)]
                public IActionResult Wallet() => View();

                public async Task<IActionResult> Shelf() =>
                    await featureManager.IsEnabledAsync("Recomendations") ? View() : NotFound();
            }
            """;
        const string settings = """
            {
              "feature_management": {
                "feature_flags": [
                  { "id": "NewCheckout", "enabled": true, "expires": "2026-10-01" },
                  { "id": "Recommendations", "enabled": true, "expires": "2026-12-31" },
                  { "id": "DarkMode", "enabled": false }
                ]
              }
            }
            """;
        var file = Path.Combine(_folder, "flag-inventory.txt");

        // Where the writer runs it reports the flag rules too (the rule analyzers stand aside): what the build shows.
        await Verify.VerifyAsync(
            source,
            [("/0/appsettings.json", settings)],
            $"release_policy.today = 2026-11-15\n{FlagInventoryWriter.FileOption} = {file}\n",
            Verify.Diagnostic(FlagDeclarationAnalyzer.ExpiredRule).WithSpan(14, 45, 14, 62).WithArguments("NewCheckout", "2026-10-01"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.ExpiredRule).WithSpan(16, 18, 16, 35).WithArguments("NewCheckout", "2026-10-01"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.UndeclaredWithSuggestionRule).WithSpan(20, 45, 20, 61).WithArguments("Recomendations", "Recommendations"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("/0/appsettings.json", 5, 16, 5, 31).WithArguments("Recommendations"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("/0/appsettings.json", 6, 16, 6, 24).WithArguments("DarkMode"));

        Assert.Equal(
            """
            // ReleasePolicy inventory, format 2
            // Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.
            //{"flag":{"name":"DarkMode","references":0,"path":"/0/appsettings.json","line":6}}
            //{"flag":{"name":"NewCheckout","references":2,"expires":"2026-10-01","expired":true,"path":"/0/appsettings.json","line":4}}
            //{"flag":{"name":"Recomendations","references":1,"undeclared":true}}
            //{"flag":{"name":"Recommendations","references":0,"expires":"2026-12-31","path":"/0/appsettings.json","line":5}}
            //{"finding":{"rule":"RP2003","severity":"warning","message":"Feature flag 'NewCheckout' expired on 2026-10-01 and is still referenced here; remove the flag and the code path it no longer needs, or extend its expiry","path":"/0/Test0.cs","line":14}}
            //{"finding":{"rule":"RP2003","severity":"warning","message":"Feature flag 'NewCheckout' expired on 2026-10-01 and is still referenced here; remove the flag and the code path it no longer needs, or extend its expiry","path":"/0/Test0.cs","line":16}}
            //{"finding":{"rule":"RP2002","severity":"warning","message":"Feature flag 'Recomendations' is not declared in any flag source; did you mean 'Recommendations'?","path":"/0/Test0.cs","line":20}}
            //{"end":{"migrations":0,"flags":4,"findings":3}}

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(file));
    }

    [Fact]
    public async Task UnguardedRequirementsNonConstantKeysAndDiscardedChecksReachTheInventoryAsTheyReachTheBuild()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
            public sealed class RequiresFeatureAttribute(string flag) : Attribute
            {
                public string Flag { get; } = flag;
            }

            public sealed class BulkCancellation
            {
                [RequiresFeature("BulkCancellation")]
                public Task CancelAllAsync(int customerId) => Task.CompletedTask;
            }

            public sealed class OrdersService(IFeatureManager features, BulkCancellation bulk)
            {
                public Task CancelEverythingAsync(int customerId) => bulk.CancelAllAsync(customerId);

                public async Task<bool> IsOnAsync(string name) => await features.IsEnabledAsync(name);

                public void Warm() => _ = features.IsEnabledAsync("BulkCancellation");
            }
            """;
        var file = Path.Combine(_folder, "flag-inventory.txt");

        await Verify.VerifyAsync(
            source,
            [],
            $"{FlagInventoryWriter.FileOption} = {file}\n",
            Verify.Diagnostic(UnguardedFlagRequirementAnalyzer.Rule).WithSpan(19, 58, 19, 89).WithArguments("BulkCancellation.CancelAllAsync", "BulkCancellation"),
            Verify.Diagnostic(FlagCheckAnalyzer.NonConstantKeyRule).WithSpan(21, 85, 21, 89).WithArguments("IFeatureManager.IsEnabledAsync"),
            Verify.Diagnostic(FlagCheckAnalyzer.DiscardedRule).WithSpan(23, 31, 23, 74).WithArguments("IFeatureManager.IsEnabledAsync", "BulkCancellation"));

        var inventory = File.ReadAllText(file);
        Assert.Contains("""{"finding":{"rule":"RP2001","severity":"warning","message":"'BulkCancellation.CancelAllAsync' requires feature flag 'BulkCancellation'""", inventory);
        Assert.Contains("""{"finding":{"rule":"RP2004",""", inventory);
        Assert.Contains("""{"finding":{"rule":"RP2006",""", inventory);
        Assert.EndsWith("""//{"end":{"migrations":0,"flags":1,"findings":3}}""" + "\n", inventory);
    }

    [Fact]
    public async Task AFindingTurnedOffInTheConfigIsLeftOutAndAProjectWithoutSourcesCallsNothingUndeclared()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class Banner(IFeatureManager features)
            {
                public Task<bool> ShowAsync() => features.IsEnabledAsync("HolidayBanner");
            }
            """;
        var file = Path.Combine(_folder, "flag-inventory.txt");

        await Verify.VerifyAsync(source, [], $"{FlagInventoryWriter.FileOption} = {file}\n");

        Assert.Equal(
            """
            // ReleasePolicy inventory, format 2
            // Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.
            //{"flag":{"name":"HolidayBanner","references":1}}
            //{"end":{"migrations":0,"flags":1,"findings":0}}

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(file));
    }

    [Fact]
    public async Task WithoutTheFileOptionNothingIsWritten()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class Banner(IFeatureManager features)
            {
                public Task<bool> ShowAsync() => features.IsEnabledAsync("HolidayBanner");
            }
            """;

        await Verify.VerifyAsync(source, [], globalConfig: null);

        Assert.Empty(Directory.GetFiles(_folder));
    }
}
