using System.IO.Compression;
using System.Text.Json;

namespace ReleasePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>How a project brings in the SDK: the three documented forms.</summary>
public enum SdkReference
{
    SdkElement,
    GlobalJsonMsBuildSdks,
    PackageReference,

    /// <summary>No ReleasePolicy.Sdk at all (for the standalone analyzers package).</summary>
    None,
}

/// <summary>
/// A user's project on disk, in its own folder outside the repository, restored from the packed SDK's feed only.
/// </summary>
internal sealed class FixtureProject
{
    private static int counter;

    private FixtureProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static FixtureProject Create(string name, SdkReference reference = SdkReference.SdkElement, string? projectBody = null, string? folderName = null, string targetFramework = "net10.0", string? extraSources = null, bool efCore = false, bool rollbackPlaybook = true, bool web = false)
    {
        var sdk = PackedSdk.Current;
        var directory = Path.Combine(sdk.RunRoot, $"{Interlocked.Increment(ref counter):00}-{folderName ?? name}");
        System.IO.Directory.CreateDirectory(directory);
        var fixture = new FixtureProject(directory, name);

        var tfmProperty = targetFramework.Contains(';') ? $"<TargetFrameworks>{targetFramework}</TargetFrameworks>" : $"<TargetFramework>{targetFramework}</TargetFramework>";
        var (projectSdk, sdkElement, packageReference) = reference switch
        {
            SdkReference.SdkElement => (web ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk", $"""  <Sdk Name="ReleasePolicy.Sdk" Version="{sdk.Version}" />""", ""),
            SdkReference.GlobalJsonMsBuildSdks => ("Microsoft.NET.Sdk;ReleasePolicy.Sdk", "", ""),
            SdkReference.PackageReference => ("Microsoft.NET.Sdk", "", $"""    <PackageReference Include="ReleasePolicy.Sdk" Version="{sdk.Version}" PrivateAssets="all" />"""),
            _ => ("Microsoft.NET.Sdk", "", ""),
        };

        fixture.Write(name + ".csproj", $"""
            <Project Sdk="{projectSdk}">
            {sdkElement}
              <PropertyGroup>
                {tfmProperty}
                <Nullable>enable</Nullable>
                <PackageId>Contoso.{name}</PackageId>
                <Version>1.2.3</Version>
                <Authors>Contoso</Authors>
                <Description>Fixture for ReleasePolicy end-to-end tests.</Description>
              </PropertyGroup>
              <ItemGroup>
            {packageReference}
                <!-- The packages packed from this checkout are unsigned: allowed, with the reason the dependency check (RP4001) asks for.
                     By id: a '*' in an Include is a file glob to MSBuild (it would be written %2A). -->
                <TrustedSigner Include="ReleasePolicy.Sdk;ReleasePolicy.Analyzers" Type="unsigned" Justification="packed from this checkout by the end-to-end tests" />
              </ItemGroup>
            {(efCore ? Sources.EfCorePackage : "")}
            {projectBody ?? ""}
            </Project>
            """);

        if (reference == SdkReference.GlobalJsonMsBuildSdks)
        {
            fixture.Write("global.json", $$"""
                {
                  "msbuild-sdks": {
                    "ReleasePolicy.Sdk": "{{sdk.Version}}"
                  }
                }
                """);
        }

        fixture.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="releasepolicy-e2e" value="{sdk.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="releasepolicy-e2e">
                  <package pattern="ReleasePolicy.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        fixture.Write("Greeter.cs", """
            namespace Contoso;

            public static class Greeter
            {
                public static string Greet(string name) => "Hello, " + name;
            }
            """);
        if (extraSources is not null)
        {
            fixture.Write("Extra.cs", extraSources);
        }

        if (efCore)
        {
            fixture.Write("Data/OrdersDbContext.cs", Sources.OrdersDbContext);
        }

        // Every release needs a rollback playbook (RP5003); tests about the playbook itself opt out.
        if (rollbackPlaybook)
        {
            fixture.Write("ROLLBACK.md", CompletePlaybook);
        }

        return fixture;
    }

    /// <summary>A ROLLBACK.md with every section RP5003 requires by default.</summary>
    public const string CompletePlaybook = """
        # Rolling back
        ## Trigger criteria
        Error rate above 2% for five minutes after the deployment.
        ## Steps
        1. Redeploy the previous release.
        ## Data recovery
        Nothing to restore: this release changes no data.
        ## Verification
        The smoke test passes.
        ## Owner
        The team on call.
        """;

    /// <summary>A fixture project that already exists on disk, for example a git worktree of another fixture.</summary>
    public static FixtureProject At(string directory, string name) => new(directory, name);

    /// <summary>A scaffolded EF Core migration: its code file and its Designer.cs part.</summary>
    public void WriteMigration(string id, string code, string designer)
    {
        Write($"Migrations/{id}.cs", code);
        Write($"Migrations/{id}.Designer.cs", designer);
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public CommandResult Dotnet(params string[] arguments) => Dotnet(new Dictionary<string, string?>(), arguments);

    public CommandResult Dotnet(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var merged = new Dictionary<string, string?>(PackedSdk.Current.Environment);
        foreach (var (key, value) in environment)
        {
            merged[key] = value;
        }

        return DotNet.Run(Directory, merged, [.. arguments, "-nologo"]);
    }

    /// <summary>`git` in the fixture folder, for fixtures that live in a repository.</summary>
    public void Git(params string[] arguments) => GitCli.Run(Directory, arguments);

    public string PackageOutput => Path.Combine(Directory, "out");

    public string NupkgPath => Path.Combine(PackageOutput, $"Contoso.{Name}.1.2.3.nupkg");

    public string SidecarPath => Path.Combine(PackageOutput, $"Contoso.{Name}.1.2.3.release.json");

    public IReadOnlyList<string> NupkgEntries()
    {
        using var zip = ZipFile.OpenRead(NupkgPath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>The manifest inside the package; the test fails with every violation when it does not satisfy the JSON Schema.</summary>
    public JsonDocument ManifestFromNupkg()
    {
        using var zip = ZipFile.OpenRead(NupkgPath);
        var entry = zip.GetEntry("releasepolicy/release-manifest.json") ?? throw new InvalidOperationException("The package has no releasepolicy/release-manifest.json; entries: " + string.Join(", ", zip.Entries.Select(e => e.FullName)));
        using var stream = entry.Open();
        var document = JsonDocument.Parse(stream);
        // The same JsonSchema.Net evaluation of schema/release-manifest.schema.json that `release-policy verify` runs.
        var violations = ReleasePolicy.Cli.Verify.ManifestSchema.Violations(document.RootElement);
        if (violations.Count > 0)
        {
            document.Dispose();
            Assert.Fail($"The manifest in '{NupkgPath}' does not satisfy schema/release-manifest.schema.json:\n" + string.Join("\n", violations));
        }

        return document;
    }

    public static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllBytes(path));
}
