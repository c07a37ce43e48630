using System.Text.Json;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Dependencies;

/// <summary>RP4002 (and RP9002 for what cannot be read): the packages folder still holds what restore verified.</summary>
public sealed class PackageIntegrityTests : IDisposable
{
    private readonly PackagesFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheRealSignedNewtonsoftJsonVerifiesAndIsTrustedByTheNuGetOrgDefault()
    {
        _folder.AddSigned();
        _folder.WriteAssets();

        var (task, engine) = _folder.Task(mode: "Enforce");

        Assert.True(task.Execute(), engine.ToString());
        Assert.Empty(engine.ErrorAndWarningCodes);
        using var report = JsonDocument.Parse(File.ReadAllText(task.ReportFile!));
        var package = Assert.Single(report.RootElement.GetProperty("packages").EnumerateArray());
        var signature = package.GetProperty("signature");
        Assert.Equal("author", signature.GetProperty("type").GetString());
        Assert.StartsWith("CN=Json.NET (.NET Foundation)", signature.GetProperty("subject").GetString());
        Assert.True(signature.GetProperty("timestamped").GetBoolean());
        var countersignature = signature.GetProperty("repositoryCountersignature");
        Assert.Equal("repository", countersignature.GetProperty("type").GetString());
        Assert.Contains(countersignature.GetProperty("fingerprint").GetString(), ReleasePolicy.Dependencies.TrustPolicy.NuGetOrgRepositoryCertificates);
        Assert.Contains("jamesnk", countersignature.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.True(package.GetProperty("trusted").GetBoolean());
        Assert.Equal("repository signature trusted by the default policy 'nuget.org'", package.GetProperty("trust").GetString());
    }

    [Fact]
    public void OneChangedByteInTheNupkgIsRP4002NamingTheFile()
    {
        _folder.AddUnsigned("Contoso.Billing", "2.1.0");
        _folder.WriteAssets();
        var nupkg = _folder.NupkgOf("Contoso.Billing", "2.1.0");
        var bytes = File.ReadAllBytes(nupkg);
        bytes[40] ^= 0x01;
        File.WriteAllBytes(nupkg, bytes);

        var (task, engine) = _folder.Task(mode: "Enforce", t => t.TrustedSigners = new[] { PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "built by our CI")) });

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RP4002", error.Code);
        Assert.Equal(nupkg, error.File);
        Assert.Equal(
            "Package 'Contoso.Billing' 2.1.0 does not match what restore verified: 'contoso.billing.2.1.0.nupkg' no longer has the SHA-512 content hash restore verified (project.assets.json). " +
            $"Someone or something changed the packages folder: delete '{_folder.FolderOf("Contoso.Billing", "2.1.0")}' and run 'dotnet restore' so NuGet downloads and verifies it again.",
            error.Message);
    }

    [Fact]
    public void ATamperedExtractedDllIsRP4002NamingTheFileWhileTheNupkgIsIntact()
    {
        _folder.AddSigned();
        _folder.WriteAssets();
        var dll = Path.Combine(_folder.FolderOf("Newtonsoft.Json", "13.0.3"), "lib", "net6.0", "Newtonsoft.Json.dll");
        var bytes = File.ReadAllBytes(dll);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(dll, bytes);

        var (task, engine) = _folder.Task();

        Assert.True(task.Execute());
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("RP4002", warning.Code);
        Assert.Equal(dll, warning.File);
        Assert.StartsWith(
            "Package 'Newtonsoft.Json' 13.0.3 does not match what restore verified: the file the build uses lib/net6.0/Newtonsoft.Json.dll in '",
            warning.Message);
        Assert.Contains("differs from the same file in 'newtonsoft.json.13.0.3.nupkg'", warning.Message);
    }

    [Fact]
    public void ASignedPackageChangedAndRehashedStillFailsBecauseItsSignatureSignedOtherContent()
    {
        // What an attacker with write access to the packages folder would do: change the .nupkg and record its new hash.
        _folder.AddSigned(tamper: folder =>
        {
            var nupkg = Path.Combine(folder, "newtonsoft.json.13.0.3.nupkg");
            using (var archive = System.IO.Compression.ZipFile.Open(nupkg, System.IO.Compression.ZipArchiveMode.Update))
            {
                using var writer = new StreamWriter(archive.GetEntry("README.md")!.Open());
                writer.Write("changed");
            }

            string hash;
            using (var stream = File.OpenRead(nupkg))
            {
                hash = ReleasePolicy.Dependencies.PackageContentHash.Compute(stream, ReleasePolicy.Dependencies.PackageArchiveLayout.Read(stream)).Sha512;
            }

            File.WriteAllText(Path.Combine(folder, ".nupkg.metadata"), $"{{\"version\": 2, \"contentHash\": \"{hash}\"}}");
        });
        _folder.WriteAssets();

        var (task, engine) = _folder.Task();

        task.Execute();
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("RP4002", warning.Code);
        Assert.Contains("its content is not the content its signature signed (the package was changed after signing)", warning.Message);
    }

    [Fact]
    public void ASignedPackageWhoseAuthorSignatureWasChangedIsRP4002BecauseItNoLongerVerifies()
    {
        // The signed hash still names this content; only checking the signature with its certificate's key finds it.
        _folder.AddSigned(tamper: folder => PackagesFolder.ChangeSignatureValue(folder, cms => cms.SignerInfos[0]));
        _folder.WriteAssets();

        var (task, engine) = _folder.Task();

        task.Execute();
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("RP4002", _folder.NupkgOf("Newtonsoft.Json", "13.0.3")), (warning.Code, warning.File));
        // The reason in brackets is the platform's cryptography library's own words ("Invalid signature" on Linux).
        Assert.StartsWith("Package 'Newtonsoft.Json' 13.0.3 does not match what restore verified: its author signature in .signature.p7s does not verify with its certificate's key (", warning.Message);
        Assert.EndsWith($"). Someone or something changed the packages folder: delete '{_folder.FolderOf("Newtonsoft.Json", "13.0.3")}' and run 'dotnet restore' so NuGet downloads and verifies it again.", warning.Message);
    }

    [Fact]
    public void ASignedPackageWhoseRepositoryCountersignatureWasChangedIsRP4002Too()
    {
        // The countersignature is an unsigned attribute of the author signature, which still verifies.
        _folder.AddSigned(tamper: folder => PackagesFolder.ChangeSignatureValue(folder, cms => cms.SignerInfos[0].CounterSignerInfos[0]));
        _folder.WriteAssets();

        var (task, engine) = _folder.Task();

        task.Execute();
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("RP4002", _folder.NupkgOf("Newtonsoft.Json", "13.0.3")), (warning.Code, warning.File));
        Assert.StartsWith("Package 'Newtonsoft.Json' 13.0.3 does not match what restore verified: its repository countersignature in .signature.p7s does not verify with its certificate's key (", warning.Message);
        Assert.EndsWith($"). Someone or something changed the packages folder: delete '{_folder.FolderOf("Newtonsoft.Json", "13.0.3")}' and run 'dotnet restore' so NuGet downloads and verifies it again.", warning.Message);
    }

    [Fact]
    public void ASameSizeChangeInAnUnsignedPackageFileIsFoundToo()
    {
        _folder.AddUnsigned("Contoso.Billing", "2.1.0", true, ("lib/net8.0/Contoso.Billing.dll", "original"), ("build/Contoso.Billing.targets", "<Project />"));
        _folder.WriteAssets();
        File.WriteAllText(Path.Combine(_folder.FolderOf("Contoso.Billing", "2.1.0"), "lib", "net8.0", "Contoso.Billing.dll"), "0riginal");

        var (task, engine) = _folder.Task(configure: t => t.TrustedSigners = new[] { PackagesFolder.Item("Contoso.Billing", ("Type", "unsigned"), ("Justification", "ours")) });

        task.Execute();
        Assert.Contains(engine.Warnings, w => w.Code == "RP4002" && w.Message.Contains("lib/net8.0/Contoso.Billing.dll"));
    }

    [Fact]
    public void ATruncatedNupkgIsRP4002AndEveryOtherPackageIsStillChecked()
    {
        _folder.AddUnsigned("Contoso.Billing", "2.1.0");
        _folder.AddUnsigned("Contoso.Orders", "1.0.0");
        _folder.WriteAssets();
        var nupkg = _folder.NupkgOf("Contoso.Billing", "2.1.0");
        File.WriteAllBytes(nupkg, File.ReadAllBytes(nupkg).Take(60).ToArray());
        File.AppendAllText(Path.Combine(_folder.FolderOf("Contoso.Orders", "1.0.0"), "lib", "net8.0", "Contoso.Orders.dll"), "!");

        var (task, engine) = _folder.Task(configure: t => t.TrustedSigners = new[] { PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "ours")) });

        task.Execute();
        Assert.Equal(2, engine.Warnings.Count(w => w.Code == "RP4002"));
        Assert.Contains(engine.Warnings, w => w.File == nupkg && w.Message.Contains("is not a readable package (it has no end-of-central-directory record"));
        Assert.Contains(engine.Warnings, w => w.Message.Contains("'Contoso.Orders' 1.0.0") && w.Message.Contains("lib/net8.0/Contoso.Orders.dll"));
    }

    [Fact]
    public void AMissingNupkgIsRP9002NamingIt()
    {
        _folder.AddUnsigned("Contoso.Billing", "2.1.0");
        _folder.WriteAssets();
        File.Delete(_folder.NupkgOf("Contoso.Billing", "2.1.0"));

        var (task, engine) = _folder.Task();

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("RP9002", _folder.NupkgOf("Contoso.Billing", "2.1.0")), (error.Code, error.File));
        Assert.Contains("is missing from the packages folder", error.Message);
    }

    [Fact]
    public void AMetadataFileThatIsNotJsonIsRP9002NamingItAndTheAssetsHashStillDecides()
    {
        _folder.AddUnsigned("Contoso.Billing", "2.1.0");
        _folder.WriteAssets();
        var metadata = Path.Combine(_folder.FolderOf("Contoso.Billing", "2.1.0"), ".nupkg.metadata");
        File.WriteAllText(metadata, "{ \"version\": 2, \"contentHash\": ");

        var (task, engine) = _folder.Task(configure: t => t.TrustedSigners = new[] { PackagesFolder.Item("Contoso.*", ("Type", "unsigned"), ("Justification", "ours")) });

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("RP9002", metadata), (error.Code, error.File));
        Assert.StartsWith($"The package metadata file '{metadata}' is not valid JSON at line 1", error.Message);
    }

    [Fact]
    public void ASecondRunTakesEveryVerdictFromTheCacheAndAChangedFileIsVerifiedAgain()
    {
        _folder.AddSigned();
        _folder.WriteAssets();
        var (first, _) = _folder.Task();
        Assert.True(first.Execute());

        var (second, engine) = _folder.Task();
        Assert.True(second.Execute());
        Assert.Contains(engine.Messages, m => m.Message.Contains("verified 1 package (1 unchanged since the last build)"));

        var dll = Path.Combine(_folder.FolderOf("Newtonsoft.Json", "13.0.3"), "lib", "net6.0", "Newtonsoft.Json.dll");
        var bytes = File.ReadAllBytes(dll);
        bytes[100] ^= 0x01;
        File.WriteAllBytes(dll, bytes);
        var (third, after) = _folder.Task();
        third.Execute();
        Assert.Contains(after.Warnings, w => w.Code == "RP4002");
    }

    [Theory]
    [InlineData("{ \"version\": 0, \"packages\": { \"Newtonsoft.Json/13.0.3\": { \"fingerprint\": \"x\" } } }")]
    [InlineData("{ \"version\": 1, \"packages\": [ ")]
    [InlineData("not json at all")]
    public void AnOldOrDamagedCacheIsIgnoredAndRebuilt(string cache)
    {
        _folder.AddSigned();
        _folder.WriteAssets();
        var (task, engine) = _folder.Task();
        Directory.CreateDirectory(Path.GetDirectoryName(task.CacheFile!)!);
        File.WriteAllText(task.CacheFile!, cache);

        Assert.True(task.Execute(), engine.ToString());

        Assert.Contains(engine.Messages, m => m.Message.Contains("verified 1 package (0 unchanged since the last build)"));
        using var rebuilt = JsonDocument.Parse(File.ReadAllText(task.CacheFile!));
        Assert.Equal(1, rebuilt.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public void EveryTargetFrameworkOfAMultiTargetedProjectIsVerifiedOnce()
    {
        _folder.AddUnsigned("Contoso.Billing", "2.1.0");
        _folder.WriteAssets("net8.0;net472");

        var (task, engine) = _folder.Task();

        task.Execute();
        Assert.Single(engine.Warnings, w => w.Code == "RP4001");
    }
}
