using ReleasePolicy.Analyzers.Leaks;
using Verify = ReleasePolicy.Analyzers.Tests.Leaks.LeakVerifier<ReleasePolicy.Analyzers.Leaks.LeakInventoryWriter>;

namespace ReleasePolicy.Analyzers.Tests.Leaks;

/// <summary>
/// The leak inventory (RP3001-RP3006 findings for the manifest): what <see cref="LeakInventoryWriter"/> writes with
/// the file option the SDK gives it, from the leak rules' own code, with the severities the build gives them.
/// </summary>
public sealed class LeakInventoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rp-leak-inventory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheLeakRulesFindingsAreWrittenWithTheSeverityTheBuildGivesThemAndPragmaDisabledOnesAreLeftOut()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            internal static class Messages
            {
                public const string Outage = "Payments are down, see OPS-4211";
            }

            public static class OrderEndpoints
            {
                private const string Orders = "Server=sql01.corp;Database=Orders;User Id=app;Password=Winter2024!;";

                public static void Map(WebApplication app)
                {
                    app.MapGet("/pay", () => Results.Problem(Messages.Outage));
                    app.MapGet("/health", () => Results.Text("Upstream " + "cache.internal" + " is slow", "text/plain"));
            #pragma warning disable RP3006 // the support team asked for the path while the migration runs
                    app.MapGet("/orders/{id}", (int id) => Results.NotFound(new { error = $"Order {id} not found in C:\\Users\\build\\orders.db" }));
            #pragma warning restore RP3006
                }
            }
            """;
        var file = Path.Combine(_folder, "leak-inventory.txt");

        await Verify.VerifyAsync(source, $"{LeakInventoryWriter.FileOption} = {file}\ndotnet_diagnostic.RP3001.severity = error\n");

        Assert.Equal(
            """
            // ReleasePolicy inventory, format 2
            // Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.
            //{"finding":{"rule":"RP3003","severity":"warning","message":"String literal contains a credential ('Password=***'); move the secret to configuration or a secret store, and rotate it","path":"/0/Test0.cs","line":11}}
            //{"finding":{"rule":"RP3004","severity":"warning","message":"Internal ticket reference 'OPS-4211' reaches users through Results.Problem; say what changed in the user's words instead","path":"/0/Test0.cs","line":15}}
            //{"finding":{"rule":"RP3001","severity":"error","message":"Internal host 'cache.internal' reaches users through Results.Text; show a public name or a generic message, and keep the host in the logs","path":"/0/Test0.cs","line":16}}
            //{"end":{"migrations":0,"flags":0,"findings":3}}

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(file));
    }

    [Fact]
    public async Task WithoutTheFileOptionNothingIsWritten()
    {
        await Verify.VerifyAsync("""
            public static class Database
            {
                public const string Orders = "Server=sql01.corp;Database=Orders;User Id=app;Password=Winter2024!;";
            }
            """);

        Assert.Empty(Directory.GetFiles(_folder));
    }
}
