using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// The manifest's <c>featureFlags</c>, from the feature-flag inventory the analyzers write per compilation: the files
/// are written here exactly as <c>FlagInventoryWriter</c> renders them (its own tests pin that text).
/// </summary>
public sealed class FeatureFlagInventoryTests : IDisposable
{
    private const string Header = """
        // ReleasePolicy inventory, format 2
        // Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.
        """;

    private readonly ManifestTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void The_frameworks_inventories_become_one_sorted_featureFlags_section_and_their_findings_join_the_rest()
    {
        var net8 = WriteFlagInventory("net8.0", $$$"""
            {{{Header}}}
            //{"flag":{"name":"DarkMode","references":0,"path":"{{{Project}}}appsettings.json","line":6}}
            //{"flag":{"name":"NewCheckout","references":2,"expires":"2026-10-01","expired":true,"path":"{{{Project}}}appsettings.json","line":4}}
            //{"flag":{"name":"Recomendations","references":1,"undeclared":true}}
            //{"finding":{"rule":"RP2003","severity":"error","message":"Feature flag 'NewCheckout' expired on 2026-10-01 and is still referenced here; remove the flag and the code path it no longer needs, or extend its expiry","path":"{{{Project}}}Controllers/CheckoutController.cs","line":14}}
            //{"finding":{"rule":"RP2002","severity":"error","message":"Feature flag 'Recomendations' is not declared in any flag source; did you mean 'Recommendations'?","path":"{{{Project}}}Controllers/CheckoutController.cs","line":20}}
            //{"end":{"migrations":0,"flags":3,"findings":2}}

            """);
        // The net10.0 build sees one more check of NewCheckout (#if NET10_0_OR_GREATER) and the same findings.
        var net10 = WriteFlagInventory("net10.0", $$$"""
            {{{Header}}}
            //{"flag":{"name":"DarkMode","references":0,"path":"{{{Project}}}appsettings.json","line":6}}
            //{"flag":{"name":"NewCheckout","references":3,"expires":"2026-10-01","expired":true,"path":"{{{Project}}}appsettings.json","line":4}}
            //{"flag":{"name":"Recomendations","references":1,"undeclared":true}}
            //{"finding":{"rule":"RP2003","severity":"error","message":"Feature flag 'NewCheckout' expired on 2026-10-01 and is still referenced here; remove the flag and the code path it no longer needs, or extend its expiry","path":"{{{Project}}}Controllers/CheckoutController.cs","line":14}}
            //{"finding":{"rule":"RP2002","severity":"error","message":"Feature flag 'Recomendations' is not declared in any flag source; did you mean 'Recommendations'?","path":"{{{Project}}}Controllers/CheckoutController.cs","line":20}}
            //{"end":{"migrations":0,"flags":3,"findings":2}}

            """);

        var manifest = _context.Generate(task =>
        {
            task.InventoryFiles = [new TaskItem(net8), new TaskItem(net10)];
            task.RiskThreshold = "critical";
        });

        var flags = manifest.GetProperty("featureFlags");
        Assert.Equal(
            """[{"name":"DarkMode","declared":{"path":"appsettings.json","line":6},"references":0,"expired":false,"undeclared":false},{"name":"NewCheckout","declared":{"path":"appsettings.json","line":4},"references":3,"expires":"2026-10-01","expired":true,"undeclared":false},{"name":"Recomendations","references":1,"expired":false,"undeclared":true}]""",
            JsonSerializer.Serialize(flags));
        var findings = manifest.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString() + "@" + f.GetProperty("location").GetProperty("line").GetInt32()).ToList();
        Assert.Equal(["RP2003@14", "RP2002@20"], findings);

        Assert.True(ReleaseManifestReader.TryRead(_context.OutputFile, out var read, out var error), error?.Message);
        Assert.Equal(["DarkMode", "NewCheckout", "Recomendations"], read!.FeatureFlags!.Select(f => f.Name));
        Assert.True(read.FeatureFlags![2].Undeclared);
    }

    [Fact]
    public void Without_a_flag_inventory_the_manifest_has_no_featureFlags_section()
    {
        var manifest = _context.Generate(task => task.RiskThreshold = "critical");

        Assert.False(manifest.TryGetProperty("featureFlags", out _));
    }

    [Fact]
    public void A_cut_off_flag_inventory_is_RP9002_naming_the_flag_inventory()
    {
        var inventory = WriteFlagInventory("net8.0", $$$"""
            {{{Header}}}
            //{"flag":{"name":"DarkMode","references":0}}

            """);
        var task = _context.CreateTask();
        task.InventoryFiles = [new TaskItem(inventory)];

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal($"The feature-flag inventory '{inventory}' is cut off (it has no end record); delete it and build again.", error.Message);
        Assert.False(File.Exists(_context.OutputFile));
    }

    private string Project => (_context.ProjectDirectory + Path.DirectorySeparatorChar).Replace("\\", "\\\\");

    private string WriteFlagInventory(string targetFramework, string content) =>
        _context.Directory.WriteFile($"src/Orders.Api/obj/Release/{targetFramework}/releasepolicy/{CompilationInventory.FlagInventoryFileName}", content.ReplaceLineEndings("\n"));
}
