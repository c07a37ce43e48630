using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Flags;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.FlagDeclarationAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>RP2002 (undeclared, with a suggestion), RP2003 (expired), RP2005 (declared, never referenced) and RP2000 (the hidden inventory).</summary>
public sealed class FlagDeclarationTests
{
    private const string AppSettings = """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "FeatureManagement": {
            "NewCheckout": true,
            "Recommendations": {
              "EnabledFor": [ { "Name": "Percentage", "Parameters": { "Value": 50 } } ]
            }
          }
        }
        """;

    private static (string, string)[] Files(params (string, string)[] files) => files;

    [Fact]
    public async Task AMistypedNameIsReportedWithTheNearestDeclaredName()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public async Task<bool> UseWalletAsync() => await featureManager.IsEnabledAsync({|#0:"NewChekout"|});

                public async Task<bool> ShowShelfAsync() => await featureManager.IsEnabledAsync("Recommendations");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", AppSettings)),
            globalConfig: null,
            Verify.Diagnostic(FlagDeclarationAnalyzer.UndeclaredWithSuggestionRule).WithLocation(0).WithArguments("NewChekout", "NewCheckout"),
            // The flag the typo meant is, as far as the compilation can tell, never used.
            Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("appsettings.json", 4, 6, 4, 17).WithArguments("NewCheckout"));
    }

    [Fact]
    public async Task ANameCloseToNothingIsReportedWithoutASuggestion()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement.Mvc;

