using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Settings;

public sealed class CheckReleasePolicySettingsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly RecordingBuildEngine _engine = new();

    [Fact]
    public void Valid_settings_pass_and_touch_the_stamp()
    {
        var task = NewTask(t =>
        {
            t.Mode = "enforce";
            t.ReleaseType = "Hotfix";
            t.ReleaseHotfixSeverity = "sev2";
            t.ReleaseUserImpact = "Internal";
            t.ReleaseDataSensitivity = "PCI";
        });

        Assert.True(task.Execute());

        Assert.DoesNotContain(_engine.Diagnostics, d => d.Severity != DiagnosticSeverity.Message);
        Assert.True(File.Exists(task.StampFile));
    }

    [Fact]
    public void An_unknown_ReleaseUserImpact_is_RP9001_at_the_project_and_leaves_no_stamp()
    {
        var task = NewTask(t => t.ReleaseUserImpact = "Everyone");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.Equal(task.ProjectFile, error.File);
        Assert.Equal("ReleaseUserImpact is 'Everyone'. Allowed values: Internal, CustomerFacing.", error.Message);
        Assert.False(File.Exists(task.StampFile));
    }

    [Fact]
    public void An_unknown_ReleasePolicyMode_is_RP9001_listing_Enforce_and_Audit()
    {
        var task = NewTask(t => t.Mode = "Strict");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.Equal("ReleasePolicyMode is 'Strict'. Allowed values: Enforce, Audit.", error.Message);
        Assert.False(File.Exists(task.StampFile));
    }

    [Theory]
    [InlineData("ReleaseGatesOnBuild", "yes-please")]
    [InlineData("ReleasePublicApi", "0")]
    [InlineData("ReleaseLeakInventory", "enabled")]
    public void A_switch_that_is_neither_true_nor_false_is_RP9001_rather_than_silently_the_default(string property, string value)
    {
        var task = NewTask(t => t.Switches =
        [
            Switch("ReleaseFeatureFlagInventory", "True"),
            Switch("ReleaseGatesOnBuild", ""),
            Switch(property, value),
        ]);

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.Equal(task.ProjectFile, error.File);
        Assert.Equal($"{property} is '{value}'. Allowed values: true, false (or leave it empty for the default).", error.Message);
        Assert.False(File.Exists(task.StampFile));
    }

    private static Microsoft.Build.Utilities.TaskItem Switch(string property, string value)
    {
        var item = new Microsoft.Build.Utilities.TaskItem(property);
        item.SetMetadata("Value", value);
        return item;
    }

    public void Dispose() => _directory.Dispose();

    private CheckReleasePolicySettings NewTask(Action<CheckReleasePolicySettings> configure)
    {
        var task = new CheckReleasePolicySettings
        {
            BuildEngine = _engine,
            Mode = "Audit",
            ProjectFile = _directory.WriteFile("Orders.Api/Orders.Api.csproj", "<Project />"),
            StampFile = _directory.Path("Orders.Api/obj/releasepolicy/settings.stamp"),
        };
        configure(task);
        return task;
    }
}
