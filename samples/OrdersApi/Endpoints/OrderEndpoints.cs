using Contoso.OrdersApi.Data;
using Microsoft.EntityFrameworkCore;

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
    }
}
