using System.Text;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// A project folder in a temp directory plus the task that writes its release manifest, set up as the SDK's
/// targets call it. CI variables come only from <see cref="Environment"/>, so the machine running the tests
/// (possibly a CI agent itself) never leaks into the output.
/// </summary>
internal sealed class ManifestTestContext : IDisposable
{
    public ManifestTestContext(string? directoryName = null)
    {
        Directory = new TempDirectory(directoryName);
        ProjectDirectory = Directory.CreateDirectory("src/Orders.Api");
        ProjectFile = Path.Combine(ProjectDirectory, "Orders.Api.csproj");
        File.WriteAllText(ProjectFile, "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        OutputFile = Path.Combine(ProjectDirectory, "obj", "Release", "releasepolicy", "release-manifest.json");
    }

    public TempDirectory Directory { get; }

    public string ProjectDirectory { get; }

    public string ProjectFile { get; }

    public string OutputFile { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public RecordingBuildEngine Engine { get; private set; } = new();

    /// <summary>A task with only the required wiring; tests set the properties their behaviour depends on.</summary>
    public GenerateReleaseManifest CreateTask()
    {
        Engine = new RecordingBuildEngine();
        return new GenerateReleaseManifest
        {
            BuildEngine = Engine,
            OutputFile = OutputFile,
            ProjectFile = ProjectFile,
            ProjectDirectory = ProjectDirectory,
            EnvironmentVariable = name => Environment.TryGetValue(name, out var value) ? value : null,
        };
    }

    /// <summary>
    /// Runs the task and asserts it succeeded without errors or warnings and that the manifest it wrote satisfies
    /// schema/release-manifest.schema.json, so every test that generates a manifest also checks it against the contract.
    /// </summary>
    public JsonElement Generate(Action<GenerateReleaseManifest>? configure = null)
    {
        var task = CreateTask();
        configure?.Invoke(task);
        var succeeded = task.Execute();
        Assert.True(succeeded, Engine.ToString());
        Assert.Empty(Engine.Errors);
        Assert.Empty(Engine.Warnings);
        Assert.Equal(Path.GetFullPath(OutputFile), task.ManifestFile);
        var manifest = ReadManifest();
        ManifestSchemaValidator.AssertValid(manifest, OutputFile);
        return manifest;
    }

    public string ReadManifestText() => File.ReadAllText(OutputFile, Encoding.UTF8);

    public JsonElement ReadManifest()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(OutputFile));
        return document.RootElement.Clone();
    }

    public AddReleaseArtifacts CreateArtifactsTask(string outputFile, params string[] artifacts)
    {
        Engine = new RecordingBuildEngine();
        return new AddReleaseArtifacts
        {
            BuildEngine = Engine,
            ProjectFile = ProjectFile,
            ManifestFile = OutputFile,
            OutputFile = outputFile,
            Artifacts = artifacts.Select(a => (ITaskItem)new TaskItem(a)).ToArray(),
        };
    }

    public void Dispose() => Directory.Dispose();
}

internal static class ManifestAssert
{
    /// <summary>Raw string literals follow the source file's line endings; the manifest always uses '\n'.</summary>
    public static string Lf(string text) => text.ReplaceLineEndings("\n");

    public static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;
}
