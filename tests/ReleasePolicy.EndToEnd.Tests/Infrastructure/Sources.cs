namespace ReleasePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>Source files fixtures share.</summary>
internal static class Sources
{
    /// <summary>
    /// The slice of EF Core's migration API the analyzers look at, declared in EF Core's namespace so the analyzers see
    /// what they would see with the real package (the sample project uses the real one).
    /// </summary>
    public const string EfCoreMigrationApi = """
        namespace Microsoft.EntityFrameworkCore.Migrations
        {
            public class MigrationBuilder
            {
                public void CreateTable(string name) { }
                public void DropTable(string name) { }
                public void AddColumn<T>(string name, string table) { }
                public void DropColumn(string name, string table) { }
            }

            public abstract class Migration
            {
                protected abstract void Up(MigrationBuilder migrationBuilder);
                protected virtual void Down(MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    public const string ReversibleMigration = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Contoso.Migrations;

        public class CreateOrders : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(name: "Orders");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Orders");
            }
        }
        """;

    public const string MigrationWithoutDown = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Contoso.Migrations;

        public class AddOrderNotes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<string>(name: "Notes", table: "Orders");
            }
        }
        """;
}
