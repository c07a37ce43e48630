using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Flags;

/// <summary>RP9002 for a flag source the flag rules cannot read, once per file, with line and column; readable ones pass.</summary>
public sealed class CheckFlagSourcesTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void ConfigurationJsonWithCommentsAndTrailingCommasIsReadable()
    {
        var settings = _project.WriteFile("appsettings.json", """
            {
              // the checkout team's flags
              "FeatureManagement": {
                "NewCheckout": true,
                "Recommendations": false, /* until the model is retrained */
              },
            }
            """);

        var (task, engine) = Run(settings);

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void ATruncatedFileIsRP9002WhereItBrokeAndTheOtherSourcesAreStillRead()
    {
        var good = _project.WriteFile("appsettings.json", """{ "FeatureManagement": { "NewCheckout": true } }""");
        var truncated = _project.WriteFile("appsettings.Production.json", "{\n  \"FeatureManagement\": {\n    \"NewCheckout\": fal");
        var flags = _project.WriteFile("flags/release-flags.json", "{ \"feature_management\": { \"feature_flags\": [ { \"id\": \"DarkMode\" } ] }");

        var (task, engine) = Run(good, truncated, flags, truncated);

        Assert.False(task.Execute());
        var errors = engine.Errors.ToList();
        Assert.Equal(2, errors.Count);
        var first = errors[0];
        Assert.Equal("RP9002", first.Code);
        Assert.Equal(truncated, first.File);
        Assert.Equal(3, first.Line);
        Assert.StartsWith($"The flag source '{truncated}' is not valid JSON at line 3, column ", first.Message);
        Assert.EndsWith(
            "so the feature-flag rules cannot tell which flags it declares and call no flag name undeclared (RP2002). " +
            "Fix the file (comments and trailing commas are fine, as in .NET configuration), or remove it from ReleaseFeatureFlagSource.",
            first.Message);
        Assert.Equal(flags, errors[1].File);
    }

    [Fact]
    public void AFileThatIsNotUtf8IsRP9002SayingSo()
    {
        var latin1 = _project.Path("appsettings.Staging.json");
        File.WriteAllBytes(latin1, [.. "{ \"FeatureManagement\": { \"Caf"u8, 0xE9, .. "\": true } }"u8]);

        var (task, engine) = Run(latin1);

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.StartsWith($"The flag source '{latin1}' is not UTF-8 text, so", error.Message);
    }

    [Fact]
    public void AListedSourceThatDoesNotExistIsRP9002NotSkipped()
    {
        var good = _project.WriteFile("appsettings.json", """{ "FeatureManagement": { "NewCheckout": true } }""");
        var missing = _project.Path("config/flags.json");

        var (task, engine) = Run(good, missing);

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(missing, error.File);
        Assert.Equal(
            $"The flag source '{missing}' does not exist, so the feature-flag rules read no flags from it. " +
            "Fix the ReleaseFeatureFlagSource item's Include path, or remove the item.",
            error.Message);
    }

    [Fact]
    public void AFolderListedAsASourceIsRP9002SayingItIsAFolder()
    {
        var folder = _project.Path("flags");
        Directory.CreateDirectory(folder);

        var (task, engine) = Run(folder);

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Contains("is a folder, not a file", error.Message);
    }

    private (CheckFlagSources Task, RecordingBuildEngine Engine) Run(params string[] sources)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckFlagSources
        {
            BuildEngine = engine,
            ProjectFile = _project.Path("Shop.csproj"),
            Sources = sources.Select(s => (ITaskItem)new TaskItem(s)).ToArray(),
        };
        return (task, engine);
    }
}
