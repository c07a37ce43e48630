using ReleasePolicy.Dependencies;

namespace ReleasePolicy.Tasks.Tests.Dependencies;

/// <summary>RP4001 unsigned, RP4003 untrusted signer: TrustedSigner items, nuget.config trustedSigners, the nuget.org default.</summary>
public sealed class TrustPolicyTests : IDisposable
{
    private readonly PackagesFolder _folder = new();

    public TrustPolicyTests()
    {
        _folder.AddSigned();
        _folder.AddUnsigned("Contoso.Billing", "2.1.0", direct: false);
        _folder.WriteAssets();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AnUnsignedPackageIsRP4001AnErrorInEnforceWithTheItemThatAllowsIt()
    {
        var (task, engine) = _folder.Task(mode: "Enforce");

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RP4001", error.Code);
        Assert.Equal(
            "Package 'Contoso.Billing' 2.1.0 is unsigned (no author or repository signature), so nothing proves who published it. " +
            "Take it from a feed that signs packages, or allow it with <TrustedSigner Include=\"Contoso.Billing\" Type=\"unsigned\" Justification=\"...\" />.",
            error.Message);
    }

    [Fact]
    public void AllowingAnUnsignedPackageNeedsAJustification()
    {
        var (task, engine) = _folder.Task(configure: t => t.TrustedSigners = new[] { PackagesFolder.Item("Contoso.Billing", ("Type", "unsigned")) });

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.Contains("TrustedSigner 'Contoso.Billing' allows an unsigned package without a Justification", error.Message);
    }

    [Fact]
    public void APolicyOfItsOwnReplacesTheDefaultAndAnUnlistedSignerIsRP4003WithTheItemToAdd()
    {
        var other = new string('A', 64);
        var (task, engine) = _folder.Task(configure: t => t.TrustedSigners = new[]
        {
            PackagesFolder.Item("Contoso", ("Type", "author"), ("Fingerprint", other)),
            PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "built and published by our CI")),
        });

        task.Execute();
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("RP4003", warning.Code);
        Assert.StartsWith("Package 'Newtonsoft.Json' 13.0.3 is author-signed by 'CN=Json.NET (.NET Foundation)", warning.Message);
        Assert.Contains("and repository-signed by 'CN=NuGet.org Repository by Microsoft", warning.Message);
        Assert.Contains("<TrustedSigner Include=\"Json.NET (.NET Foundation)\" Type=\"author\" Fingerprint=\"", warning.Message);
    }

    [Fact]
    public void TheRepositoryCountersignatureIsTrustedForTheListedOwnersOnly()
    {
        var nugetOrg = string.Join(";", TrustPolicy.NuGetOrgRepositoryCertificates);
        var (owned, ownedEngine) = _folder.Task(configure: t => t.TrustedSigners = new[]
        {
            PackagesFolder.Item("nuget.org", ("Type", "repository"), ("Fingerprint", nugetOrg), ("Owners", "jamesnk;microsoft")),
            PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "ours")),
        });
        Assert.True(owned.Execute(), ownedEngine.ToString());
        Assert.Empty(ownedEngine.ErrorAndWarningCodes);

        var (other, otherEngine) = _folder.Task(configure: t => t.TrustedSigners = new[]
        {
            PackagesFolder.Item("nuget.org", ("Type", "repository"), ("Fingerprint", nugetOrg), ("Owners", "microsoft")),
            PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "ours")),
        });
        other.Execute();
        Assert.Equal(new[] { "RP4003" }, otherEngine.ErrorAndWarningCodes);
    }

    [Fact]
    public void TheAuthorCertificateFromNuGetConfigTrustedSignersIsTrusted()
    {
        var (probe, _) = _folder.Task(configure: t => t.TrustedSigners = new[] { PackagesFolder.Item("x", ("Type", "author"), ("Fingerprint", new string('B', 64))) });
        probe.Execute();
        var report = File.ReadAllText(probe.ReportFile!);
        var fingerprint = System.Text.Json.JsonDocument.Parse(report).RootElement.GetProperty("packages").EnumerateArray()
            .First(p => p.GetProperty("id").GetString() == "Newtonsoft.Json").GetProperty("signature").GetProperty("fingerprint").GetString();
        _folder.WriteFile("nuget.config", $"""
            <configuration>
              <trustedSigners>
                <author name="jamesnk">
                  <certificate fingerprint="{fingerprint}" hashAlgorithm="SHA256" allowUntrustedRoot="false" />
                </author>
              </trustedSigners>
            </configuration>
            """);

        var (task, engine) = _folder.Task(configure: t => t.TrustedSigners = new[] { PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "ours")) });

        Assert.True(task.Execute(), engine.ToString());
        Assert.Empty(engine.ErrorAndWarningCodes);
        Assert.Contains("author signature trusted by", File.ReadAllText(task.ReportFile!));
        // The nuget.config is an input of the check, so an edit to its trustedSigners makes the next build check again.
        Assert.Contains(task.CheckedFiles, f => Path.GetFileName(f.ItemSpec) == "nuget.config");
    }

    [Theory]
    [InlineData("Type", "publisher", "has Type 'publisher'. Allowed values: author, repository, unsigned.")]
    [InlineData("Fingerprint", "ABC", "has Fingerprint 'ABC'. Allowed values: SHA-256 certificate fingerprints (64 hex digits)")]
    public void AnInvalidTrustedSignerIsRP9001NamingTheValue(string metadata, string value, string expected)
    {
        var item = PackagesFolder.Item("Contoso", ("Type", "author"), ("Fingerprint", new string('C', 64)));
        item.SetMetadata(metadata, value);

        var (task, engine) = _folder.Task(configure: t => t.TrustedSigners = new[] { item });

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.Contains(expected, error.Message);
    }
}
