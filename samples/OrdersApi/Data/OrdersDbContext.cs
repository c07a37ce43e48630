using Microsoft.EntityFrameworkCore;

namespace Contoso.OrdersApi.Data;

public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.Property(o => o.CustomerEmail).HasMaxLength(320);
            order.Property(o => o.Total).HasPrecision(18, 2);
            order.HasIndex(o => o.CustomerEmail);
        });
    }
}
