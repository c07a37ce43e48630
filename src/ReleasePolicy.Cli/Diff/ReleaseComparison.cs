using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Diff;

/// <summary>Two releases and what changed between them: the engine's <see cref="ReleaseChanges"/>, the same comparison the manifest's <c>changes</c> section records.</summary>
internal sealed class ReleaseComparison
{
    private ReleaseComparison(ReleaseManifest before, ReleaseManifest after)
    {
        Before = before;
        After = after;
        Changes = ReleaseChanges.Between(before, after);
    }

    public ReleaseManifest Before { get; }

    public ReleaseManifest After { get; }

    public ReleaseChanges Changes { get; }

    public static ReleaseComparison Of(ReleaseManifest before, ReleaseManifest after) => new(before, after);
}
