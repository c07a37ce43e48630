using System;
using System.IO;
using System.Text;

namespace ReleasePolicy.Git;

/// <summary>
/// Whether a commit object carries a signature, and in which format: the <c>gpgsig</c> (or <c>gpgsig-sha256</c>)
/// header git writes for <c>git commit -S</c>, recognised by its armour line. This is presence and format only: the
/// signature is not verified, its key is not looked up, and nothing says who signed (RP4007's page says so too).
/// </summary>
public static class CommitSignature
{
    /// <summary><c>-----BEGIN PGP SIGNATURE-----</c>: gpg, the default <c>gpg.format</c>.</summary>
    public const string Pgp = "pgp";

    /// <summary><c>-----BEGIN SSH SIGNATURE-----</c>: <c>gpg.format ssh</c>.</summary>
    public const string Ssh = "ssh";

    /// <summary><c>-----BEGIN SIGNED MESSAGE-----</c>: CMS / X.509, <c>gpg.format x509</c> with gpgsm, smimesign or Sigstore's gitsign.</summary>
    public const string X509 = "x509";

    /// <summary>A signature header whose armour is none of the above.</summary>
    public const string Unknown = "unknown";

    /// <summary>The commit has no signature header.</summary>
    public const string None = "none";

    /// <summary>The signature kind of <paramref name="commit"/> (or of HEAD when null) in the repository around <paramref name="startDirectory"/>. Never throws.</summary>
    public static CommitSignatureReading Read(string? startDirectory, string? commit = null)
    {
        try
        {
            var layout = GitDirectoryLayout.Find(startDirectory);
            if (layout is null)
            {
                return CommitSignatureReading.NoRepository();
            }

            commit ??= GitReferences.ReadHead(layout).Commit;
            if (commit is null)
            {
                return CommitSignatureReading.NoCommit(layout.GitDirectory);
            }

            var commitObject = GitObjectDatabase.For(layout).Read(commit);
            if (commitObject is null || commitObject.Type != "commit")
            {
                return CommitSignatureReading.Unreadable(layout.CommonDirectory, commit.ToLowerInvariant());
            }

            return CommitSignatureReading.Found(layout.CommonDirectory, commit.ToLowerInvariant(), KindOf(commitObject.Content));
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            return CommitSignatureReading.NoRepository();
        }
    }

    /// <summary>The kind of signature in a commit object's headers (before the first empty line): <see cref="None"/> when there is none.</summary>
    public static string KindOf(byte[] commitContent)
    {
        var text = Encoding.UTF8.GetString(commitContent);
        var headersEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = (headersEnd < 0 ? text : text.Substring(0, headersEnd)).Split('\n');
        foreach (var line in headers)
        {
            // Only the commit's own header: a "mergetag" header carries a merged tag whose signature is on continuation lines.
            var space = line.IndexOf(' ');
            var name = space < 0 ? line : line.Substring(0, space);
            if (name != "gpgsig" && name != "gpgsig-sha256")
            {
                continue;
            }

            var armour = line.Substring(space + 1).Trim();
            return armour switch
            {
                "-----BEGIN PGP SIGNATURE-----" => Pgp,
                "-----BEGIN SSH SIGNATURE-----" => Ssh,
                "-----BEGIN SIGNED MESSAGE-----" => X509,
                _ => Unknown,
            };
        }

        return None;
    }
}

/// <summary>What <see cref="CommitSignature.Read"/> found: a kind for a readable commit, or why there is none.</summary>
public sealed class CommitSignatureReading
{
    private CommitSignatureReading(string? repository, string? commit, string? kind, bool unreadable)
    {
        Repository = repository;
        Commit = commit;
        Kind = kind;
        IsUnreadable = unreadable;
    }

    /// <summary>The git directory holding the objects; null outside a repository.</summary>
    public string? Repository { get; }

    public string? Commit { get; }

    /// <summary>One of <see cref="CommitSignature"/>'s kinds; null when no commit could be read.</summary>
    public string? Kind { get; }

    /// <summary>The commit is named but its object is missing or corrupt (a partial clone, a damaged pack).</summary>
    public bool IsUnreadable { get; }

    internal static CommitSignatureReading NoRepository() => new(null, null, null, false);

    internal static CommitSignatureReading NoCommit(string repository) => new(repository, null, null, false);

    internal static CommitSignatureReading Unreadable(string repository, string commit) => new(repository, commit, null, true);

    internal static CommitSignatureReading Found(string repository, string commit, string kind) => new(repository, commit, kind, false);
}
