using Microsoft.CodeAnalysis.Testing;
using Verify = ReleasePolicy.Analyzers.Tests.Verification.FlagAnalyzerVerifier<ReleasePolicy.Analyzers.Flags.UnguardedFlagRequirementAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Flags;

/// <summary>RP2001: where requirement attributes may come from.</summary>
public sealed partial class UnguardedFlagRequirementTests
{
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
