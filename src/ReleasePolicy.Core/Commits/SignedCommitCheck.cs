using System.Collections.Generic;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Git;

namespace ReleasePolicy.Commits;

/// <summary>
/// RP4007: with <c>ReleaseRequireSignedCommit=true</c>, the commit the release is built from must carry a signature.
/// Reads the commit object from <c>.git</c> (<see cref="CommitSignature"/>); says which kind it found. Presence and
/// format only: verifying the signature needs the signer's key and a trust policy, which is the CI's or the forge's job.
/// </summary>
public static class SignedCommitCheck
{
    public static IReadOnlyList<PolicyFinding> Check(CommitSignatureReading reading, string? projectDirectory, string? projectFile)
    {
        var findings = new List<PolicyFinding>();
        if (reading.Repository is null)
        {
            findings.Add(Finding(
                $"ReleaseRequireSignedCommit is true, but '{projectDirectory}' is not inside a git repository, so no commit signature can be checked. " +
                "Build from a git checkout, or set ReleaseRequireSignedCommit=false for builds from a source archive.",
                projectFile));
        }
        else if (reading.Commit is null)
        {
            findings.Add(Finding(
                $"ReleaseRequireSignedCommit is true, but HEAD in '{reading.Repository}' names no commit (an unborn branch, or a ref ReleasePolicy cannot read). Commit, signed, and build again.",
                projectFile));
        }
        else if (reading.IsUnreadable)
        {
            findings.Add(new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"The commit {reading.Commit} cannot be read from '{reading.Repository}': its object is missing or corrupt (a partial clone, or a damaged pack), so RP4007 cannot tell whether it is signed. " +
                "Fetch the commit (git fetch --refetch, or a full clone) and build again.",
                projectFile));
        }
        else if (reading.Kind == CommitSignature.None)
        {
            findings.Add(Finding(
                $"HEAD's commit {reading.Commit} carries no signature, and ReleaseRequireSignedCommit is true. " +
                "Sign it (git commit --amend -S, or a signing key set with git config commit.gpgSign true) and build again. " +
                "ReleasePolicy checks that a signature is present and of a known format, not that it verifies.",
                projectFile));
        }
        else
        {
            findings.Add(new PolicyFinding(
                RuleIds.UnsignedCommit,
                FindingKind.Information,
                $"ReleasePolicy: HEAD's commit {reading.Commit} carries {Describe(reading.Kind!)} (its presence and format were checked, not its validity).",
                projectFile));
        }

        return findings;
    }

    /// <summary>How messages name each kind.</summary>
    public static string Describe(string kind) => kind switch
    {
        CommitSignature.Pgp => "a PGP signature",
        CommitSignature.Ssh => "an SSH signature",
        CommitSignature.X509 => "an X.509 signature (gpgsm, smimesign or gitsign)",
        _ => "a signature header of an unknown format",
    };

    private static PolicyFinding Finding(string message, string? projectFile) =>
        new(RuleIds.UnsignedCommit, FindingKind.Policy, message, projectFile);
}
