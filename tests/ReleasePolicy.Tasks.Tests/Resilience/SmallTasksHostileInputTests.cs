using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>The flag-source check over settings files that are broken, binary, pipes, links to nothing or in odd paths.</summary>
[HostileInputsFor(typeof(CheckFlagSources))]
public sealed class CheckFlagSourcesHostileInputTests : IDisposable
{
    private readonly TempDirectory _project = new("Prüfung Ω/Orders Api");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Settings_with_comments_and_trailing_commas_under_a_non_ASCII_path_are_readable()
    {
        var settings = _project.WriteFile("appsettings.json", "{\n  // flags\n  \"FeatureManagement\": { \"NewCheckout\": true, },\n}\n");

        var (task, engine) = Run(settings);

        Hostile.Passes(task, engine);
        Assert.Empty(engine.ErrorAndWarningCodes);
    }

    [Theory]
    [InlineData("{\n  \"FeatureManagement\": {\n    \"NewCheckout\": tru\n  }\n}\n", 3)]
    [InlineData("{\n  \"FeatureManagement\": { \"NewCheckout\": true }\n  \"Other\": 1\n}\n", 3)]
    [InlineData("{\n  \"FeatureManagement\": {\n", 3)]
    public void A_truly_broken_settings_file_is_one_RP9002_at_its_line(string text, int line)
    {
        var settings = _project.WriteFile("appsettings.Production.json", text);

        var (task, engine) = Run(settings);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", settings, line: line, "is not valid JSON");
    }

    [Fact]
    public void Random_bytes_are_one_RP9002()
    {
        var settings = _project.WriteFile("appsettings.json", Hostile.RandomBytes(2048));

        var (task, engine) = Run(settings);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", settings);
    }

    [UnixFact]
    public void A_named_pipe_as_a_flag_source_fails_fast_with_RP9002()
    {
        var settings = _project.Path("flags.json");
        Hostile.MakeFifo(settings);

        var (task, engine) = Run(settings);

        Hostile.Fails(task, engine, settings);
        Hostile.AssertOneError(engine, "RP9002", settings, says: "not a regular file");
    }

    [Fact]
    public void A_dangling_symlink_as_a_flag_source_is_one_RP9002_naming_it_a_link()
    {
        var settings = Hostile.MakeDanglingLink(_project.Path("flags.json"));

        var (task, engine) = Run(settings);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", settings, says: "is a symbolic link to");
    }

    private (CheckFlagSources Task, RecordingBuildEngine Engine) Run(params string[] sources)
    {
        var engine = new RecordingBuildEngine();
        return (new CheckFlagSources
        {
            BuildEngine = engine,
            ProjectFile = _project.Path("Orders.Api.csproj"),
            Sources = sources.Select(s => (ITaskItem)new TaskItem(s)).ToArray(),
        }, engine);
    }
}

/// <summary>The settings check over property values no one should write: control characters, huge, non-ASCII; and a stamp that cannot be written.</summary>
[HostileInputsFor(typeof(CheckReleasePolicySettings))]
public sealed class CheckReleasePolicySettingsHostileInputTests : IDisposable
{
    private readonly TempDirectory _project = new("Prüfung Ω");

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("Ënforce", "'Ënforce'")]
    [InlineData("Enforce\0", "'Enforce\\u0000'")]
    [InlineData("\u202EecrofnE", "'\\u202EecrofnE'")]
    public void A_mode_with_odd_characters_is_one_RP9001_showing_control_and_bidi_characters_escaped(string mode, string shown)
    {
        var (task, engine) = Run(t => t.Mode = mode);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9001", _project.Path("Orders.Api.csproj"), says: new[] { shown, "Allowed values" });
    }

    [Fact]
    public void A_megabyte_of_ReleaseUserImpact_is_one_RP9001()
    {
        var (task, engine) = Run(t => t.ReleaseUserImpact = new string('x', 1 << 20));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9001", _project.Path("Orders.Api.csproj"));
    }

    [Fact]
    public void A_folder_where_the_stamp_goes_is_one_RP9003_at_it()
    {
        var stamp = _project.CreateDirectory("obj/settings.stamp");

        var (task, engine) = Run(t => t.StampFile = stamp);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", stamp, says: "is a folder");
    }

    [ReadOnlyFolderFact]
    public void A_read_only_obj_folder_is_one_RP9003_at_the_stamp()
    {
        var folder = _project.CreateDirectory("obj");
        using var readOnly = Hostile.ReadOnly(folder);
        var stamp = Path.Combine(folder, "settings.stamp");

        var (task, engine) = Run(t => t.StampFile = stamp);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", stamp, says: "writable");
    }

    private (CheckReleasePolicySettings Task, RecordingBuildEngine Engine) Run(Action<CheckReleasePolicySettings> configure)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckReleasePolicySettings
        {
            BuildEngine = engine,
            ProjectFile = _project.Path("Orders.Api.csproj"),
            Mode = "Audit",
        };
        configure(task);
        return (task, engine);
    }
}

