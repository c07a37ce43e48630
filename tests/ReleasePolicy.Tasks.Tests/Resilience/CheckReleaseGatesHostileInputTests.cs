using System.IO.Compression;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>
/// The release gates over the files a CI run leaves behind broken: TRX and Cobertura cut short, entity bombs, the
/// wrong XML, playbooks that are binary or empty, configuration and baselines that are not JSON, pipes and folders.
/// Audit mode, so the policy findings are warnings and each case's one error is the unreadable file.
/// </summary>
[HostileInputsFor(typeof(CheckReleaseGates))]
public sealed class CheckReleaseGatesHostileInputTests : IDisposable
{
    private const string Playbook = "# Rolling back\n\n## Trigger criteria\nErrors.\n\n## Rollback steps\nRedeploy.\n\n## Data recovery\nSnapshot.\n\n## Verification\nSmoke test.\n\n## Owner\nOn-call.\n";

    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testName="Orders.Tests.Checkout" outcome="Passed" />
            <UnitTestResult testName="Orders.Tests.Refund" outcome="Passed" />
          </Results>
        </TestRun>
        """;

    private const string Cobertura = """
        <?xml version="1.0" encoding="utf-8"?>
        <coverage line-rate="0.9" lines-covered="9" lines-valid="10">
          <packages><package name="Orders"><classes><class name="Checkout" filename="Checkout.cs"><lines><line number="1" hits="1" /></lines></class></classes></package></packages>
        </coverage>
        """;

    private readonly TempDirectory _project = new("Prüfung Ω/Orders Api");

    public CheckReleaseGatesHostileInputTests()
    {
        _project.WriteFile("ROLLBACK.md", Playbook);
    }

    public void Dispose() => _project.Dispose();

    private string GatesFile => _project.Path("obj/releasepolicy/gates.json");

    [Fact]
    public void Well_formed_reports_under_a_path_with_spaces_and_non_ASCII_pass()
    {
        var trx = _project.WriteFile("TestResults/run 1.trx", Trx);
        var cobertura = _project.WriteFile("TestResults/coverage Ω.cobertura.xml", Cobertura);

        var (task, engine) = Run(t =>
        {
            t.TestResults = Items(trx);
            t.CoverageReports = Items(cobertura);
            t.MinLineCoverage = "80";
        });

        Hostile.Passes(task, engine);
        Assert.Empty(engine.ErrorAndWarningCodes);
        Assert.Contains("run 1.trx", File.ReadAllText(GatesFile));
    }

    [Fact]
    public void A_TRX_cut_short_is_RP9002_at_the_line_where_it_breaks()
    {
        var trx = _project.WriteFile("TestResults/run.trx", Trx[..(Trx.IndexOf("Refund", StringComparison.Ordinal))]);

        var (task, engine) = Run(t => t.TestResults = Items(trx));

        Hostile.Fails(task, engine);
        var error = Hostile.AssertOneError(engine, "RP9002", trx, says: "run the tests again");
        Assert.Equal(5, error.Line);
        Assert.Contains("\"fail\"", File.ReadAllText(GatesFile));
    }

    [Fact]
    public void A_truncated_Cobertura_report_is_RP9002_at_its_line()
    {
        var cobertura = _project.WriteFile("TestResults/coverage.xml", Cobertura[..Cobertura.IndexOf("<lines>", StringComparison.Ordinal)]);

        var (task, engine) = Run(t =>
        {
            t.CoverageReports = Items(cobertura);
            t.MinLineCoverage = "80";
        });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", cobertura, line: 3, "run the tests again");
    }

    [Fact]
    public void A_missing_TRX_is_RP9002_at_the_path_saying_to_run_the_tests()
    {
        var trx = _project.Path("TestResults/never written.trx");

        var (task, engine) = Run(t => t.TestResults = Items(trx));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", trx, says: "run the tests before packing");
    }

    [Fact]
    public void A_TRX_entity_bomb_is_RP9002_without_expanding_a_single_entity()
    {
        var trx = _project.WriteFile("TestResults/bomb.trx", Hostile.EntityBomb("TestRun"));

        var (task, engine) = Run(t => t.TestResults = Items(trx));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", trx, line: 2, "DTD");
    }

    [Fact]
    public void A_Cobertura_entity_bomb_is_RP9002_without_expanding_it()
    {
        var cobertura = _project.WriteFile("TestResults/coverage.xml", Hostile.EntityBomb("coverage"));

        var (task, engine) = Run(t =>
        {
            t.CoverageReports = Items(cobertura);
            t.MinLineCoverage = "80";
        });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", cobertura, line: 2, "DTD");
    }

    [Fact]
    public void A_coverage_file_with_the_wrong_root_is_RP9002_naming_both_roots()
    {
        var cobertura = _project.WriteFile("TestResults/coverage.xml", Trx);

        var (task, engine) = Run(t =>
        {
            t.CoverageReports = Items(cobertura);
            t.MinLineCoverage = "80";
        });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", cobertura, line: 2, "<TestRun>", "<coverage>");
    }

    [Fact]
    public void A_TRX_of_random_bytes_is_RP9002()
    {
        var trx = _project.WriteFile("TestResults/run.trx", Hostile.RandomBytes(8192));

        var (task, engine) = Run(t => t.TestResults = Items(trx));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", trx);
    }

    [Fact]
    public void A_folder_named_like_the_TRX_is_RP9002_saying_it_is_a_folder()
    {
        var trx = _project.CreateDirectory("TestResults/run.trx");

        var (task, engine) = Run(t => t.TestResults = Items(trx));

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", trx, says: "is a folder");
    }

    [UnixFact]
    public void A_named_pipe_as_the_TRX_fails_fast_with_RP9002()
    {
        var trx = _project.Path("TestResults/run.trx");
        Hostile.MakeFifo(trx);

        var (task, engine) = Run(t => t.TestResults = Items(trx));

        Hostile.Fails(task, engine, trx);
        Hostile.AssertOneError(engine, "RP9002", trx, says: "not a regular file");
    }

    [Fact]
    public void A_dangling_symlink_as_the_coverage_report_is_RP9002_at_it()
    {
        var cobertura = Hostile.MakeDanglingLink(_project.Path("TestResults/coverage.xml"));

        var (task, engine) = Run(t =>
        {
            t.CoverageReports = Items(cobertura);
            t.MinLineCoverage = "80";
        });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", cobertura, says: "is a symbolic link to");
    }

    [Fact]
    public void A_binary_playbook_is_RP9002_saying_to_save_it_as_UTF8()
    {
        var playbook = _project.WriteFile("ROLLBACK.md", new byte[] { 0x23, 0x20, 0xFF, 0xFE, 0x00, 0xC3, 0x28 });

        var (task, engine) = Run();

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", playbook, says: "UTF-8");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Just roll it back if it breaks.\nAsk the on-call.\n")]
    public void An_empty_playbook_or_one_without_headings_is_one_RP5003_naming_the_missing_sections(string text)
    {
        var playbook = _project.WriteFile("ROLLBACK.md", text);

        var (task, engine) = Run(mode: "Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP5003", playbook, says: "Trigger criteria");
    }

    [UnixFact]
    public void A_named_pipe_as_the_playbook_fails_fast_with_RP9002()
    {
        var playbook = _project.Path("ROLLBACK.md");
        File.Delete(playbook);
        Hostile.MakeFifo(playbook);

        var (task, engine) = Run();

        Hostile.Fails(task, engine, playbook);
        Hostile.AssertOneError(engine, "RP9002", playbook, says: "not a regular file");
    }

    [Fact]
    public void A_broken_environment_settings_file_is_RP9002_at_its_line_while_comments_and_trailing_commas_are_fine()
    {
        _project.WriteFile("appsettings.json", "{\n  // shared\n  \"Logging\": { \"Level\": \"Information\", },\n}\n");
        _project.WriteFile("appsettings.Staging.json", "{\n  /* staging */\n  \"Logging\": { \"Level\": \"Debug\", },\n}\n");
        var production = _project.WriteFile("appsettings.Production.json", "{\n  \"Logging\": {\n    \"Level\": \"Warning\"\n  \"Orders\": 1\n}\n");

        var (task, engine) = Run();

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", production, line: 4);
    }

    [UnixFact]
    public void A_named_pipe_as_an_environment_settings_file_fails_fast_with_one_RP9002()
    {
        _project.WriteFile("appsettings.json", "{ \"Logging\": { \"Level\": \"Information\" } }");
        var production = _project.Path("appsettings.Production.json");
        Hostile.MakeFifo(production);

        var (task, engine) = Run();

        Hostile.Fails(task, engine, production);
        Hostile.AssertOneError(engine, "RP9002", production, says: "not a regular file");
    }

    [Fact]
    public void A_baseline_manifest_that_is_not_JSON_is_RP9002_at_it_with_the_line()
    {
        var baseline = _project.WriteFile("baseline/release-manifest.json", "{\n  \"schemaVersion\": 1,\n  \"package\": {\n");

        var (task, engine) = Run(t => t.BaselineManifestFile = baseline);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", baseline, says: "not valid JSON");
    }

    [Theory]
    [InlineData("half")]
    [InlineData("empty")]
    [InlineData("random")]
    public void A_corrupt_baseline_nupkg_is_RP9002_at_it(string damage)
    {
        var baseline = _project.Path("baseline/Orders.Api.2.0.0.nupkg");
        Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
        using (var archive = ZipFile.Open(baseline, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("releasepolicy/release-manifest.json").Open());
            writer.Write("{ \"schemaVersion\": 1 }" + new string(' ', 4000));
        }

        var bytes = File.ReadAllBytes(baseline);
        File.WriteAllBytes(baseline, damage switch
        {
            "half" => bytes[..(bytes.Length / 2)],
            "empty" => Array.Empty<byte>(),
            _ => Hostile.RandomBytes(bytes.Length),
        });

        var (task, engine) = Run(t => t.BaselineManifestFile = baseline);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", baseline, says: "not a readable .nupkg");
    }

    [Fact]
    public void A_folder_where_gates_json_goes_is_one_RP9003_at_it_and_no_temp_file_is_left()
    {
        Directory.CreateDirectory(GatesFile);

        var (task, engine) = Run();

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", GatesFile, says: "is a folder");
        Hostile.AssertNoStrayTempFiles(_project.Path("obj"));
    }

    [ReadOnlyFolderFact]
    public void A_read_only_obj_folder_is_one_RP9003_at_gates_json()
    {
        var folder = Path.GetDirectoryName(GatesFile)!;
        using var readOnly = Hostile.ReadOnly(folder);

        var (task, engine) = Run(t => t.StampFile = null);

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", GatesFile, says: "writable");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private static ITaskItem[] Items(params string[] paths) => paths.Select(p => (ITaskItem)new TaskItem(p)).ToArray();

    private (CheckReleaseGates Task, RecordingBuildEngine Engine) Run(Action<CheckReleaseGates>? configure = null, string mode = "Audit")
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckReleaseGates
        {
            BuildEngine = engine,
            Mode = mode,
            ProjectDirectory = _project.FullPath,
            ProjectFile = _project.Path("Orders.Api.csproj"),
            Now = "2026-12-01T10:00:00+00:00",
            GatesFile = GatesFile,
            PlaybookPathFile = _project.Path("obj/releasepolicy/rollback-playbook.path"),
            StampFile = _project.Path("obj/releasepolicy/gates.stamp"),
        };
        configure?.Invoke(task);
        return (task, engine);
    }
}
