using System.Collections.Generic;

namespace ReleasePolicy.Gates;

/// <summary>How a gate ended, as the manifest's <c>gates[].status</c> spells it.</summary>
public static class GateStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Bypassed = "bypassed";
}

/// <summary>One entry of the manifest's <c>gates</c> section: the rule, how it ended, why, and what shows it.</summary>
public sealed class GateResult
{
    public GateResult(string id, string status, string reason, IReadOnlyList<string> evidence, string? severity = null)
    {
        Id = id;
        Status = status;
        Reason = reason;
        Evidence = evidence;
        Severity = severity;
    }

    /// <summary>The rule ID, e.g. <c>RP5002</c>.</summary>
    public string Id { get; }

    /// <summary>One of <see cref="GateStatus"/>.</summary>
    public string Status { get; }

    public string Reason { get; }

    /// <summary>The windows, files or items the decision was made from.</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>For a bypass: the hotfix severity that allowed it.</summary>
    public string? Severity { get; }
}
