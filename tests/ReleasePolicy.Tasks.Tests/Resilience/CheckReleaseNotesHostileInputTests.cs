using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>The release-notes check over notes that are huge, binary, pipes, links to nothing, folders, or in odd paths.</summary>
[HostileInputsFor(typeof(CheckReleaseNotes))]
public sealed class CheckReleaseNotesHostileInputTests : IDisposable
{
    private readonly TempDirectory _repository = new("Prüfung Ω");
    private readonly string _project;

    public CheckReleaseNotesHostileInputTests()
    {
        Directory.CreateDirectory(_repository.Path(".git"));
        _project = _repository.CreateDirectory("src/Orders Api");
        _repository.WriteFile("src/Orders Api/Orders.Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
    }

    public void Dispose() => _repository.Dispose();

    private string FindingsFile => Path.Combine(_project, "obj", "releasepolicy", "leak-findings.json");

    [Fact]
    public void A_leak_in_notes_under_a_path_with_spaces_and_non_ASCII_is_reported_at_that_exact_path()
    {
        var notes = _repository.WriteFile("src/Orders Api/RELEASE-NOTES.md", "# 2.1.0\n\n- Zahlungen über db-primary.corp.\n");

        var (task, engine) = Run("Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP3010", notes, line: 3, "db-primary.corp");
        Assert.Contains("\"RP3010\"", File.ReadAllText(FindingsFile));
    }

    [Fact]
    public void A_100_MB_release_notes_file_is_read_to_the_end_and_the_leak_on_its_last_line_found()
    {
        var notes = Path.Combine(_project, "CHANGELOG.md");
        const int Lines = 1_320_000; // 80 bytes each: a little over 100 MiB
        using (var writer = new StreamWriter(notes, append: false, new UTF8Encoding(false), bufferSize: 1 << 20))
        {
            var line = "- Faster checkout for every customer in every region, with fewer round trips." + new string(' ', 2);
            for (var i = 0; i < Lines; i++)
            {
                writer.Write(line);
                writer.Write('\n');
            }

            writer.Write("- Moved the database to db-primary.corp.\n");
        }

        try
        {
            Assert.True(new FileInfo(notes).Length > 100L * 1024 * 1024);
            var (task, engine) = Run("Enforce");

            Hostile.Fails(task, engine);
            Hostile.AssertOneError(engine, "RP3010", notes, line: Lines + 1, "db-primary.corp");
        }
        finally
        {
            File.Delete(notes);
        }
    }

    [Fact]
    public void Binary_release_notes_are_one_RP9002_saying_they_are_not_text()
    {
        var notes = _repository.WriteFile("src/Orders Api/RELEASE-NOTES.md", Hostile.RandomBytes(64 * 1024).Select(b => b == 0 ? (byte)1 : b).Concat(new byte[] { 0, 0 }).ToArray());

        var (task, engine) = Run("Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", notes, says: "not a text file");
    }

    [UnixFact]
    public void A_named_pipe_named_CHANGELOG_md_fails_fast_with_RP9002()
    {
        var notes = Path.Combine(_project, "CHANGELOG.md");
        Hostile.MakeFifo(notes);

        var (task, engine) = Run("Enforce");

        Hostile.Fails(task, engine, notes);
        Hostile.AssertOneError(engine, "RP9002", notes, says: "not a regular file");
    }

    [Fact]
    public void A_ReleaseNotes_item_that_is_a_folder_is_RP9002_at_the_folder_saying_to_list_its_files()
    {
        var folder = _repository.CreateDirectory("src/Orders Api/notes");

        var (task, engine) = Run("Enforce", t => t.ReleaseNotes = new ITaskItem[] { new TaskItem("notes") });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", folder, says: "is a folder");
    }

    [Fact]
    public void A_folder_named_CHANGELOG_md_is_one_RP9002_warning_at_it_and_the_build_goes_on()
    {
        var folder = _repository.CreateDirectory("src/Orders Api/CHANGELOG.md");
        _repository.WriteFile("src/Orders Api/CHANGELOG.md/2.1.0.md", "See https://jira.corp.internal/browse/ORD-1182\n");

        var (task, engine) = Run("Enforce");

        Assert.True(task.Execute(), string.Join("\n", engine.Diagnostics));
        Assert.Empty(engine.Errors);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("RP9002", warning.Code);
        Assert.Equal(folder, warning.File);
        Assert.Contains("is a folder, not a file", warning.Message);
        Assert.Contains("CHANGELOG.md/*.md", warning.Message);
    }

    [Fact]
    public void A_ReleaseNotes_item_that_is_a_dangling_symlink_is_RP9002_at_it()
    {
        var link = Hostile.MakeDanglingLink(Path.Combine(_project, "notes.md"));

        var (task, engine) = Run("Enforce", t => t.ReleaseNotes = new ITaskItem[] { new TaskItem("notes.md") });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", link, says: "is a symbolic link to");
    }

    [Fact]
    public void A_missing_ReleaseNotes_item_is_RP9002_at_the_path_it_names()
    {
        var (task, engine) = Run("Enforce", t => t.ReleaseNotes = new ITaskItem[] { new TaskItem("docs/missing notes.md") });

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9002", Path.Combine(_project, "docs", "missing notes.md"), says: "does not exist");
    }

    [Fact]
    public void A_folder_where_the_findings_file_goes_is_one_RP9003_at_it_with_nothing_half_written()
    {
        _repository.WriteFile("src/Orders Api/CHANGELOG.md", "## 2.1.0\nFaster checkout.\n");
        Directory.CreateDirectory(FindingsFile);

        var (task, engine) = Run("Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", FindingsFile, says: "is a folder");
        Hostile.AssertNoStrayTempFiles(Path.GetDirectoryName(FindingsFile)!);
    }

    [ReadOnlyFolderFact]
    public void A_read_only_obj_folder_is_one_RP9003_at_the_findings_file()
    {
        _repository.WriteFile("src/Orders Api/CHANGELOG.md", "## 2.1.0\nFaster checkout.\n");
        var folder = Path.GetDirectoryName(FindingsFile)!;
        using var readOnly = Hostile.ReadOnly(folder);

        var (task, engine) = Run("Enforce");

        Hostile.Fails(task, engine);
        Hostile.AssertOneError(engine, "RP9003", FindingsFile, says: "writable");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private (CheckReleaseNotes Task, RecordingBuildEngine Engine) Run(string mode, Action<CheckReleaseNotes>? configure = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckReleaseNotes
        {
            BuildEngine = engine,
            Mode = mode,
            ProjectDirectory = _project,
            ProjectFile = Path.Combine(_project, "Orders.Api.csproj"),
            FindingsFile = FindingsFile,
        };
        configure?.Invoke(task);
        return (task, engine);
    }
}
