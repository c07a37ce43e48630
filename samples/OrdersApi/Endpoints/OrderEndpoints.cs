using Contoso.OrdersApi.Checkout;
using Contoso.OrdersApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.AspNetCore;

namespace Contoso.OrdersApi.Endpoints;

public static class OrderEndpoints
{
    public static void MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders");

        orders.MapGet("/{id:int}", async (int id, OrdersDbContext db) =>
            await db.Orders.FindAsync(id) is { } order
                ? Results.Ok(order)
                : Results.Problem(statusCode: 404, title: "Order not found", detail: $"There is no order {id}."));

        orders.MapPost("/{id:int}/cancel", async (int id, OrdersDbContext db) =>
        {
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id);
            if (order is null)
            {
                return Results.NotFound();
            }

            order.Status = OrderStatus.Cancelled;
            await db.SaveChangesAsync();
            return Results.NoContent();
        });

        // Behind its flag: the whole endpoint is gated.
        orders.MapPost("/cancel", async (int[] ids, OrdersDbContext db) =>
        {
            var cancelled = await db.Orders.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, OrderStatus.Cancelled));
            return Results.Ok(new { cancelled });
        }).WithFeatureGate(FeatureFlags.BulkCancellation);

        // Guarded: the new checkout runs only where its flag is on.
        orders.MapPost("/{id:int}/checkout", async (int id, IFeatureManager features, CheckoutService checkout) =>
            Results.Ok(await features.IsEnabledAsync(FeatureFlags.NewCheckout)
                ? await checkout.StartNewCheckoutAsync(id)
                : await checkout.StartClassicCheckoutAsync(id)));

        // Deliberately unguarded (RP2001): the express path reaches the new checkout without checking its flag.
        orders.MapPost("/{id:int}/express-checkout", async (int id, CheckoutService checkout) =>
            Results.Ok(await checkout.StartNewCheckoutAsync(id)));

        // Deliberate leak (RP3001): the problem details name the internal database host.
        orders.MapGet("/health", async (OrdersDbContext db) =>
            await db.Database.CanConnectAsync()
                ? Results.Ok()
                : Results.Problem(statusCode: 503, title: "Orders are unavailable", detail: "Cannot reach orders-sql.corp, try again later."));
    }
}
