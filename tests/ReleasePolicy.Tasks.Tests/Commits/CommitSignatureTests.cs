using System.Text.RegularExpressions;
using ReleasePolicy.Git;
using ReleasePolicy.Tasks.Tests.Infrastructure;
using ReleasePolicy.Tasks.Tests.Manifest;

namespace ReleasePolicy.Tasks.Tests.Commits;

/// <summary>
/// HEAD's commit read from .git by ReleasePolicy itself, in every place git keeps it: a loose object, a pack after
/// git gc, a delta inside a pack (offset and ref deltas), a linked worktree.
/// </summary>
public sealed class CommitSignatureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Root => _directory.FullPath;

    [Fact]
    public void An_unsigned_loose_commit_has_no_signature()
    {
        var git = GitTestRepository.Init(Root);
        var commit = git.Commit("Unsigned release");
        Assert.True(File.Exists(LooseObject(commit)));

        var reading = CommitSignature.Read(Root);

        Assert.Equal((commit, CommitSignature.None), (reading.Commit, reading.Kind));
    }

    [Theory]
    [InlineData(SignedGitRepository.PgpArmour, CommitSignature.Pgp)]
    [InlineData(SignedGitRepository.SshArmour, CommitSignature.Ssh)]
    [InlineData(SignedGitRepository.X509Armour, CommitSignature.X509)]
    [InlineData("-----BEGIN SOMETHING ELSE-----", CommitSignature.Unknown)]
    public void A_signature_header_is_recognised_by_its_armour(string armour, string kind)
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("Release 2.4.0");
        var signed = git.SignHead(armour);
        Assert.Equal(signed, git.Git("rev-parse", "HEAD"));

        var reading = CommitSignature.Read(Path.Combine(Root, "src"));

        Assert.Equal((signed, kind), (reading.Commit, reading.Kind));
    }

    [Fact]
    public void A_signed_merged_tag_in_a_mergetag_header_is_not_the_commits_signature()
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("Release 2.4.0");
        var content = git.Git("cat-file", "commit", "HEAD").ReplaceLineEndings("\n");
        var headersEnd = content.IndexOf("\n\n", StringComparison.Ordinal);
        var mergetag = "mergetag object 0123456789abcdef0123456789abcdef01234567\n type commit\n tag v2.3.0\n tagger Someone <s@example.com> 1700000000 +0000\n \n v2.3.0\n -----BEGIN PGP SIGNATURE-----\n iQEz\n -----END PGP SIGNATURE-----\n";
        git.WriteCommitObject(content[..(headersEnd + 1)] + mergetag + content[(headersEnd + 1)..] + "\n");

        Assert.Equal(CommitSignature.None, CommitSignature.Read(Root).Kind);
    }

    [Fact]
    public void A_signed_commit_is_found_in_the_pack_after_git_gc_with_packed_refs()
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("One");
        var signed = git.SignHead(SignedGitRepository.PgpArmour);
        git.Git("gc", "-q", "--prune=now");
        Assert.False(File.Exists(LooseObject(signed)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, ".git", "objects", "pack"), "*.idx"));
        Assert.False(File.Exists(Path.Combine(Root, ".git", "refs", "heads", "main")));

        var reading = CommitSignature.Read(Root);

        Assert.Equal((signed, CommitSignature.Pgp), (reading.Commit, reading.Kind));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Commits_stored_as_deltas_in_a_pack_are_rebuilt_from_their_base(bool offsetDeltas)
    {
        var git = GitTestRepository.Init(Root);
        var signed = new List<string>();
        var body = string.Join("\n", Enumerable.Range(1, 200).Select(i => $"- change {i}: the orders service keeps its schema in step with the catalogue"));
        for (var release = 1; release <= 4; release++)
        {
            git.Commit($"Release 2.{release}.0\n\n{body}\n- and release {release}");
            signed.Add(git.SignHead(release % 2 == 0 ? SignedGitRepository.SshArmour : SignedGitRepository.PgpArmour));
        }

        git.Git("-c", $"repack.useDeltaBaseOffset={(offsetDeltas ? "true" : "false")}", "repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50");
        git.Git("prune", "--expire=now");
        var deltas = DeltaCommits(git);
        Assert.NotEmpty(deltas);
        Assert.All(signed, id => Assert.False(File.Exists(LooseObject(id))));

        foreach (var id in signed)
        {
            var expected = signed.IndexOf(id) % 2 == 0 ? CommitSignature.Pgp : CommitSignature.Ssh;
            Assert.Equal((id, expected), (CommitSignature.Read(Root, id).Commit, CommitSignature.Read(Root, id).Kind));
        }

        Assert.Contains(deltas, signed.Contains);
        Assert.Contains(offsetDeltas ? "OFS_DELTA" : "REF_DELTA", PackEntryKinds(git));
    }

    [Fact]
    public void A_linked_worktree_reads_its_own_head_from_the_shared_objects()
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("One");
        git.SignHead(SignedGitRepository.PgpArmour);
        var worktreeDirectory = Path.Combine(_directory.FullPath, "..", Path.GetFileName(Root) + "-hotfix");
        git.Git("worktree", "add", "-q", "-b", "hotfix/2.4.1", worktreeDirectory);
        var worktree = GitTestRepository.Open(worktreeDirectory);
        worktree.Git("config", "commit.gpgsign", "false");
        var unsigned = worktree.Commit("Hotfix, unsigned");

        try
        {
            Assert.Equal((unsigned, CommitSignature.None), (CommitSignature.Read(worktreeDirectory).Commit, CommitSignature.Read(worktreeDirectory).Kind));
            Assert.Equal(CommitSignature.Pgp, CommitSignature.Read(Root).Kind);
        }
        finally
        {
            Directory.Delete(worktreeDirectory, recursive: true);
        }
    }

    [Fact]
    public void A_commit_missing_from_the_objects_is_unreadable_not_unsigned()
    {
        var git = GitTestRepository.Init(Root);
        var commit = git.Commit("One");
        File.Delete(LooseObject(commit));

        var reading = CommitSignature.Read(Root);

        Assert.True(reading.IsUnreadable);
        Assert.Null(reading.Kind);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not zlib")]
    public void A_corrupt_loose_commit_is_unreadable_and_nothing_throws(string damage)
    {
        var git = GitTestRepository.Init(Root);
        var commit = git.Commit("One");
        var path = LooseObject(commit);
        var bytes = File.ReadAllBytes(path);
        File.SetAttributes(path, FileAttributes.Normal);
        File.WriteAllBytes(path, damage == "truncated" ? bytes[..(bytes.Length / 2)] : "this is not a zlib stream"u8.ToArray());

        var reading = CommitSignature.Read(Root);

        Assert.True(reading.IsUnreadable);
        Assert.Equal(commit, reading.Commit);
    }

    [Fact]
    public void A_corrupt_pack_is_unreadable_and_nothing_throws()
    {
        var git = GitTestRepository.Init(Root);
        var commit = git.Commit("One");
        git.Git("gc", "-q", "--prune=now");
        var pack = Directory.GetFiles(Path.Combine(Root, ".git", "objects", "pack"), "*.pack").Single();
        var bytes = File.ReadAllBytes(pack);
        File.SetAttributes(pack, FileAttributes.Normal);
        Array.Fill(bytes, (byte)0xFF, 12, bytes.Length - 12);
        File.WriteAllBytes(pack, bytes);

        var reading = CommitSignature.Read(Root);

        Assert.True(reading.IsUnreadable);
        Assert.Equal(commit, reading.Commit);
    }

    [Fact]
    public void The_netstandard_way_of_reading_zlib_gives_what_git_stored()
    {
        var git = GitTestRepository.Init(Root);
        var commit = git.Commit("One");
        var expected = $"commit {git.Git("cat-file", "-s", commit)}\0{git.Git("cat-file", "commit", commit)}\n";

        using var file = File.OpenRead(LooseObject(commit));
        using var inflater = GitZlib.OpenDeflateAfterHeader(file);
        using var content = new MemoryStream();
        inflater!.CopyTo(content);

        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(content.ToArray()));
        Assert.Null(GitZlib.OpenDeflateAfterHeader(new MemoryStream("not zlib"u8.ToArray())));
    }

    /// <summary>The commits that <c>git verify-pack -v</c> lists with a delta base (a depth and a base column).</summary>
    private List<string> DeltaCommits(GitTestRepository git) =>
        Pack(git).Split('\n')
            .Select(line => Regex.Split(line.Trim(), "\\s+"))
            .Where(columns => columns.Length == 7 && columns[1] == "commit")
            .Select(columns => columns[0])
            .ToList();

    /// <summary>How each pack entry is stored, by its type byte: git's own tools show only the rebuilt type.</summary>
    private List<string> PackEntryKinds(GitTestRepository git)
    {
        var pack = Directory.GetFiles(Path.Combine(Root, ".git", "objects", "pack"), "*.pack").Single();
        var bytes = File.ReadAllBytes(pack);
        return Pack(git).Split('\n')
            .Select(line => Regex.Split(line.Trim(), "\\s+"))
            .Where(columns => columns.Length >= 5 && columns[0].Length == 40)
            .Select(columns => ((bytes[long.Parse(columns[4])] >> 4) & 7) switch { 6 => "OFS_DELTA", 7 => "REF_DELTA", _ => "whole" })
            .ToList();
    }

    private string Pack(GitTestRepository git) =>
        git.Git("verify-pack", "-v", Directory.GetFiles(Path.Combine(Root, ".git", "objects", "pack"), "*.idx").Single());

    private string LooseObject(string id) => Path.Combine(Root, ".git", "objects", id[..2], id[2..]);

    public void Dispose() => _directory.Dispose();
}
