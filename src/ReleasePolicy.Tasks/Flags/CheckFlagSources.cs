using Microsoft.Build.Framework;
using ReleasePolicy.Flags;

namespace ReleasePolicy.Tasks;

/// <summary>RP9002 for each flag source the flag rules cannot read (see <see cref="FlagSourceCheck"/>).</summary>
public sealed class CheckFlagSources : ReleasePolicyTask
{
    /// <summary>The flag sources the analyzers read: appsettings*.json beside the project and @(ReleaseFeatureFlagSource).</summary>
    public ITaskItem[] Sources { get; set; } = System.Array.Empty<ITaskItem>();

    protected override string Activity => "reading the feature-flag sources";

    protected override void ExecuteCore()
    {
        var paths = new System.Collections.Generic.List<string>(Sources.Length);
        foreach (var source in Sources)
        {
            paths.Add(source.GetMetadata("FullPath") is { Length: > 0 } full ? full : source.ItemSpec);
        }

        Report(FlagSourceCheck.Run(paths));
    }
}
