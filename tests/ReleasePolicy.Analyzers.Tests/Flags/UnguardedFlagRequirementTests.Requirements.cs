using Microsoft.CodeAnalysis.Testing;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>RP2001: which attributes declare a requirement, and where they may come from.</summary>
public sealed partial class UnguardedFlagRequirementTests
{
    [Fact]
    public async Task AnAnyOfGateGuaranteesNoneOfItsFlagsButSatisfiesAnAnyOfRequirementAmongThem()
    {
        const string source = """
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.Mvc;
            using Shop;

            public sealed class PreviewPages(WalletPayments wallet)
            {
                // Runs when Beta is on and NewCheckout off: the wallet needs NewCheckout itself.
                [FeatureGate(RequirementType.Any, Flags.Beta, Flags.NewCheckout)]
                public void Checkout() => {|#0:wallet.ChargeWithWallet(1m)|};

                [FeatureGate(RequirementType.Any, "Beta", "Preview", "NewCheckout")]
                public string Teaser() => "Try the new checkout";

                // One of Beta and Preview is on here, and either is enough for the teaser.
                [FeatureGate(RequirementType.Any, "Beta", "Preview")]
                public string Landing() => Teaser();

                [FeatureGate("Preview")]
                public string Lab() => Teaser();

                // Beta, Preview or Legacy: Legacy is not enough for the teaser.
                [FeatureGate(RequirementType.Any, "Beta", "Preview", "Legacy")]
                public string Archive() => {|#1:Teaser()|};

                public string Home() => {|#2:Teaser()|};
            }
            """;

        await Verify.VerifyAsync(
            source,
            Project,
            Unguarded(0, "WalletPayments.ChargeWithWallet", "NewCheckout"),
            Unguarded(1, "PreviewPages.Teaser", "Beta"),
            Unguarded(2, "PreviewPages.Teaser", "Beta"));
    }

    [Fact]
    public async Task TheRequiresFeatureFlagAttributeNameDeclaresARequirement()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Contoso.Flags;
            using Microsoft.FeatureManagement;

            namespace Contoso.Flags
            {
                [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
                public sealed class RequiresFeatureFlagAttribute(string flag) : Attribute
                {
                    public string Flag { get; } = flag;
                }
            }

            public sealed class Exporter(IFeatureManager featureManager)
            {
                [RequiresFeatureFlag("CsvExport")]
                public void ExportCsv() { }

                [RequiresFeatureFlag("CsvExport")]
                public string Delimiter => ";";

                public async Task ExportAsync()
                {
                    if (await featureManager.IsEnabledAsync("CsvExport"))
                    {
                        ExportCsv();
                    }

                    {|#0:ExportCsv()|};
                }

                [RequiresFeatureFlag("CsvExport")]
                public void ExportAll() => ExportCsv();
            }

            public sealed class Report(Exporter exporter)
            {
                public string Separator() => {|#1:exporter.Delimiter|};
            }
            """;

        await Verify.VerifyAsync(
            source,
            Unguarded(0, "Exporter.ExportCsv", "CsvExport"),
            Unguarded(1, "Exporter.Delimiter", "CsvExport"));
    }

    [Fact]
    public async Task ARequirementDeclaredInAReferencedLibraryIsCheckedInTheApp()
    {
        // The attribute type in one library, applied in another: what the app calls is still flagged.
        const string attributes = """
            namespace Contoso.Flags;

            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property)]
            public sealed class RequiresFeatureAttribute(string flag) : System.Attribute
            {
                public string Flag { get; } = flag;
            }
            """;
        const string payments = """
            using Contoso.Flags;

            namespace Contoso.Payments;

            public sealed class Wallet
            {
                [RequiresFeature("NewCheckout")]
                public decimal Balance { get; set; }

                [RequiresFeature("NewCheckout")]
                public void Charge(decimal amount) { }
            }
            """;
        const string source = """
            using System.Threading.Tasks;
            using Contoso.Payments;
            using Microsoft.FeatureManagement;

            public sealed class Checkout(IFeatureManager featureManager, Wallet wallet)
            {
                public async Task PayAsync(decimal amount)
                {
                    if (await featureManager.IsEnabledAsync("NewCheckout"))
                    {
                        wallet.Charge(amount);
                    }

                    {|#0:wallet.Charge(amount)|};
                    _ = {|#1:wallet.Balance|};
                }
            }
            """;

        var test = await Verify.CreateAsync(
            source,
            Unguarded(0, "Wallet.Charge", "NewCheckout"),
            Unguarded(1, "Wallet.Balance", "NewCheckout"));
        test.TestState.AdditionalProjects["Contoso.Flags"].Sources.Add(("RequiresFeatureAttribute.cs", attributes));
        test.TestState.AdditionalProjects["Contoso.Payments"].Sources.Add(("Wallet.cs", payments));
        test.TestState.AdditionalProjects["Contoso.Payments"].AdditionalProjectReferences.Add("Contoso.Flags");
        test.TestState.AdditionalProjectReferences.Add("Contoso.Payments");
        test.TestState.AdditionalProjectReferences.Add("Contoso.Flags");
        await test.RunAsync();
    }
}
