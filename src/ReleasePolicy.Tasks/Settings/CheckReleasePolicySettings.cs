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
public sealed class CheckReleasePolicySettings : ReleasePolicyTask
{
    private static readonly string[] Booleans = { "true", "false" };

    /// <summary>$(ReleasePolicyEnabled), as the targets normalised it (true/yes/on and false/no/off).</summary>
    public string? Enabled { get; set; }

    /// <summary>$(ReleaseManifestEnabled).</summary>
    public string? ManifestEnabled { get; set; }

    /// <summary>$(ReleasePolicyWarningsAsErrors).</summary>
    public string? WarningsAsErrors { get; set; }

    public string? ReleaseType { get; set; }

    public string? ReleaseHotfixSeverity { get; set; }

    public string? ReleaseUserImpact { get; set; }

    public string? ReleaseDataSensitivity { get; set; }

    /// <summary>
    /// Switches the targets compare with exactly <c>true</c> or <c>false</c> (ReleaseGatesOnBuild, ReleasePublicApi, …):
    /// the property name as Include, its value as <c>Value</c> metadata. Anything else would silently mean the default.
    /// </summary>
    public Microsoft.Build.Framework.ITaskItem[] Switches { get; set; } = System.Array.Empty<Microsoft.Build.Framework.ITaskItem>();

    /// <summary>Touched when every value is valid.</summary>
    public string? StampFile { get; set; }

    protected override string Activity => "checking the ReleasePolicy settings";

    protected override bool ReportsEveryInvalidSetting => true;

    protected override void ExecuteCore()
    {
        var findings = new List<PolicyFinding>();
        CheckBoolean("ReleasePolicyEnabled", Enabled, findings);
        CheckBoolean("ReleaseManifestEnabled", ManifestEnabled, findings);
        CheckBoolean("ReleasePolicyWarningsAsErrors", WarningsAsErrors, findings);
        foreach (var setting in Switches)
        {
            var value = setting.GetMetadata("Value");
            if (!string.IsNullOrWhiteSpace(value) && System.Array.IndexOf(Booleans, value.Trim().ToLowerInvariant()) < 0)
            {
                findings.Add(new PolicyFinding(
                    RuleIds.InvalidPolicyValue,
                    FindingKind.InputError,
                    $"{setting.ItemSpec} is '{value}'. Allowed values: true, false (or leave it empty for the default).",
                    ProjectFile));
            }
        }

        ReleaseClassification.TryCreate(ReleaseType, ReleaseHotfixSeverity, ReleaseUserImpact, ReleaseDataSensitivity, ProjectFile, findings);
        if (findings.Count > 0 || Log.HasLoggedErrors)
        {
            Report(findings);
            return;
        }

        if (!string.IsNullOrEmpty(StampFile))
        {
            IO.StampFile.Touch(StampFile!);
        }
    }

    /// <summary>An empty value means the default; anything but true or false (after the targets' normalisation) is RP9001.</summary>
    private void CheckBoolean(string property, string? value, List<PolicyFinding> findings)
    {
        if (!string.IsNullOrWhiteSpace(value) && System.Array.IndexOf(Booleans, value!.Trim().ToLowerInvariant()) < 0)
        {
            findings.Add(new PolicyFinding(
                RuleIds.InvalidPolicyValue,
                FindingKind.InputError,
                $"{property} is '{value}'. Allowed values: true, false (yes/no and on/off are accepted too).",
                ProjectFile));
        }
    }
}
