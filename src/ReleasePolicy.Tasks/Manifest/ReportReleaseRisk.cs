using System.IO;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Manifest;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Tasks;

/// <summary>
/// RP5000 on every pack and publish: the release's risk level, score and top three factors, read back from the
/// manifest GenerateReleaseManifest wrote — also when that task was skipped because nothing changed, so an
/// up-to-date pack in CI still prints the summary a release manager looks for.
/// </summary>
public sealed class ReportReleaseRisk : ReleasePolicyTask
{
    /// <summary>The release manifest.</summary>
    [Microsoft.Build.Framework.Required]
    public string ManifestFile { get; set; } = string.Empty;

    protected override string Activity => $"reporting the release risk from '{ManifestFile}'";

    protected override void ExecuteCore()
    {
        var path = Path.GetFullPath(ManifestFile);
        if (!ReleaseManifestReader.TryRead(path, out var manifest, out var error))
        {
            Report(error!);
            return;
        }

        if (manifest!.Risk is { } risk)
        {
            Report(new PolicyFinding(RuleIds.RiskSummary, FindingKind.Information, RiskModel.Summary(risk, path), path));
        }
    }
}