            [FeatureGate({|#0:"Payments"|})]
            public sealed class PaymentsController : Controller
            {
                public IActionResult Index() => View();
            }
            """;

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", AppSettings)),
            globalConfig: "dotnet_diagnostic.RP2005.severity = none\n",
            Verify.Diagnostic(FlagDeclarationAnalyzer.UndeclaredRule).WithLocation(0).WithArguments("Payments"));
    }

    [Fact]
    public async Task NamesDeclaredInAnyAppSettingsFileInAnyCaseOrByAFlagConstantsTypeAreDeclared()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class FeatureFlagsAttribute : Attribute { }

            [FeatureFlags]
            public static class Flags
            {
                public const string DarkMode = "DarkMode";
            }

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public async Task<bool> AnyAsync() =>
                    await featureManager.IsEnabledAsync("newcheckout")
                    || await featureManager.IsEnabledAsync("Beta")
                    || await featureManager.IsEnabledAsync(Flags.DarkMode);

                public static void Map(WebApplication app) => app.MapGet("/shelf", () => "shelf").WithFeatureGate("Recommendations");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", AppSettings), ("appsettings.Development.json", """{ "feature_management": { "feature_flags": [ { "id": "Beta", "enabled": true } ] } }""")),
            globalConfig: null);
    }

    [Fact]
    public async Task AFlagConstantsTypeMarkedWithAnAttributeFromASharedLibraryDeclaresItsFlags()
    {
        const string source = """
            using System.Threading.Tasks;
            using Contoso.Flags;
            using Microsoft.FeatureManagement;

            [FeatureFlags]
            public static class Flags
            {
                public const string DarkMode = "DarkMode";
            }

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public async Task<bool> AnyAsync() =>
                    await featureManager.IsEnabledAsync("Beta") || await featureManager.IsEnabledAsync(Flags.DarkMode);
            }
            """;
        const string library = """
            namespace Contoso.Flags;

            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class FeatureFlagsAttribute : System.Attribute { }
            """;
        var test = await Verify.CreateAsync(source);
        test.TestState.AdditionalFiles.Add(("appsettings.json", """{ "FeatureManagement": { "Beta": true } }"""));
        test.TestState.AdditionalProjects["Contoso.Flags"].Sources.Add(("FeatureFlagsAttribute.cs", library));
        test.TestState.AdditionalProjectReferences.Add("Contoso.Flags");
        await test.RunAsync();
    }

    [Fact]
    public async Task AConstantsClassNamedFeatureFlagsThatIsNoAttributeMarksNothing()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public static class FeatureFlags
            {
                public const string DarkMode = "DarkMode";
            }

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public async Task<bool> AnyAsync() =>
                    await featureManager.IsEnabledAsync("Beta") || await featureManager.IsEnabledAsync({|#0:FeatureFlags.DarkMode|});
            }
            """;

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", """{ "FeatureManagement": { "Beta": true } }""")),
            globalConfig: null,
            Verify.Diagnostic(FlagDeclarationAnalyzer.UndeclaredRule).WithLocation(0).WithArguments("DarkMode"));
    }

    [Fact]
    public async Task WithoutAnyFlagSourceNothingIsCalledUndeclared()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public Task<bool> BetaAsync() => featureManager.IsEnabledAsync("Beta");
            }
            """;

        await Verify.VerifyAsync(source, Files(("appsettings.json", """{ "Logging": { } }""")), globalConfig: null);
    }

    [Fact]
    public async Task AFlagsFileListedAsAFlagSourceDeclaresFlags()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public async Task<bool> AnyAsync() => await featureManager.IsEnabledAsync("Beta") || await featureManager.IsEnabledAsync({|#0:"Gama"|});
            }
            """;

        var test = await Verify.CreateAsync(
            source,
            Verify.Diagnostic(FlagDeclarationAnalyzer.UndeclaredWithSuggestionRule).WithLocation(0).WithArguments("Gama", "Gamma"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("/flags/release-flags.json", 1, 41, 1, 46).WithArguments("Gamma"));
        test.TestState.AdditionalFiles.Add(("/flags/release-flags.json", """{ "FeatureManagement": { "Beta": true, "Gamma": false } }"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n[/flags/release-flags.json]\nbuild_metadata.AdditionalFiles.ReleasePolicyFlagSource = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AFlagSourceThatIsNotJsonMakesNoNameUndeclared()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public Task<bool> BetaAsync() => featureManager.IsEnabledAsync("Beta");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", AppSettings), ("appsettings.Production.json", "{ \"FeatureManagement\": { \"Beta\": true ")),
            globalConfig: "dotnet_diagnostic.RP2005.severity = none\n");
    }

    /// <summary>A controller that checks and gates NewCheckout and checks Recommendations, both with an expiry.</summary>
    private const string ExpiringController = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.FeatureManagement;
        using Microsoft.FeatureManagement.Mvc;

        public sealed class CheckoutController(IFeatureManager featureManager) : Controller
        {
            public async Task<IActionResult> Index() => await featureManager.IsEnabledAsync({|#0:"NewCheckout"|}) ? View("New") : View();

            [FeatureGate({|#1:"NewCheckout"|})]
            public IActionResult Wallet() => View();

            public async Task<IActionResult> Shelf() => await featureManager.IsEnabledAsync("Recommendations") ? View() : NotFound();
        }
        """;

    private const string ExpiringFlags = """
        {
          "feature_management": {
            "feature_flags": [
              { "id": "NewCheckout", "enabled": true, "expires": "2026-10-01" },
              { "id": "Recommendations", "enabled": true, "expires": "2026-12-31" }
            ]
          }
        }
        """;

    [Fact]
    public async Task AFlagPastItsExpiryIsReportedWhereItIsReferenced()
    {
        await Verify.VerifyAsync(
            ExpiringController,
            Files(("appsettings.json", ExpiringFlags)),
            globalConfig: "release_policy.today = 2026-11-15\n",
            Verify.Diagnostic(FlagDeclarationAnalyzer.ExpiredRule).WithLocation(0).WithArguments("NewCheckout", "2026-10-01"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.ExpiredRule).WithLocation(1).WithArguments("NewCheckout", "2026-10-01"));
    }

    [Fact]
    public async Task TheHiddenInventoryListsEachFlagOnItsDeclarationWithReferencesAndExpiry()
    {
        await Verify.VerifyAsync(
            ExpiringController,
            Files(("appsettings.json", ExpiringFlags)),
            globalConfig: "release_policy.today = 2026-11-15\n",
            Verify.Diagnostic(FlagDeclarationAnalyzer.ExpiredRule).WithLocation(0).WithArguments("NewCheckout", "2026-10-01"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.ExpiredRule).WithLocation(1).WithArguments("NewCheckout", "2026-10-01"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.InventoryRule).WithSpan("appsettings.json", 4, 16, 4, 27)
                .WithArguments("NewCheckout", "declared in appsettings.json line 4, 2 reference(s), expired on 2026-10-01"),
            Verify.Diagnostic(FlagDeclarationAnalyzer.InventoryRule).WithSpan("appsettings.json", 5, 16, 5, 31)
                .WithArguments("Recommendations", "declared in appsettings.json line 5, 1 reference(s), expires on 2026-12-31"));
    }

    [Fact]
    public void AnInventoryDiagnosticCarriesTheManifestsFactsAsProperties()
    {
        var line = new Microsoft.CodeAnalysis.Text.LinePositionSpan(new(3, 15), new(3, 26));
        var declared = Location.Create("/src/Shop/appsettings.json", new Microsoft.CodeAnalysis.Text.TextSpan(60, 11), line);

        var expired = new FlagEntry("NewCheckout", declared, 2, new DateTime(2026, 10, 1), expired: true, undeclared: false).ToDiagnostic();
        var undeclared = new FlagEntry("Recomendations", Location.None, 1, expires: null, expired: false, undeclared: true).ToDiagnostic();

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Name"] = "NewCheckout", ["References"] = "2", ["DeclaredIn"] = "/src/Shop/appsettings.json", ["Line"] = "4",
                ["Expires"] = "2026-10-01", ["Expired"] = "true",
            }.OrderBy(p => p.Key),
            expired.Properties.OrderBy(p => p.Key));
        Assert.Equal(
            new Dictionary<string, string?> { ["Name"] = "Recomendations", ["References"] = "1", ["Undeclared"] = "true" }.OrderBy(p => p.Key),
            undeclared.Properties.OrderBy(p => p.Key));
        Assert.Equal("Feature flag 'Recomendations': declared in no flag source, 1 reference(s)", undeclared.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Hidden, expired.Severity);

        // Referenced, and no readable source says whether it is declared (none, or one that is not valid JSON).
        var unknown = new FlagEntry("Beta", Location.None, 3, expires: null, expired: false, undeclared: false).ToDiagnostic();
        Assert.Equal("Feature flag 'Beta': not found in a flag source that could be read, 3 reference(s)", unknown.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(unknown.Properties.ContainsKey("Undeclared"));
    }

    [Fact]
    public async Task AnExpiryOnAFlagConstantCounts()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class FeatureFlagsAttribute : Attribute { }

            [AttributeUsage(AttributeTargets.Field)]
            public sealed class FlagExpiresAttribute(string date) : Attribute
            {
                public string Date { get; } = date;
            }

            [FeatureFlags]
            public static class Flags
            {
                [FlagExpires("2026-06-30")]
                public const string SummerSale = "SummerSale";

                public const string DarkMode = "DarkMode";
            }

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public async Task<bool> AnyAsync() =>
                    await featureManager.IsEnabledAsync({|#0:Flags.SummerSale|}) || await featureManager.IsEnabledAsync(Flags.DarkMode);
            }
            """;

        await Verify.VerifyAsync(
            source,
            Files(),
            globalConfig: "release_policy.today = 2026-07-01\n",
            Verify.Diagnostic(FlagDeclarationAnalyzer.ExpiredRule).WithLocation(0).WithArguments("SummerSale", "2026-06-30"));
    }

    [Fact]
    public async Task ADeclaredFlagNothingReferencesIsReportedOnItsLineInAppSettings()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public Task<bool> UseWalletAsync() => featureManager.IsEnabledAsync("NewCheckout");
            }
            """;

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", AppSettings)),
            globalConfig: null,
            Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("appsettings.json", 5, 6, 5, 21).WithArguments("Recommendations"));
    }

    /// <summary>
    /// RP2005 and RP2000 are reported on appsettings.json, which a <c>[*.cs]</c> section of .editorconfig does not
    /// cover: their severity is set in a .globalconfig, as their pages say.
    /// </summary>
    [Theory]
    [InlineData("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.RP2005.severity = none\n", true)]
    [InlineData("/.globalconfig", "is_global = true\ndotnet_diagnostic.RP2005.severity = none\n", false)]
    public async Task ADiagnosticOnAppSettingsIsConfiguredByTheGlobalConfigNotACSharpSection(string path, string config, bool reported)
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class CheckoutService(IFeatureManager featureManager)
            {
                public Task<bool> UseWalletAsync() => featureManager.IsEnabledAsync("NewCheckout");
            }
            """;
        var test = reported
            ? await Verify.CreateAsync(source, Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("appsettings.json", 5, 6, 5, 21).WithArguments("Recommendations"))
            : await Verify.CreateAsync(source);
        test.TestState.AdditionalFiles.Add(("appsettings.json", AppSettings));
        test.TestState.AnalyzerConfigFiles.Add((path, config));
        await test.RunAsync();
    }

    [Fact]
    public async Task AFlagNamedInAnyStringOrConfigurationKeyOrByItsConstantIsReferenced()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.FeatureManagement;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class FeatureFlagsAttribute : Attribute { }

            [FeatureFlags]
            public static class Flags
            {
                public const string DarkMode = "DarkMode";
                public const string {|#0:Unused|} = "Unused";
            }

            public sealed class Storefront(IFeatureManager featureManager, IConfiguration configuration)
            {
                public Task<bool> CheckoutAsync() => featureManager.IsEnabledAsync("NewCheckout");

                public string Percentage => configuration["FeatureManagement:Recommendations:EnabledFor:0:Parameters:Value"] ?? "0";

                public bool DarkMode(string flag) => flag == Flags.DarkMode;
            }
            """;
        const string settings = """{ "FeatureManagement": { "NewCheckout": true, "Recommendations": true } }""";

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", settings)),
            globalConfig: null,
            Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithLocation(0).WithArguments("Unused"));
    }

    [Fact]
    public async Task AHyphenatedFlagWrittenInAStringIsReferencedAndItsPartsAreNot()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.FeatureManagement;

            public sealed class Storefront(IFeatureManager featureManager)
            {
                public Task<bool> CheckoutAsync() => featureManager.IsEnabledAsync("new-checkout");

                public string Banner => "dark" + "mode";
            }
            """;
        const string settings = """{ "FeatureManagement": { "new-checkout": true, "dark-mode": true } }""";

        await Verify.VerifyAsync(
            source,
            Files(("appsettings.json", settings)),
            globalConfig: null,
            Verify.Diagnostic(FlagDeclarationAnalyzer.UnreferencedRule).WithSpan("appsettings.json", 1, 49, 1, 58).WithArguments("dark-mode"));
    }

    [Fact]
    public async Task AProjectThatChecksNoFlagReportsNoUnreferencedFlags()
    {
        const string source = """
            using Microsoft.FeatureManagement;

            public sealed class Host(IFeatureManager featureManager)
            {
                public IFeatureManager Features { get; } = featureManager;
            }
            """;

        await Verify.VerifyAsync(source, Files(("appsettings.json", AppSettings)), globalConfig: null);
    }
}
