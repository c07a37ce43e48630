namespace Contoso.OrdersApi.Data;

public sealed class Order
{
    public int Id { get; set; }

    public required string CustomerEmail { get; set; }

    public decimal Total { get; set; }

    public OrderStatus Status { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public string? Notes { get; set; }
}

public enum OrderStatus
{
    Placed,
    Shipped,
    Cancelled,
}
