using System.Text;
using Microsoft.Build.Utilities;
using ReleasePolicy.Api;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Git;
using ReleasePolicy.Manifest;
using ReleasePolicy.NuGet;
using ReleasePolicy.Risk;
using ReleasePolicy.Rules;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// The manifest's <c>publicApi</c> read from real compiled assemblies, the <c>changes</c> section against a baseline,
/// the <c>public-api-change</c> risk factor and RP5009's public API growth.
/// </summary>
public sealed class PublicApiTests : IDisposable
{
    private const string OrdersClient = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Orders.Client;

        public interface IOrdersClient
        {
            Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken = default);
            event EventHandler<OrderEventArgs>? OrderPlaced;
        }

        public sealed record Order(Guid Id, string Customer, decimal Total);

        public class OrderEventArgs : EventArgs
        {
            public OrderEventArgs(Order order) => Order = order;
            public Order Order { get; }
        }

        public enum OrderStatus { Pending, Shipped }

        public abstract class OrdersClientBase : IOrdersClient
        {
            protected OrdersClientBase(Uri baseAddress) => BaseAddress = baseAddress;
            protected Uri BaseAddress { get; }
            public event EventHandler<OrderEventArgs>? OrderPlaced;
            public abstract Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken = default);
            public IReadOnlyList<Order> Cached(int max, params OrderStatus[] statuses) => Array.Empty<Order>();
            public T Convert<T>(Order order, Func<Order, T> map) => map(order);
            protected void Raise(Order order) => OrderPlaced?.Invoke(this, new OrderEventArgs(order));
            internal void Reset() { }
            private protected void Trace(string message) { }
            public static implicit operator string(OrdersClientBase client) => client.BaseAddress.ToString();
            public int this[string key] => key.Length;
            public bool TryParse(string text, out int value) { value = 0; return true; }

            public class Options
            {
                public const int DefaultRetries = 3;
                public TimeSpan Timeout { get; set; }
                protected internal string? Region;
            }

            protected class RetryPolicy { public int Attempts; }
            private class Cache { public int Size; }
        }

        public sealed class SealedClient
        {
            protected internal int Hidden;
            public void Send() { }
            private void Helper() { }
        }

        internal class Internal { public void NotApi() { } }
        """;

    private readonly ManifestTestContext _context = new();

    public void Dispose() => _context.Dispose();

    /// <remarks>
    /// Left out, as a consumer cannot reach them: the sealed record's private copy constructor, PrintMembers and
    /// EqualityContract, property and event accessors (their property or event stands for them), internal, private and
    /// private protected members, protected members of sealed types, and the nested private class.
    /// </remarks>
    [Fact]
    public void The_public_surface_is_every_member_a_consumer_can_reach_as_documentation_IDs()
    {
        var members = PublicApiReader.TryRead(Compile("Contoso.Orders.Client", OrdersClient), out var error);

        Assert.Null(error);
        Assert.Equal(
            new[]
            {
                "E:Contoso.Orders.Client.IOrdersClient.OrderPlaced",
                "E:Contoso.Orders.Client.OrdersClientBase.OrderPlaced",
                "F:Contoso.Orders.Client.OrderStatus.Pending",
                "F:Contoso.Orders.Client.OrderStatus.Shipped",
                "F:Contoso.Orders.Client.OrdersClientBase.Options.DefaultRetries",
                "F:Contoso.Orders.Client.OrdersClientBase.Options.Region",
                "F:Contoso.Orders.Client.OrdersClientBase.RetryPolicy.Attempts",
                "M:Contoso.Orders.Client.IOrdersClient.GetAsync(System.Guid,System.Threading.CancellationToken)",
                "M:Contoso.Orders.Client.Order.#ctor(System.Guid,System.String,System.Decimal)",
                "M:Contoso.Orders.Client.Order.Deconstruct(System.Guid@,System.String@,System.Decimal@)",
                "M:Contoso.Orders.Client.Order.Equals(Contoso.Orders.Client.Order)",
                "M:Contoso.Orders.Client.Order.Equals(System.Object)",
                "M:Contoso.Orders.Client.Order.GetHashCode",
                "M:Contoso.Orders.Client.Order.ToString",
                "M:Contoso.Orders.Client.Order.op_Equality(Contoso.Orders.Client.Order,Contoso.Orders.Client.Order)",
                "M:Contoso.Orders.Client.Order.op_Inequality(Contoso.Orders.Client.Order,Contoso.Orders.Client.Order)",
                "M:Contoso.Orders.Client.OrderEventArgs.#ctor(Contoso.Orders.Client.Order)",
                "M:Contoso.Orders.Client.OrdersClientBase.#ctor(System.Uri)",
                "M:Contoso.Orders.Client.OrdersClientBase.Cached(System.Int32,Contoso.Orders.Client.OrderStatus[])",
                "M:Contoso.Orders.Client.OrdersClientBase.Convert``1(Contoso.Orders.Client.Order,System.Func{Contoso.Orders.Client.Order,``0})",
                "M:Contoso.Orders.Client.OrdersClientBase.GetAsync(System.Guid,System.Threading.CancellationToken)",
                "M:Contoso.Orders.Client.OrdersClientBase.Options.#ctor",
                "M:Contoso.Orders.Client.OrdersClientBase.Raise(Contoso.Orders.Client.Order)",
                "M:Contoso.Orders.Client.OrdersClientBase.RetryPolicy.#ctor",
                "M:Contoso.Orders.Client.OrdersClientBase.TryParse(System.String,System.Int32@)",
                "M:Contoso.Orders.Client.OrdersClientBase.op_Implicit(Contoso.Orders.Client.OrdersClientBase)~System.String",
                "M:Contoso.Orders.Client.SealedClient.#ctor",
                "M:Contoso.Orders.Client.SealedClient.Send",
                "P:Contoso.Orders.Client.Order.Customer",
                "P:Contoso.Orders.Client.Order.Id",
                "P:Contoso.Orders.Client.Order.Total",
                "P:Contoso.Orders.Client.OrderEventArgs.Order",
                "P:Contoso.Orders.Client.OrdersClientBase.BaseAddress",
                "P:Contoso.Orders.Client.OrdersClientBase.Item(System.String)",
                "P:Contoso.Orders.Client.OrdersClientBase.Options.Timeout",
                "T:Contoso.Orders.Client.IOrdersClient",
                "T:Contoso.Orders.Client.Order",
                "T:Contoso.Orders.Client.OrderEventArgs",
                "T:Contoso.Orders.Client.OrderStatus",
                "T:Contoso.Orders.Client.OrdersClientBase",
                "T:Contoso.Orders.Client.OrdersClientBase.Options",
                "T:Contoso.Orders.Client.OrdersClientBase.RetryPolicy",
                "T:Contoso.Orders.Client.SealedClient",
            },
            members);
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_RP9002_naming_it()
    {
        var notAssembly = _context.Directory.WriteFile("bin/Release/net8.0/Orders.Client.dll", Encoding.ASCII.GetBytes("MZ but not really a PE file"));

        Assert.Null(PublicApiReader.TryRead(notAssembly, out var error));

        Assert.Equal(RuleIds.UnreadableInput, error!.RuleId);
        Assert.Equal(notAssembly, error.File);
        Assert.Contains("could not be read", error.Message);
    }

    [Fact]
    public void The_manifest_records_publicApi_and_the_changes_since_the_baseline_and_reads_back_to_the_same_bytes()
    {
        var v1 = Compile("Orders.Client", """
            namespace Contoso.Orders;
            public class OrdersClient
            {
                public string Get(int id) => id.ToString();
                public void Cancel(int id) { }
            }
            """, "v1");
        _context.Generate(task => Configure(task, v1, "1.0.0"));
        var baseline = _context.Directory.WriteFile("baseline/release-manifest.json", File.ReadAllBytes(_context.OutputFile));

        var v2 = Compile("Orders.Client", """
            namespace Contoso.Orders;
            public class OrdersClient
            {
                public string Get(int id) => id.ToString();
                public string Get(int id, bool includeLines) => id.ToString();
            }
            """, "v2");
        var manifest = _context.Generate(task =>
        {
            Configure(task, v2, "1.1.0");
            task.BaselineManifestFile = baseline;
        });

        var api = Assert.Single(manifest.GetProperty("publicApi").EnumerateArray());
        Assert.Equal("Orders.Client", api.GetProperty("assembly").GetString());
        Assert.Equal("net8.0", api.GetProperty("targetFramework").GetString());
        Assert.Matches("^[0-9a-f]{64}$", api.GetProperty("sha256").GetString());
        var changes = manifest.GetProperty("changes");
        Assert.Equal("1.0.0", changes.GetProperty("baseline").GetProperty("version").GetString());
        Assert.Equal(new[] { "Orders.Client: M:Contoso.Orders.OrdersClient.Get(System.Int32,System.Boolean)" }, Strings(changes.GetProperty("publicApi").GetProperty("added")));
        Assert.Equal(new[] { "Orders.Client: M:Contoso.Orders.OrdersClient.Cancel(System.Int32)" }, Strings(changes.GetProperty("publicApi").GetProperty("removed")));
        var factor = Assert.Single(manifest.GetProperty("risk").GetProperty("factors").EnumerateArray(), f => f.GetProperty("id").GetString() == RiskFactors.PublicApiChange);
        Assert.Equal(
            new[]
            {
                "1 public member(s) removed, e.g. Orders.Client: M:Contoso.Orders.OrdersClient.Cancel(System.Int32)",
                "1 public member(s) added, e.g. Orders.Client: M:Contoso.Orders.OrdersClient.Get(System.Int32,System.Boolean)",
            },
            Strings(factor.GetProperty("evidence")));
        Assert.Empty(ManifestSchemaValidator.Validate(ManifestSchemaTests.LoadSchema(), manifest));

        // What the CLI's verify does: read the manifest back and write it again; a section lost on the way would differ.
        Assert.True(ReleaseManifestReader.TryRead(_context.OutputFile, out var read, out var readError), readError?.Message);
        Assert.Equal(File.ReadAllBytes(_context.OutputFile), ReleaseManifestWriter.ToBytes(read!));
    }

    [Fact]
    public void A_baseline_written_before_publicApi_existed_compares_no_API_and_adds_no_factor()
    {
        var assembly = Compile("Orders.Client", "namespace Contoso.Orders; public class OrdersClient { public void Get() { } }", "v1");
        var baseline = _context.Directory.WriteFile("baseline/release-manifest.json", """
            {
              "schemaVersion": 1,
              "package": { "id": "Contoso.Orders.Client", "version": "0.9.0" },
              "build": { "targetFrameworks": ["net8.0"] },
              "release": { "type": "Standard", "userImpact": "Internal", "dataSensitivity": "None" },
              "migrations": [],
              "dependencies": []
            }
            """);

        var manifest = _context.Generate(task =>
        {
            Configure(task, assembly, "1.0.0");
            task.BaselineManifestFile = baseline;
        });

        Assert.False(manifest.GetProperty("changes").TryGetProperty("publicApi", out _));
        Assert.DoesNotContain(manifest.GetProperty("risk").GetProperty("factors").EnumerateArray(), f => f.GetProperty("id").GetString() == RiskFactors.PublicApiChange);
    }

    [Fact]
    public void A_listed_assembly_that_was_never_built_fails_the_manifest_with_RP9002()
    {
        var missing = _context.Directory.Path("obj/Release/net8.0/Orders.Client.dll");

        var task = _context.CreateTask();
        Configure(task, missing, "1.0.0");

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(missing, error.File);
        Assert.Contains("Build the project before packing with --no-build", error.Message);
    }

    [Fact]
    public void RP5009_counts_public_API_growth_since_the_baseline_as_a_new_door()
    {
        var before = new PublicApiAssembly("Orders.Client", "net8.0", new[] { "M:Contoso.Orders.OrdersClient.Get(System.Int32)", "T:Contoso.Orders.OrdersClient" });
        var after = new PublicApiAssembly("Orders.Client", "net8.0", new[] { "M:Contoso.Orders.OrdersClient.Export(System.String)", "M:Contoso.Orders.OrdersClient.Get(System.Int32)", "T:Contoso.Orders.OrdersClient" });
        var baseline = new ReleaseManifest(
            new ManifestPackage("Contoso.Orders.Client", "1.0.0", GitRepositoryInfo.None),
            new ManifestBuild("Release", ["net8.0"], null, null, null),
            ReleaseClassification.TryCreate(null, null, null, null, null, new List<PolicyFinding>())!,
            ManifestMigrations.None,
            [],
            null,
            publicApi: [before]);
        var findings = new List<PolicyFinding>();

        var grown = IntegrationExpansionGate.Check(_context.Directory.FullPath, baseline, DateTimeOffset.Parse("2026-11-01T00:00:00Z"), [], [], [], "Orders.Client.csproj", findings, [after]);
        var same = IntegrationExpansionGate.Check(_context.Directory.FullPath, baseline, DateTimeOffset.Parse("2026-11-01T00:00:00Z"), [], [], [], "Orders.Client.csproj", new List<PolicyFinding>(), [before]);

        Assert.Equal(GateStatus.Fail, grown!.Status);
        var finding = Assert.Single(findings);
        Assert.Equal(RuleIds.IntegrationExpansionWithoutPenTest, finding.RuleId);
        Assert.Contains("1 public API member(s) added, e.g. 'Orders.Client: M:Contoso.Orders.OrdersClient.Export(System.String)'", finding.Message);
        Assert.Equal(GateStatus.Pass, same!.Status);
        Assert.Equal("No new outbound host, client SDK package or public API since the baseline.", same.Reason);
    }

    [Fact]
    public void Untrusted_dependencies_and_vulnerabilities_suppressed_or_not_are_risk_factors_with_their_evidence()
    {
        var verification = new DependencyVerificationSummary(
            new Dictionary<string, ManifestDependencyTrust>(StringComparer.OrdinalIgnoreCase)
            {
                ["Contoso.Internal.Metrics/2.1.0"] = new(null, trusted: false, "unsigned", []),
                ["Newtonsoft.Json/13.0.3"] = new(null, trusted: true, "trusted", ["GHSA-5crp-9r3c-p9vr"]),
            },
            [
                new ManifestVulnerability("GHSA-5crp-9r3c-p9vr", "Newtonsoft.Json", "13.0.3", "high", "13.0.4", "osv", justification: "Only trusted input is deserialized.", expires: null),
            ],
            []);
        var manifest = new ReleaseManifest(
            new ManifestPackage("Contoso.Orders.Api", "2.4.0", GitRepositoryInfo.None),
            new ManifestBuild("Release", ["net8.0"], null, null, null),
            ReleaseClassification.TryCreate(null, null, "Internal", "None", null, new List<PolicyFinding>())!,
            ManifestMigrations.None,
            [new ResolvedPackage("Contoso.Internal.Metrics", "2.1.0", true, null), new ResolvedPackage("Newtonsoft.Json", "13.0.3", true, null)],
            null,
            dependencyVerification: verification);

        var risk = RiskModel.Assess(manifest, null, RiskPolicy.Default);

        Assert.Equal(30, risk.Score);
        Assert.Equal(new[] { "Contoso.Internal.Metrics 2.1.0: unsigned" }, risk.Factors.Single(f => f.Id == RiskFactors.UntrustedDependencies).Evidence);
        Assert.Equal(new[] { "GHSA-5crp-9r3c-p9vr high in Newtonsoft.Json 13.0.3 (suppressed)" }, risk.Factors.Single(f => f.Id == RiskFactors.Vulnerabilities).Evidence);
    }

    private static void Configure(GenerateReleaseManifest task, string assembly, string version)
    {
        task.PackageId = "Contoso.Orders.Client";
        task.PackageVersion = version;
        task.TargetFrameworks = "net8.0";
        task.ReleaseUserImpact = "Internal";
        task.ReleaseDataSensitivity = "None";
        var item = new TaskItem(assembly);
        item.SetMetadata("TargetFramework", "net8.0");
        task.PublicApiAssemblies = [item];
    }

    private string Compile(string assemblyName, string source, string folder = "bin") => TestAssembly.Compile(_context.Directory, assemblyName, source, folder);

    private static string[] Strings(System.Text.Json.JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
