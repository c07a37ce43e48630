using Microsoft.Build.Framework;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Shows again, as they were logged, the findings a check left in its replay file (<see cref="ReleasePolicyTask.ReplayFile"/>)
/// when its target is skipped because no input changed: findings stay visible on every build until fixed, and a
/// no-change build does not run the check to show them (about 60 ms of the sample's no-change build before).
/// </summary>
public sealed class ReplayReleasePolicyFindings : ReleasePolicyTask
{
    /// <summary>The replay file the check wrote.</summary>
    [Required]
    public string File { get; set; } = string.Empty;

    protected override string Activity => "showing the findings of the last check again";

    protected override void ExecuteCore()
    {
        string[] lines;
        try
        {
            lines = RegularFile.ReadAllLines(File);
        }
        catch (System.Exception ex) when (ex is System.IO.IOException or System.UnauthorizedAccessException)
        {
            Report(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError,
                $"ReleasePolicy could not read the findings of the last check from '{File}': {RegularFile.Explain(ex)} Deleting it makes the check run again.", File));
            return;
        }

        if (FindingReplay.Read(lines, out var problem) is not { } findings)
        {
            Report(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError,
                $"'{File}' is not a findings file this version of ReleasePolicy wrote ({problem}). Delete it (the check runs again) and build again.", File));
            return;
        }

        foreach (var finding in findings)
        {
            LogFinding(finding);
        }
    }
}
