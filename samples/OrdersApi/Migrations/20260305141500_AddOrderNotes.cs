using Contoso.OrdersApi.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Contoso.OrdersApi.Migrations;

// Broken on purpose: there is no Down, so this release cannot be rolled back past this migration (RP1001).
[DbContext(typeof(OrdersDbContext))]
[Migration("20260305141500_AddOrderNotes")]
public partial class AddOrderNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "Notes",
            table: "Orders",
            maxLength: 2000,
            nullable: true);
    }
}
