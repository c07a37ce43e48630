using System.Collections.Generic;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Checks the ReleasePolicy properties on every build, so a typo in ReleasePolicyMode or ReleaseUserImpact is an
/// RP9001 in the IDE and on `dotnet build`, not a surprise at pack time. The mode itself is checked by the base class.
/// </summary>
/// <remarks>
/// The targets run this only when the values change (they are written to a cache file that is the target's input),
/// and the stamp it touches is the target's output; a failed check leaves the stamp alone so the error repeats.
/// </remarks>
public sealed class ValidateReleasePolicySettings : ReleasePolicyTask
{
    public string? ReleaseType { get; set; }

    public string? ReleaseHotfixSeverity { get; set; }

    public string? ReleaseUserImpact { get; set; }

    public string? ReleaseDataSensitivity { get; set; }

    /// <summary>Touched when every value is valid.</summary>
    public string? StampFile { get; set; }

    protected override string Activity => "checking the ReleasePolicy settings";

    protected override void ExecuteCore()
    {
        var findings = new List<PolicyFinding>();
        if (ReleaseClassification.TryCreate(ReleaseType, ReleaseHotfixSeverity, ReleaseUserImpact, ReleaseDataSensitivity, ProjectFile, findings) is null)
        {
            Report(findings);
            return;
        }

        if (!string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Touch(StampFile!);
        }
    }
}
