using ReleasePolicy.Tasks.Tests.Infrastructure;
using ReleasePolicy.Tasks.Tests.Manifest;

namespace ReleasePolicy.Tasks.Tests.Commits;

/// <summary>RP4007 as the build reports it, and the kind the manifest records.</summary>
public sealed class CheckCommitSignatureTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    private string Root => _context.Directory.FullPath;

    [Fact]
    public void An_unsigned_head_fails_an_Enforce_build_naming_the_commit_and_what_to_do()
    {
        var git = GitTestRepository.Init(Root);
        var commit = git.Commit("Unsigned release");

        var (succeeded, engine) = Run("Enforce");

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("RP4007", error.Code);
        Assert.Equal(_context.ProjectFile, error.File);
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP4007.md", error.HelpLink);
        Assert.Equal(
            $"HEAD's commit {commit} carries no signature, and ReleaseRequireSignedCommit is true. " +
            "Sign it (git commit --amend -S, or a signing key set with git config commit.gpgSign true) and build again. " +
            "ReleasePolicy checks that a signature is present and of a known format, not that it verifies.",
            error.Message);
    }

    [Fact]
    public void An_unsigned_head_is_a_warning_in_Audit()
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("Unsigned release");

        var (succeeded, engine) = Run("Audit");

        Assert.True(succeeded);
        Assert.Equal("RP4007", Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void A_signed_head_passes_and_says_which_kind_it_found()
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("Release 2.4.0");
        var signed = git.SignHead(SignedGitRepository.SshArmour);

        var (succeeded, engine) = Run("Enforce");

        Assert.True(succeeded);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Contains(engine.Diagnostics, d => d.Code == "RP4007" && d.Severity == DiagnosticSeverity.Message
            && d.Message == $"ReleasePolicy: HEAD's commit {signed} carries an SSH signature (its presence and format were checked, not its validity).");
    }

    [Fact]
    public void A_project_outside_any_repository_cannot_show_a_signed_commit()
    {
        var (succeeded, engine) = Run("Enforce");

        Assert.False(succeeded);
        Assert.Contains("is not inside a git repository, so no commit signature can be checked", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void The_manifest_records_the_kind_of_signature_on_the_commit_it_names()
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("Release 2.4.0");
        var signed = git.SignHead(SignedGitRepository.PgpArmour);

        var repository = _context.Generate().GetProperty("package").GetProperty("repository");

        Assert.Equal(signed, repository.GetProperty("commit").GetString());
        Assert.Equal("pgp", repository.GetProperty("commitSignature").GetString());
    }

    [Fact]
    public void The_manifest_records_an_unsigned_commit_as_none()
    {
        var git = GitTestRepository.Init(Root);
        git.Commit("Release 2.4.0");

        var repository = _context.Generate().GetProperty("package").GetProperty("repository");

        Assert.Equal("none", repository.GetProperty("commitSignature").GetString());
    }

    private (bool Succeeded, RecordingBuildEngine Engine) Run(string mode)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckCommitSignature
        {
            BuildEngine = engine,
            ProjectDirectory = _context.ProjectDirectory,
            ProjectFile = _context.ProjectFile,
            Mode = mode,
        };
        return (task.Execute(), engine);
    }

    public void Dispose() => _context.Dispose();
}
