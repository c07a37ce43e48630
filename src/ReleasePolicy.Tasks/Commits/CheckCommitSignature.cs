using Microsoft.Build.Framework;
using ReleasePolicy.Commits;
using ReleasePolicy.Git;

namespace ReleasePolicy.Tasks;

/// <summary>
/// RP4007 when <c>ReleaseRequireSignedCommit=true</c>: HEAD's commit, read from <c>.git</c>, must carry a signature.
/// A thin adapter over <see cref="SignedCommitCheck"/>; cheap (one object read), so it runs on every build that asks.
/// </summary>
public sealed class CheckCommitSignature : ReleasePolicyTask
{
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The kind found (pgp, ssh, x509, unknown, none), or empty when no commit could be read.</summary>
    [Output]
    public string SignatureKind { get; set; } = string.Empty;

    protected override string Activity => "reading HEAD's commit signature";

    protected override void ExecuteCore()
    {
        var reading = CommitSignature.Read(ProjectDirectory);
        SignatureKind = reading.Kind ?? string.Empty;
        Report(SignedCommitCheck.Check(reading, ProjectDirectory, ProjectFile));
    }
}
