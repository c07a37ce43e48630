using ReleasePolicy.Tasks.Tests.Manifest;

namespace ReleasePolicy.Tasks.Tests.Commits;

/// <summary>
/// Commits with a signature header, made the way git stores them but without a key: the commit object of HEAD with a
/// fabricated <c>gpgsig</c> header, written with <c>git hash-object -w -t commit</c> and made HEAD. ReleasePolicy
/// checks presence and format, so a well-formed armour block is all the test needs.
/// </summary>
internal static class SignedGitRepository
{
    public const string PgpArmour = "-----BEGIN PGP SIGNATURE-----";
    public const string SshArmour = "-----BEGIN SSH SIGNATURE-----";
    public const string X509Armour = "-----BEGIN SIGNED MESSAGE-----";

    /// <summary>Rewrites HEAD's commit with a <c>gpgsig</c> header in <paramref name="armour"/>'s format; returns the new commit's ID.</summary>
    public static string SignHead(this GitTestRepository git, string armour)
    {
        var content = git.Git("cat-file", "commit", "HEAD").ReplaceLineEndings("\n");
        var end = armour.Replace("BEGIN", "END");
        var signature = $"gpgsig {armour}\n \n iQEzBAABCAAdFiEEfabricatedForReleasePolicyTestsOnly0000AAoJEL\n =AbCd\n {end}\n";
        var headersEnd = content.IndexOf("\n\n", StringComparison.Ordinal);
        var signed = content[..(headersEnd + 1)] + signature + content[(headersEnd + 1)..] + "\n";
        return git.WriteCommitObject(signed);
    }

    /// <summary>Writes a commit object from its text and moves the current branch to it.</summary>
    public static string WriteCommitObject(this GitTestRepository git, string content)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, content);
        var id = git.Git("hash-object", "-w", "-t", "commit", file);
        File.Delete(file);
        git.Git("update-ref", "HEAD", id);
        return id;
    }
}