/// <summary>The signed-commit check over <c>.git</c> folders that are damaged: HEAD a pipe or a folder, garbage refs, a corrupt object.</summary>
[HostileInputsFor(typeof(CheckCommitSignature))]
public sealed class CheckCommitSignatureHostileInputTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private readonly TempDirectory _repository = new("Prüfung Ω");
    private readonly string _project;

    public CheckCommitSignatureHostileInputTests()
    {
        _project = _repository.CreateDirectory("src/Orders Api");
        _repository.CreateDirectory(".git/objects");
        _repository.CreateDirectory(".git/refs/heads");
    }

    public void Dispose() => _repository.Dispose();

    private string ProjectFile => Path.Combine(_project, "Orders.Api.csproj");

    [Fact]
    public void A_corrupt_commit_object_is_one_RP9002_saying_to_fetch_it_again()
    {
        _repository.WriteFile(".git/HEAD", "ref: refs/heads/main\n");
        _repository.WriteFile(".git/refs/heads/main", Commit + "\n");
        _repository.WriteFile($".git/objects/{Commit[..2]}/{Commit[2..]}", Hostile.RandomBytes(512));

        var (task, engine) = Run();

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", ProjectFile, says: "git fetch");
    }

    [Theory]
    [InlineData("ref: refs/heads/\0\0\0\n")]
    [InlineData("not a ref at all")]
    [InlineData("")]
    public void A_garbage_HEAD_is_one_RP4007_saying_HEAD_names_no_commit(string head)
    {
        _repository.WriteFile(".git/HEAD", head);

        var (task, engine) = Run();

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP4007", ProjectFile, says: "names no commit");
    }

    [Fact]
    public void A_folder_where_HEAD_belongs_is_one_precise_RP4007()
    {
        _repository.CreateDirectory(".git/HEAD");

        var (task, engine) = Run();

        Hostile.Fails(task, engine);
        var error = Assert.Single(engine.Errors);
        Hostile.AssertPrecise(error, engine);
        Assert.Equal("RP4007", error.Code);
    }

    [UnixFact]
    public void A_named_pipe_as_HEAD_fails_fast_with_one_precise_diagnostic()
    {
        var head = _repository.Path(".git/HEAD");
        Hostile.MakeFifo(head);

        var (task, engine) = Run();

        Hostile.Fails(task, engine, head);
        var error = Assert.Single(engine.Errors);
        Hostile.AssertPrecise(error, engine);
    }

    [Fact]
    public void A_dangling_symlink_as_the_branch_ref_is_one_RP4007()
    {
        _repository.WriteFile(".git/HEAD", "ref: refs/heads/main\n");
        Hostile.MakeDanglingLink(_repository.Path(".git/refs/heads/main"));

        var (task, engine) = Run();

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP4007", ProjectFile);
    }

    private (CheckCommitSignature Task, RecordingBuildEngine Engine) Run()
    {
        var engine = new RecordingBuildEngine();
        return (new CheckCommitSignature
        {
            BuildEngine = engine,
            Mode = "Enforce",
            ProjectDirectory = _project,
            ProjectFile = ProjectFile,
        }, engine);
    }
}

