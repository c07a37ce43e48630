using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ReleasePolicy.Analyzers.Migrations;

namespace ReleasePolicy.Analyzers.Tests.Verification;

/// <summary>One source file of the project under test, at the absolute path the compiler sees.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>A migration record of the inventory, field for field.</summary>
internal sealed record InventoryMigration(string Id, string Kind, string ClassName, string Status, string? Reason, bool Destructive, string? Path, int? Line);

/// <summary>A finding record of the inventory (or a diagnostic the compiler reported, in the same shape).</summary>
internal sealed record InventoryFinding(string Rule, string Severity, string Message, string? Path, int? Line);

/// <summary>The generated inventory file: its text, and its records read back strictly.</summary>
internal sealed record GeneratedInventory(
    string Text,
    IReadOnlyList<InventoryMigration> Migrations,
    IReadOnlyList<InventoryFinding> Findings,
    string? Failure);

/// <summary>
/// Builds a project the way the compiler sees it (sources, framework stubs, analyzer config files, command-line
/// options), runs <see cref="MigrationInventoryWriter"/> over it with <see cref="CompilationWithAnalyzers"/>, and reads
/// back the one file it writes. The same compilation can be run through the eight migration analyzers, so a test can
/// compare the inventory with what the build shows.
/// </summary>
internal sealed class InventoryGeneratorRun
{
    public const string ProjectDirectory = "/src/Orders.Api/";

    private InventoryGeneratorRun(Compilation compilation) => Compilation = compilation;

    /// <summary>The compilation the generator ran on (with the workspace's analyzer config options provider).</summary>
    public Compilation Compilation { get; }

