using Microsoft.CodeAnalysis.Testing;
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

        // Where the writer runs it reports the leak rules too (the rule analyzers stand aside): what the build shows.
        // (Severities from the configuration are checked through the compiler itself: the migration inventory tests
        // and the end-to-end leak tests; this harness does not apply a global config's severities to what it reports.)
        await Verify.VerifyAsync(
            source,
            $"{LeakInventoryWriter.FileOption} = {file}\n",
            new DiagnosticResult(CredentialLiteralAnalyzer.Rule).WithSpan(11, 35, 11, 104).WithArguments("'Password=***'"),
            new DiagnosticResult(UserFacingStringAnalyzer.TicketReference).WithSpan(15, 50, 15, 65).WithArguments("'OPS-4211'", "Results.Problem"),
            new DiagnosticResult(UserFacingStringAnalyzer.InternalHost).WithSpan(16, 50, 16, 93).WithArguments("'cache.internal'", "Results.Text"));

        Assert.Equal(
            """
            // ReleasePolicy inventory, format 2
            // Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.
            //{"finding":{"rule":"RP3003","severity":"warning","message":"String literal contains a credential ('Password=***'); move the secret to configuration or a secret store, and rotate it","path":"/0/Test0.cs","line":11}}
            //{"finding":{"rule":"RP3004","severity":"warning","message":"Internal ticket reference 'OPS-4211' reaches users through Results.Problem; say what changed in the user's words instead","path":"/0/Test0.cs","line":15}}
            //{"finding":{"rule":"RP3001","severity":"warning","message":"Internal host 'cache.internal' reaches users through Results.Text; show a public name or a generic message, and keep the host in the logs","path":"/0/Test0.cs","line":16}}
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
