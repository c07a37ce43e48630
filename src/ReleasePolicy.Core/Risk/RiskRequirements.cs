using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Risk;

/// <summary>
/// RP5001: at or above <c>ReleaseRiskThreshold</c> a release needs a rollback playbook that exists, and every
/// <c>ReleaseRiskRequiredArtifact</c> file. One finding names everything that is missing.
/// </summary>
public static class RiskRequirements
{
    /// <returns>The RP5001 finding, or null when the risk is below the threshold or nothing is missing.</returns>
    public static PolicyFinding? Check(RiskAssessment risk, string threshold, IReadOnlyList<string> rollbackPlaybooks, IReadOnlyList<string> requiredArtifacts)
    {
        if (RiskLevels.Rank(risk.Level) < RiskLevels.Rank(threshold))
        {
            return null;
        }

        var missing = new List<string>();
        if (rollbackPlaybooks.Count == 0)
        {
            missing.Add("a rollback playbook (declare it: <RollbackPlaybook Include=\"docs/rollback.md\" />)");
        }
        else if (!rollbackPlaybooks.Any(File.Exists))
        {
            missing.Add("the rollback playbook " + string.Join(" or ", rollbackPlaybooks.Select(p => $"'{p}'")) + " (the file does not exist)");
        }

        missing.AddRange(requiredArtifacts.Where(path => !File.Exists(path)).Select(path => $"the required artifact '{path}' (ReleaseRiskRequiredArtifact; the file does not exist)"));
        if (missing.Count == 0)
        {
            return null;
        }

        return new PolicyFinding(
            RuleIds.RiskArtifactsMissing,
            FindingKind.Policy,
            $"Release risk is {risk.Level} ({risk.Score}/100), at or above ReleaseRiskThreshold '{threshold}', and it requires " +
            string.Join("; ", missing) + ". Add them, or lower the risk (docs/risk.md lists the factors).");
    }
}
