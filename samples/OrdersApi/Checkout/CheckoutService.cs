namespace Contoso.OrdersApi.Checkout;

public sealed class CheckoutService
{
    public Task<string> StartClassicCheckoutAsync(int orderId) => Task.FromResult($"classic:{orderId}");

    /// <summary>The new wallet checkout, dark-launched behind its flag.</summary>
    [RequiresFeature(FeatureFlags.NewCheckout)]
    public Task<string> StartNewCheckoutAsync(int orderId) => Task.FromResult($"wallet:{orderId}");
}
