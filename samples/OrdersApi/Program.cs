using Contoso.OrdersApi.Data;
using Contoso.OrdersApi.Endpoints;

var builder = WebApplication.CreateBuilder(args);

// The sample carries no database provider package; a real service calls UseSqlServer or UseNpgsql here.
builder.Services.AddDbContext<OrdersDbContext>();

var app = builder.Build();
app.MapOrders();
app.Run();
