namespace Contoso.OrdersApi.Checkout;

/// <summary>Marks code that may only run while its feature flag is on; ReleasePolicy checks every call (RP2001).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Constructor)]
public sealed class RequiresFeatureAttribute(string feature) : Attribute
{
    public string Feature { get; } = feature;
}

/// <summary>The flags this service declares in appsettings.json under FeatureManagement.</summary>
public static class FeatureFlags
{
    public const string NewCheckout = "NewCheckout";
    public const string BulkCancellation = "BulkCancellation";
}
