using System.Text.RegularExpressions;
using ReleasePolicy.EndToEnd.Tests.Infrastructure;

namespace ReleasePolicy.EndToEnd.Tests;

/// <summary>The sample under samples/ shows exactly the findings its README promises, with the real EF Core package.</summary>
public sealed class SampleTests
{
    [Fact]
    public void The_orders_sample_reports_its_deliberate_breaks_and_nothing_else()
    {
        var sdk = PackedSdk.Current;
        var source = Path.Combine(sdk.RepositoryRoot, "samples", "OrdersApi");
        var target = Path.Combine(sdk.RunRoot, "OrdersApi");
        CopyDirectory(source, target);
        var projectFile = Path.Combine(target, "OrdersApi.csproj");
        File.WriteAllText(projectFile, Regex.Replace(File.ReadAllText(projectFile), "(<Sdk Name=\"ReleasePolicy.Sdk\" Version=\")[^\"]+", "${1}" + sdk.Version));
        File.WriteAllText(Path.Combine(target, "NuGet.config"), File.ReadAllText(Path.Combine(target, "NuGet.config")).Replace("../../artifacts/packages", sdk.Feed));
        var output = Path.Combine(target, "out");

        var pack = DotNet.Run(target, sdk.Environment, "pack", "-o", output, "-p:ReleasePolicyMode=Audit", "-nologo").ShouldSucceed();

        var findings = pack.Diagnostics.Where(d => d.Code.StartsWith("RP", StringComparison.Ordinal) && d.Severity != "message").ToList();
        Assert.Collection(
            findings.OrderBy(d => d.Code),
            d => Assert.Equal(("RP1001", "20260305141500_AddOrderNotes.cs"), (d.Code, d.FileName)),
            d => Assert.Equal(("RP1010", "V2__index_audit_log_by_order.sql"), (d.Code, d.FileName)),
            d => Assert.Equal(("RP2001", "OrderEndpoints.cs"), (d.Code, d.FileName)),
            d => Assert.Equal(("RP3001", "OrderEndpoints.cs"), (d.Code, d.FileName)));

        using var manifest = FixtureProject.ReadJson(Path.Combine(output, "Contoso.OrdersApi.2.4.0.release.json"));
        var dependencies = manifest.RootElement.GetProperty("dependencies").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("direct").GetBoolean());
        Assert.True(dependencies["Microsoft.EntityFrameworkCore.Relational"]);
        Assert.False(dependencies["Microsoft.EntityFrameworkCore"]);
        Assert.Equal("PII", manifest.RootElement.GetProperty("release").GetProperty("dataSensitivity").GetString());

        // The analyzers' view of the EF Core migrations reaches the manifest through the compiler's error log.
        var migrations = manifest.RootElement.GetProperty("migrations").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => (Kind: m.GetProperty("kind").GetString(), Status: m.GetProperty("status").GetString()));
        Assert.Equal(("efcore", "reversible"), migrations["20260112093000_CreateOrders"]);
        Assert.Equal(("efcore", "missing-rollback"), migrations["20260305141500_AddOrderNotes"]);
        Assert.Equal(("sql", "reversible"), migrations["1"]);
        Assert.Equal(("sql", "missing-rollback"), migrations["2"]);
        Assert.Equal(("sql", "forward-only"), migrations["3"]);
        // The release gates the sample passes (its README lists them): playbook, known defect, a freeze that is over, a SOX control.
        Assert.Equal(
            ["RP5002 pass", "RP5003 pass", "RP5004 pass", "RP5010 pass"],
            manifest.RootElement.GetProperty("gates").EnumerateArray().Select(g => $"{g.GetProperty("id").GetString()} {g.GetProperty("status").GetString()}"));
        Assert.Equal("ORD-812", manifest.RootElement.GetProperty("knownDefects")[0].GetProperty("id").GetString());
        Assert.Equal("ROLLBACK.md", manifest.RootElement.GetProperty("rollback").GetProperty("playbook").GetProperty("path").GetString());
        Assert.Equal("CC-8.1", manifest.RootElement.GetProperty("compliance")[0].GetProperty("control").GetString());

        // Both flags, declared in appsettings.json and referenced by the endpoints.
        Assert.Equal(
            ["BulkCancellation 1", "NewCheckout 2"],
            manifest.RootElement.GetProperty("featureFlags").EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()} {f.GetProperty("references").GetInt32()}"));

        // The build's findings in the manifest's order (by path, then line): the flag inventory's RP2001 (line 48)
        // and the leak inventory's RP3001 (line 54), as the build reported them.
        Assert.Equal(
            ["RP2001 Endpoints/OrderEndpoints.cs", "RP3001 Endpoints/OrderEndpoints.cs", "RP1001 Migrations/20260305141500_AddOrderNotes.cs", "RP1010 db/migrations/V2__index_audit_log_by_order.sql"],
            manifest.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("location").GetProperty("path").GetString()}"));
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