    /// <summary>
    /// A project of <paramref name="sources"/> plus the stubs. <paramref name="analyzerConfigs"/> are (path, text) of
    /// .editorconfig / .globalconfig files; <paramref name="commandLine"/> are csc options such as <c>/warnaserror+</c>,
    /// parsed by the compiler's own command-line parser into the compilation options MSBuild's Csc task would produce.
    /// </summary>
    public static async Task<InventoryGeneratorRun> CreateAsync(
        IEnumerable<SourceFile> sources,
        StubFrameworks stubs = StubFrameworks.Both,
        IEnumerable<(string Path, string Text)>? analyzerConfigs = null,
        IEnumerable<string>? commandLine = null,
        bool allowCompilerErrors = false)
    {
        var arguments = CSharpCommandLineParser.Default.Parse(
            new[] { "/target:library", "/langversion:latest", "/out:Orders.Api.dll" }.Concat(commandLine ?? Array.Empty<string>()),
            ProjectDirectory,
            sdkDirectory: null);
        Assert.Empty(arguments.Errors.Where(e => e.Id != "CS2008")); // sources are added below, not on this command line

        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Orders.Api",
            "Orders.Api",
            LanguageNames.CSharp,
            filePath: ProjectDirectory + "Orders.Api.csproj",
            compilationOptions: arguments.CompilationOptions,
            parseOptions: arguments.ParseOptions,
            metadataReferences: references));

        var files = sources.ToList();
        files.AddRange(MigrationStubs.For(stubs).Select(stub => new SourceFile(ProjectDirectory + "Stubs/" + stub.FileName, stub.Source)));
        foreach (var file in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
        }

        foreach (var (path, text) in analyzerConfigs ?? Array.Empty<(string, string)>())
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        var compilation = await solution.GetProject(projectId)!.GetCompilationAsync();
        Assert.NotNull(compilation);
        if (!allowCompilerErrors)
        {
            Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        return new InventoryGeneratorRun(compilation!);
    }

    /// <summary>Runs the inventory writer once and reads the file it wrote.</summary>
    public GeneratedInventory Generate() => Read(GenerateText(Compilation));

    /// <summary>
    /// The inventory <see cref="MigrationInventoryWriter"/> writes for <paramref name="compilation"/>, with the global
    /// option the SDK gives it, checking it reported nothing (RP9003 means the file could not be written).
    /// </summary>
    public static string GenerateText(Compilation compilation)
    {
        var file = Path.Combine(Path.GetTempPath(), "releasepolicy-inventory-tests", Guid.NewGuid().ToString("N") + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            var options = new AnalyzerOptions([], new GlobalOptionsProvider(new Dictionary<string, string> { [MigrationInventoryWriter.FileOption] = file }));
            var diagnostics = compilation
                .WithAnalyzers([new MigrationInventoryWriter()], new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            Assert.DoesNotContain(diagnostics, d => d.Id is "RP9003" or "AD0001");
            return File.ReadAllText(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>What the build shows: the migration analyzers' diagnostics on this compilation, after its options and pragmas.</summary>
    public async Task<IReadOnlyList<InventoryFinding>> ReportedByTheCompilerAsync()
    {
        var analyzers = MigrationRuleAnalyzers.All();
        var exceptions = new List<Exception>();
        var withAnalyzers = Compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);

        return diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
            .Select(d => new InventoryFinding(
                d.Id,
                d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" },
                d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                d.Location.GetLineSpan().Path,
                d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Reads the file as the manifest task must be able to: the title line, then one JSON record per <c>//</c> line
    /// with only the documented fields, and last an end record whose counts match.
    /// </summary>
    public static GeneratedInventory Read(string text)
    {
        Assert.DoesNotContain("\r", text);
        var lines = text.Split('\n');
        Assert.Equal("// ReleasePolicy inventory, format 2", lines[0]);
        Assert.Equal(string.Empty, lines[^1]);

        var migrations = new List<InventoryMigration>();
        var findings = new List<InventoryFinding>();
        string? failure = null;
        var ended = false;
        foreach (var line in lines.Skip(1).Take(lines.Length - 2))
        {
            Assert.StartsWith("//", line);
            if (!line.StartsWith("//{", StringComparison.Ordinal))
            {
                Assert.False(ended, "comment after the end record");
                continue;
            }

            Assert.False(ended, "record after the end record: " + line);
            using var document = JsonDocument.Parse(line.Substring(2));
            var record = Assert.Single(document.RootElement.EnumerateObject());
            var fields = record.Value;
            switch (record.Name)
            {
                case "migration":
                    AssertFields(fields, "id", "kind", "className", "status", "reason", "destructive", "path", "line");
                    migrations.Add(new InventoryMigration(
                        fields.GetProperty("id").GetString()!,
                        fields.GetProperty("kind").GetString()!,
                        fields.GetProperty("className").GetString()!,
                        fields.GetProperty("status").GetString()!,
                        OptionalString(fields, "reason"),
                        fields.GetProperty("destructive").GetBoolean(),
                        OptionalString(fields, "path"),
                        OptionalInt(fields, "line")));
                    break;
                case "finding":
                    AssertFields(fields, "rule", "severity", "message", "path", "line");
                    findings.Add(new InventoryFinding(
                        fields.GetProperty("rule").GetString()!,
                        fields.GetProperty("severity").GetString()!,
                        fields.GetProperty("message").GetString()!,
                        OptionalString(fields, "path"),
                        OptionalInt(fields, "line")));
                    break;
                case "failure":
                    AssertFields(fields, "message");
                    failure = fields.GetProperty("message").GetString();
                    break;
                case "end":
                    AssertFields(fields, "migrations", "flags", "findings");
                    Assert.Equal(0, fields.GetProperty("flags").GetInt32());
                    Assert.Equal(migrations.Count, fields.GetProperty("migrations").GetInt32());
                    Assert.Equal(findings.Count, fields.GetProperty("findings").GetInt32());
                    ended = true;
                    break;
                default:
                    Assert.Fail("unknown record: " + line);
                    break;
            }
        }

        Assert.True(ended, "no end record");
        return new GeneratedInventory(text, migrations, findings, failure);
    }

    private static void AssertFields(JsonElement record, params string[] allowed)
    {
        foreach (var field in record.EnumerateObject())
        {
            Assert.Contains(field.Name, allowed);
        }
    }

    private static string? OptionalString(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static int? OptionalInt(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.GetInt32() : null;
}