/// <summary>RP5000 read back from a manifest that is missing, cut in half, a folder or a pipe.</summary>
[HostileInputsFor(typeof(ReportReleaseRisk))]
public sealed class ReportReleaseRiskHostileInputTests : IDisposable
{
    private readonly TempDirectory _project = new("Prüfung Ω/Orders Api");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_missing_manifest_is_one_RP9002_naming_it()
    {
        var manifest = _project.Path("obj/Release/releasepolicy/release-manifest.json");

        var (task, engine) = Run(manifest);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", manifest, null, "was not found");
    }

    [Fact]
    public void A_manifest_cut_in_half_is_one_RP9002_at_the_file()
    {
        var manifest = _project.WriteFile("obj/release-manifest.json", "{\n  \"schemaVersion\": 1,\n  \"package\": {\n    \"id\": \"Contoso");

        var (task, engine) = Run(manifest);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", manifest);
    }

    [UnixFact]
    public void A_manifest_that_is_a_named_pipe_fails_at_once_instead_of_blocking()
    {
        var manifest = _project.Path("obj/release-manifest.json");
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        Hostile.MakeFifo(manifest);

        var (task, engine) = Run(manifest);

        Hostile.Fails(task, engine, fifo: manifest);
        Hostile.AssertOneError(engine, "RP9002", manifest);
    }

    private static (ReportReleaseRisk Task, RecordingBuildEngine Engine) Run(string manifest)
    {
        var engine = new RecordingBuildEngine();
        return (new ReportReleaseRisk { BuildEngine = engine, ManifestFile = manifest }, engine);
    }
}

/// <summary>The findings replay over a replay file that is missing its header, cut, binary, a folder, a pipe or a link to nothing.</summary>
[HostileInputsFor(typeof(ReplayReleasePolicyFindings))]
public sealed class ReplayReleasePolicyFindingsHostileInputTests : IDisposable
{
    private readonly TempDirectory _project = new("Prüfung Ω/obj");

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("W\tRP1010\t1\t1\t/db/V1.sql\tno header\n", "does not start with")]
    [InlineData("# ReleasePolicy findings replay v1\nW\tRP1010\t1\n", "line 2 is not a finding")]
    [InlineData("# ReleasePolicy findings replay v1\nX\tRP1010\t1\t1\t/db/V1.sql\tbad level\n", "line 2 is not a finding")]
    [InlineData("# ReleasePolicy findings replay v1\nW\tRP1010\t-1\t1\t/db/V1.sql\tbad line\n", "line 2 is not a finding")]
    public void A_replay_file_this_version_did_not_write_is_one_RP9002_and_nothing_replayed(string text, string says)
    {
        var file = _project.WriteFile("migration-findings.replay", text);

        var (task, engine) = Run(file);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", file, says: says);
    }

    [Fact]
    public void Random_bytes_are_one_RP9002()
    {
        var file = _project.WriteFile("migration-findings.replay", Hostile.RandomBytes(2048));

        var (task, engine) = Run(file);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", file);
    }

    [Fact]
    public void A_folder_where_the_replay_file_goes_is_one_RP9002()
    {
        var file = _project.Path("migration-findings.replay");
        Directory.CreateDirectory(file);

        var (task, engine) = Run(file);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", file);
    }

    [UnixFact]
    public void A_named_pipe_as_the_replay_file_fails_fast_with_RP9002()
    {
        var file = _project.Path("migration-findings.replay");
        Hostile.MakeFifo(file);

        var (task, engine) = Run(file);

        Hostile.Fails(task, engine, file);
        Hostile.AssertOneError(engine, "RP9002", file, says: "not a regular file");
    }

    [Fact]
    public void A_dangling_symlink_as_the_replay_file_is_one_RP9002()
    {
        var file = Hostile.MakeDanglingLink(_project.Path("migration-findings.replay"));

        var (task, engine) = Run(file);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", file, says: "is a symbolic link to");
    }

    private (ReplayReleasePolicyFindings Task, RecordingBuildEngine Engine) Run(string file)
    {
        var engine = new RecordingBuildEngine();
        return (new ReplayReleasePolicyFindings { BuildEngine = engine, File = file, ProjectFile = _project.Path("Orders.Api.csproj") }, engine);
    }
}
