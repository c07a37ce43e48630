using System.Text.Json;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>package.repository read from the .git files of a real repository created with the git CLI.</summary>
public sealed class RepositoryFromGitTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    private string RepositoryRoot => _context.Directory.FullPath;

    [Fact]
    public void A_branch_with_a_loose_ref_gives_branch_commit_and_origin_url()
    {
        var git = GitTestRepository.Init(RepositoryRoot, branch: "release/2.4");
        git.Git("remote", "add", "origin", "https://github.com/contoso/orders.git");
        var commit = git.Commit("First release");
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, ".git", "refs", "heads", "release", "2.4")));

        var repository = Repository(_context.Generate());

        Assert.Equal("https://github.com/contoso/orders.git", repository.GetProperty("url").GetString());
        Assert.Equal(commit, repository.GetProperty("commit").GetString());
        Assert.Equal("release/2.4", repository.GetProperty("branch").GetString());
    }

    [Fact]
    public void A_branch_only_in_packed_refs_resolves_to_its_commit()
    {
        var git = GitTestRepository.Init(RepositoryRoot);
        git.Commit("One");
        var commit = git.Commit("Two");
        git.Git("pack-refs", "--all", "--prune");
        Assert.False(File.Exists(Path.Combine(RepositoryRoot, ".git", "refs", "heads", "main")));

        var repository = Repository(_context.Generate());

        Assert.Equal(commit, repository.GetProperty("commit").GetString());
        Assert.Equal("main", repository.GetProperty("branch").GetString());
    }

    [Fact]
    public void A_detached_head_gives_the_commit_and_no_branch()
    {
        var git = GitTestRepository.Init(RepositoryRoot);
        var first = git.Commit("One");
        git.Commit("Two");
        git.Git("checkout", "-q", "--detach", first);

        var repository = Repository(_context.Generate());

        Assert.Equal(first, repository.GetProperty("commit").GetString());
        Assert.False(repository.TryGetProperty("branch", out _));
    }

    [Fact]
    public void A_detached_head_in_GitHub_Actions_takes_the_branch_from_the_CI_variables()
    {
        var git = GitTestRepository.Init(RepositoryRoot);
        var commit = git.Commit("One");
        git.Git("checkout", "-q", "--detach");
        _context.Environment["GITHUB_REF"] = "refs/heads/feature/checkout";
        _context.Environment["GITHUB_REF_NAME"] = "feature/checkout";

        var repository = Repository(_context.Generate());

        Assert.Equal(commit, repository.GetProperty("commit").GetString());
        Assert.Equal("feature/checkout", repository.GetProperty("branch").GetString());
    }

    [Fact]
    public void A_detached_head_for_a_tag_build_in_Azure_Pipelines_has_no_branch()
    {
        var git = GitTestRepository.Init(RepositoryRoot);
        git.Commit("One");
        git.Git("checkout", "-q", "--detach");
        _context.Environment["BUILD_SOURCEBRANCH"] = "refs/tags/v2.4.0";
        _context.Environment["BUILD_SOURCEBRANCHNAME"] = "v2.4.0";

        var repository = Repository(_context.Generate());

        Assert.False(repository.TryGetProperty("branch", out _));
    }

    [Fact]
    public void A_linked_worktree_reads_its_own_head_and_the_shared_refs_and_config()
    {
        var main = GitTestRepository.Init(_context.Directory.CreateDirectory("main-checkout"));
        main.Git("remote", "add", "origin", "git@github.com:contoso/orders.git");
        main.Commit("On main");
        var worktreePath = _context.Directory.Path("hotfix-checkout");
        main.Git("worktree", "add", "-q", "-b", "hotfix/sev1", worktreePath);
        var worktree = GitTestRepository.Open(worktreePath);
        var hotfixCommit = worktree.Commit("Hotfix");
        Assert.True(File.Exists(Path.Combine(worktreePath, ".git")), "a linked worktree has a .git file, not a folder");
        var projectDirectory = _context.Directory.CreateDirectory("hotfix-checkout/src/Orders.Api");

        var repository = Repository(_context.Generate(task => task.ProjectDirectory = projectDirectory));

        Assert.Equal("git@github.com:contoso/orders.git", repository.GetProperty("url").GetString());
        Assert.Equal(hotfixCommit, repository.GetProperty("commit").GetString());
        Assert.Equal("hotfix/sev1", repository.GetProperty("branch").GetString());
    }

    [Fact]
    public void A_worktree_branch_packed_in_the_main_repository_resolves_through_commondir()
    {
        var main = GitTestRepository.Init(_context.Directory.CreateDirectory("main-checkout"));
        main.Commit("On main");
        var worktreePath = _context.Directory.Path("wt");
        main.Git("worktree", "add", "-q", "-b", "topic", worktreePath);
        var topicCommit = GitTestRepository.Open(worktreePath).Commit("On topic");
        main.Git("pack-refs", "--all", "--prune");

        var repository = Repository(_context.Generate(task => task.ProjectDirectory = worktreePath));

        Assert.Equal(topicCommit, repository.GetProperty("commit").GetString());
        Assert.Equal("topic", repository.GetProperty("branch").GetString());
    }

    [Fact]
    public void A_branch_without_commits_gives_the_branch_and_no_commit()
    {
        GitTestRepository.Init(RepositoryRoot, branch: "develop");

        var repository = Repository(_context.Generate());

        Assert.Equal("develop", repository.GetProperty("branch").GetString());
        Assert.False(repository.TryGetProperty("commit", out _));
        Assert.False(repository.TryGetProperty("url", out _));
    }

    [Fact]
    public void Outside_any_repository_the_manifest_has_no_repository_and_no_error()
    {
        var manifest = _context.Generate();

        Assert.False(manifest.GetProperty("package").TryGetProperty("repository", out _));
    }

    [Theory]
    [InlineData("https://build-bot:ghp_s3cr3tT0ken@github.com/contoso/orders.git", "https://github.com/contoso/orders.git")]
    [InlineData("https://ghp_s3cr3tT0ken@dev.azure.com/contoso/orders/_git/orders", "https://dev.azure.com/contoso/orders/_git/orders")]
    [InlineData("ssh://git:s3cr3t@gitlab.example.com:2222/contoso/orders.git", "ssh://git@gitlab.example.com:2222/contoso/orders.git")]
    [InlineData("https://gitlab.example.com/contoso/orders.git?private_token=glpat-s3cr3t", "https://gitlab.example.com/contoso/orders.git")]
    [InlineData("https://git.example.com/orders.git?ref=main&access_token=s3cr3t#s3cr3t", "https://git.example.com/orders.git")]
    [InlineData("https://user:s3cr3t@git.example.com/orders.git?sig=s3cr3t", "https://git.example.com/orders.git")]
    public void Credentials_in_the_origin_url_never_reach_the_manifest(string remote, string published)
    {
        var git = GitTestRepository.Init(RepositoryRoot);
        git.Git("remote", "add", "origin", remote);
        git.Commit("One");

        var manifest = _context.Generate();

        Assert.Equal(published, Repository(manifest).GetProperty("url").GetString());
        Assert.DoesNotContain("s3cr3t", _context.ReadManifestText());
    }

    [Fact]
    public void Credentials_in_the_RepositoryUrl_property_are_stripped_too()
    {
        var manifest = _context.Generate(task =>
        {
            task.RepositoryUrl = "https://user:p%40ss@github.com/contoso/orders";
            task.RepositoryCommit = "0123456789abcdef0123456789abcdef01234567";
            task.RepositoryBranch = "main";
        });

        Assert.Equal("https://github.com/contoso/orders", Repository(manifest).GetProperty("url").GetString());
    }

    [Fact]
    public void Repository_properties_win_and_git_fills_only_what_they_leave_out()
    {
        var git = GitTestRepository.Init(RepositoryRoot, branch: "main");
        git.Git("remote", "add", "origin", "https://github.com/contoso/orders-from-git.git");
        git.Commit("One");

        var repository = Repository(_context.Generate(task =>
        {
            task.RepositoryUrl = "https://github.com/contoso/orders";
            task.RepositoryCommit = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";
        }));

        Assert.Equal("https://github.com/contoso/orders", repository.GetProperty("url").GetString());
        Assert.Equal("abcdef0123456789abcdef0123456789abcdef01", repository.GetProperty("commit").GetString());
        Assert.Equal("main", repository.GetProperty("branch").GetString());
    }

    [Fact]
    public void A_RepositoryCommit_that_is_not_a_full_commit_id_is_replaced_by_the_commit_from_git()
    {
        var git = GitTestRepository.Init(RepositoryRoot);
        var commit = git.Commit("One");

        var repository = Repository(_context.Generate(task => task.RepositoryCommit = commit.Substring(0, 7) + "+dirty"));

        Assert.Equal(commit, repository.GetProperty("commit").GetString());
    }

    [Fact]
    public void A_corrupt_HEAD_leaves_the_commit_out_instead_of_failing_the_build()
    {
        var git = GitTestRepository.Init(RepositoryRoot);
        git.Git("remote", "add", "origin", "https://github.com/contoso/orders.git");
        git.Commit("One");
        File.WriteAllText(Path.Combine(RepositoryRoot, ".git", "HEAD"), "not a ref and not a hash\n");

        var repository = Repository(_context.Generate());

        Assert.Equal("https://github.com/contoso/orders.git", repository.GetProperty("url").GetString());
        Assert.False(repository.TryGetProperty("commit", out _));
        Assert.False(repository.TryGetProperty("branch", out _));
    }

    [Fact]
    public void A_named_pipe_as_HEAD_is_RP9002_naming_it_instead_of_hanging_the_build_or_a_manifest_without_a_commit()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var git = GitTestRepository.Init(RepositoryRoot);
        git.Git("remote", "add", "origin", "https://github.com/contoso/orders.git");
        git.Commit("One");
        var head = Path.Combine(RepositoryRoot, ".git", "HEAD");
        File.Delete(head);
        Migrations.ScriptItemShapesTests.MakeFifo(head);

        var task = _context.CreateTask();
        var succeeded = Migrations.ScriptItemShapesTests.RunWithin(TimeSpan.FromSeconds(30), task.Execute);

        Assert.False(succeeded);
        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9002", error.Code);
        Assert.Equal(head, error.File);
        Assert.Contains("is not a regular file", error.Message);
        Assert.False(File.Exists(_context.OutputFile));
    }

    private static JsonElement Repository(JsonElement manifest) =>
        manifest.GetProperty("package").GetProperty("repository");

    public void Dispose() => _context.Dispose();
}
