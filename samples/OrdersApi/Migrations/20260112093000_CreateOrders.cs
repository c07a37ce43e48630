using Contoso.OrdersApi.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Contoso.OrdersApi.Migrations;

// A migration that can be rolled back: Down reverses every operation in Up.
[DbContext(typeof(OrdersDbContext))]
[Migration("20260112093000_CreateOrders")]
public partial class CreateOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Orders",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                CustomerEmail = table.Column<string>(maxLength: 320, nullable: false),
                Total = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Status = table.Column<int>(nullable: false),
                PlacedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));

        migrationBuilder.CreateIndex(
            name: "IX_Orders_CustomerEmail",
            table: "Orders",
            column: "CustomerEmail");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Orders_CustomerEmail", table: "Orders");
        migrationBuilder.DropTable(name: "Orders");
    }
}
