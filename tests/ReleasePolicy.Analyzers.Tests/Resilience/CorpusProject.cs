using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ReleasePolicy.Analyzers.Flags;
using ReleasePolicy.Analyzers.Leaks;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>
/// A corpus item as the compiler and the IDE see it: a workspace project with the item's sources, the profile's
/// references and stubs, its additional files, and the settings the SDK gives the analyzers (a <c>.globalconfig</c>
/// with every <c>release_policy.*</c> and <c>build_property.*</c> key they read, the three inventory files in a
/// temporary folder, and a per-folder <c>.editorconfig</c>).
/// </summary>
internal sealed class CorpusProject : IDisposable
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net80 = new(() =>
        ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    private static readonly string AspNetCoreStubs = ReadStub("Stubs.AspNetCoreStubs.cs");

    /// <summary>
    /// The frameworks as a real build sees them, metadata references: the stubs compiled once per profile (so each
    /// item binds and analyzes only its own code, and the analyzers meet the frameworks' types as they do in a build).
    /// </summary>
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> WebReferences = new(async () =>
    {
        var references = (await Net80.Value).AddRange(await FlagAnalyzerVerifier<FlagCheckAnalyzer>.AspNetCoreReferences.Value);
        return CompileStubs(
            references,
            ("Microsoft.EntityFrameworkCore.Relational", MigrationStubs.EfCore),
            ("FluentMigrator", MigrationStubs.FluentMigrator),
            ("Microsoft.FeatureManagement", FlagAnalyzerVerifier<FlagCheckAnalyzer>.FeatureManagement),
            ("OpenFeature", FlagAnalyzerVerifier<FlagCheckAnalyzer>.OpenFeature));
    });

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> ApiReferences = new(async () =>
    {
        var references = await Net80.Value;
        return CompileStubs(
            references,
            ("Microsoft.EntityFrameworkCore.Relational", MigrationStubs.EfCore),
            ("FluentMigrator", MigrationStubs.FluentMigrator),
            ("Microsoft.AspNetCore.Mvc.Core", AspNetCoreStubs));
    });

    private readonly AdhocWorkspace _workspace;

    private CorpusProject(AdhocWorkspace workspace, Project project, string inventoryFolder)
    {
        _workspace = workspace;
        Project = project;
        InventoryFolder = inventoryFolder;
    }

    public Project Project { get; }

    /// <summary>Where the inventory writers were told to write (deleted on dispose).</summary>
    public string InventoryFolder { get; }

    public IEnumerable<string> InventoryFiles => new[] { MigrationInventoryWriter.FileOption, FlagInventoryWriter.FileOption, LeakInventoryWriter.FileOption }
        .Select(InventoryPath);

    public static async Task<CorpusProject> CreateAsync(CorpusItem item)
    {
        var references = item.Profile == CorpusProfile.Web ? await WebReferences.Value : await ApiReferences.Value;
        var inventoryFolder = Path.Combine(Path.GetTempPath(), "releasepolicy-resilience", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(inventoryFolder);

        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Orders.Api",
            "Orders.Api",
            LanguageNames.CSharp,
            filePath: CorpusSeeds.ProjectDirectory + "Orders.Api.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));

        foreach (var file in item.Sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
        }

        foreach (var file in item.AdditionalFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
        }

        solution = solution
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(GlobalConfig(inventoryFolder)), filePath: "/src/.globalconfig")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(EditorConfig), filePath: CorpusSeeds.ProjectDirectory + ".editorconfig");

        Assert.True(workspace.TryApplyChanges(solution));
        return new CorpusProject(workspace, workspace.CurrentSolution.GetProject(projectId)!, inventoryFolder);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        try
        {
            Directory.Delete(InventoryFolder, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the next run uses a new one
        }
    }

    private string InventoryPath(string option) => Path.Combine(InventoryFolder, option.Substring(option.LastIndexOf('.') + 1) + ".txt");

    /// <summary>Every key the analyzers read, as the SDK writes them (build_property.*) or a user does (release_policy.*).</summary>
    private static string GlobalConfig(string inventoryFolder) => $"""
        is_global = true
        release_policy.flag_check_methods = Shop.Features.FlagService.IsOn, Contoso.Flags.IFeatureService.IsEnabledAsync
        release_policy.flag_requirement_attributes = RequiresFeature, NeedsFlag
        release_policy.flag_constants_types = Shop.Features.ShopFlags, Contoso.OrdersApi.Checkout.FeatureFlags
        release_policy.today = 2026-12-02
        build_property.ReleasePolicyNow = 2026-12-02T06:00:00Z
        build_property._ReleaseInternalDomains = corp.contoso.com,contoso.internal,corp
        build_property._ReleaseTicketKeys = PAY,ORD
        build_property._ReleaseLeakAllowList = status.corp,Password=Dev-Only-1
        release_policy.user_facing_sinks = Contoso.Api.ErrorResponse.Create, Contoso.Api.ApiException
        build_property._ReleasePolicyMigrationBaseline = 7,20190312101500_InitialCreate
        release_policy.migration_baseline = Contoso.Reporting.Migrations.RemoveNotes
        {MigrationInventoryWriter.FileOption} = {Path.Combine(inventoryFolder, "migration_inventory_file.txt")}
        {FlagInventoryWriter.FileOption} = {Path.Combine(inventoryFolder, "flag_inventory_file.txt")}
        {LeakInventoryWriter.FileOption} = {Path.Combine(inventoryFolder, "leak_inventory_file.txt")}

        [/src/flags/release-flags.json]
        build_metadata.AdditionalFiles.ReleasePolicyFlagSource = true
        """;

    /// <summary>Per-folder values, which the leak rules prefer over the project-wide ones.</summary>
    private const string EditorConfig = """
        root = true

        [*.cs]
        release_policy.internal_domains = corp.contoso.com, internal.contoso.com
        release_policy.ticket_keys = PAY

        [Hostile/**]
        release_policy.leak_allow_list = build-1.corp.contoso.com
        """;

    /// <summary>
    /// Each library's stub compiled as an assembly of the library's own name (the analyzers look for a library's types
    /// in the assemblies named after it, as a build references them), each referencing the ones before it.
    /// </summary>
    private static ImmutableArray<MetadataReference> CompileStubs(ImmutableArray<MetadataReference> references, params (string Assembly, string Source)[] stubs)
    {
        foreach (var (assembly, source) in stubs)
        {
            var compilation = CSharpCompilation.Create(
                assembly,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, assembly + ": " + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            references = references.Add(MetadataReference.CreateFromImage(image.ToArray()));
        }

        return references;
    }

    private static string ReadStub(string name)
    {
        using var stream = typeof(CorpusProject).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded stub '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
