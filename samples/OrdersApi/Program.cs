using Contoso.OrdersApi.Checkout;
using Contoso.OrdersApi.Data;
using Contoso.OrdersApi.Endpoints;
using Microsoft.FeatureManagement;

var builder = WebApplication.CreateBuilder(args);

// The sample carries no database provider package; a real service calls UseSqlServer or UseNpgsql here.
builder.Services.AddDbContext<OrdersDbContext>();
builder.Services.AddFeatureManagement();
builder.Services.AddSingleton<CheckoutService>();

var app = builder.Build();

// Exception details for developers only: the guard keeps RP3005 quiet.
if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}

app.MapOrders();
app.Run();
