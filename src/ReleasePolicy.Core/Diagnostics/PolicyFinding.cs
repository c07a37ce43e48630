namespace ReleasePolicy.Diagnostics;

/// <summary>How a finding is reported: policy findings follow ReleasePolicyMode, input errors always fail the build.</summary>
public enum FindingKind
{
    /// <summary>A broken release rule: an error in Enforce mode, a warning in Audit mode.</summary>
    Policy,

    /// <summary>A risk worth knowing that never fails a build (reported as a message).</summary>
    Information,

    /// <summary>Bad configuration or unreadable input (RP9xxx): always an error.</summary>
    InputError,

    /// <summary>A warning in both modes (a vulnerability just below the blocking severity).</summary>
    Warning,
}

/// <summary>One thing the engine found, with where it is. Errors are values until they reach the MSBuild edge.</summary>
public sealed class PolicyFinding
{
    public PolicyFinding(string ruleId, FindingKind kind, string message, string? file = null, int line = 0, int column = 0)
    {
        RuleId = ruleId;
        Kind = kind;
        Message = message;
        File = file;
        Line = line;
        Column = column;
    }

    public string RuleId { get; }

    public FindingKind Kind { get; }

    public string Message { get; }

    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => $"{File}({Line},{Column}): {RuleId}: {Message}";
}
