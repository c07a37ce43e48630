using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Leaks;

/// <summary>RP3010: release notes and shipped configuration, read with the analyzers' detector, each finding with file, line and column.</summary>
public sealed class CheckReleaseNotesTests : IDisposable
{
    private readonly TempDirectory _repository = new();
    private readonly string _project;

    public CheckReleaseNotesTests()
    {
        Directory.CreateDirectory(_repository.Path(".git"));
        _project = _repository.CreateDirectory("src/Orders.Api");
        _repository.WriteFile("src/Orders.Api/Orders.Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void AnInternalHostInTheReleaseNotesIsAWarningInAuditWithFileLineAndColumn()
    {
        _repository.WriteFile("src/Orders.Api/RELEASE-NOTES.md", "# 2.1.0\n\n- Faster checkout.\n- Moved the database to db-primary.corp.\n");

        var (task, engine) = Run();

        Assert.True(task.Execute());
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("RP3010", warning.Code);
        Assert.Equal(Path.Combine(_project, "RELEASE-NOTES.md"), warning.File);
        Assert.Equal((4, 25), (warning.Line, warning.Column));
        Assert.Equal(
            "Release notes 'RELEASE-NOTES.md' contains an internal identifier (host): internal host 'db-primary.corp'. " +
            "Users read this text: remove it before release, or allow-list the exact value with a ReleaseLeakAllowList item.",
            warning.Message);
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP3010.md", warning.HelpLink);
    }

    [Fact]
    public void InEnforceModeAFindingIsAnErrorAndTheStampIsNotTouched()
    {
        _repository.WriteFile("CHANGELOG.md", "## 2.1.0\nFixes OPS-4211 on D:\\a\\1\\s\\src\n");
        var stamp = _repository.Path("obj/leaks.stamp");

        var (task, engine) = Run(mode: "Enforce", configure: t => { t.TicketKeys = "OPS;PAY"; t.StampFile = stamp; });

        Assert.False(task.Execute());
        Assert.Equal(new[] { ("ticket", 2), ("debug path", 2) }, engine.Errors.Select(e => (Category(e.Message), e.Line)));
        Assert.All(engine.Errors, e => Assert.Equal(_repository.Path("CHANGELOG.md"), e.File));
        Assert.False(File.Exists(stamp));
    }

    [Fact]
    public void ACleanRunTouchesTheStampAndListsTheFilesItRead()
    {
        _repository.WriteFile("src/Orders.Api/CHANGELOG.md", "## 2.1.0\nFaster checkout (see https://status.example.com).\n");
        var notes = _repository.WriteFile("docs/notes.txt", "Support moved to https://help.contoso.com.\n");
        var stamp = _repository.Path("obj/leaks.stamp");

        var (task, engine) = Run(configure: t => { t.StampFile = stamp; t.ReleaseNotes = new ITaskItem[] { new TaskItem("../../docs/notes.txt") }; });

        Assert.True(task.Execute(), engine.ToString());
        Assert.DoesNotContain(engine.Diagnostics, d => d.Severity != DiagnosticSeverity.Message);
        Assert.True(File.Exists(stamp));
        Assert.Equal(new[] { notes, Path.Combine(_project, "CHANGELOG.md") }, task.ScannedFiles.Select(f => f.ItemSpec));
    }

    [Fact]
    public void PackageReleaseNotesAreReportedOnTheProjectFileWithTheSecretRedacted()
    {
        var (task, engine) = Run(configure: t => t.PackageReleaseNotes = "Uses Server=sql;User Id=app;Password=Winter2024!; now.");

        task.Execute();

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(Path.Combine(_project, "Orders.Api.csproj"), warning.File);
        Assert.Contains("(credential): credential 'Password=***'", warning.Message);
        Assert.DoesNotContain("Winter2024", warning.Message);
    }

    [Fact]
    public void ShippedAppSettingsAreReadButDevelopmentOnlyOnesAreNot()
    {
        _repository.WriteFile("src/Orders.Api/appsettings.json", "{\n  \"Cache\": \"redis.internal:6379\"\n}\n");
        _repository.WriteFile("src/Orders.Api/appsettings.Production.json", "{\n  \"Db\": \"Server=10.1.2.3;Password=x1\"\n}\n");
        _repository.WriteFile("src/Orders.Api/appsettings.Development.json", "{\n  \"Db\": \"Server=localhost;Password=dev\"\n}\n");
        _repository.WriteFile("src/Orders.Api/appsettings.Local.json", "{ \"Db\": \"db.corp\" }");

        var (task, engine) = Run(configure: t => t.ConfigurationFiles = new ITaskItem[]
        {
            Content("appsettings.json", "PreserveNewest"),
            Content("appsettings.Production.json", "PreserveNewest"),
            Content("appsettings.Development.json", "PreserveNewest"),
            Content("appsettings.Local.json", "Never"),
        });

        task.Execute();

        Assert.Equal(
            new[]
            {
                ("appsettings.json", 2, "host"),
                ("appsettings.Production.json", 2, "IP"),
                ("appsettings.Production.json", 2, "credential"),
            },
            engine.Warnings.Select(w => (Path.GetFileName(w.File!), w.Line, Category(w.Message))));
        Assert.All(engine.Warnings, w => Assert.StartsWith("Shipped configuration file 'appsettings", w.Message));
    }

    [Fact]
    public void AllowListedValuesAndOrganisationDomainsAreTheSettingsOfTheAnalyzers()
    {
        _repository.WriteFile("src/Orders.Api/RELEASE-NOTES.md", "Status: status.corp\nNew API on api.corp.contoso.com\n");

        var (task, engine) = Run(configure: t =>
        {
            t.InternalDomains = "corp.contoso.com;contoso.internal";
            t.AllowList = new ITaskItem[] { new TaskItem("status.corp") };
        });

        task.Execute();

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(2, warning.Line);
        Assert.Contains("'api.corp.contoso.com'", warning.Message);
    }

    [Fact]
    public void BinaryJunkIsRP9002AndAMissingReleaseNotesItemToo()
    {
        _repository.WriteFile("src/Orders.Api/RELEASENOTES.md", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF });

        var (task, engine) = Run(configure: t => t.ReleaseNotes = new ITaskItem[] { new TaskItem("docs/missing.md") });

        Assert.False(task.Execute());
        Assert.Equal(new[] { "RP9002", "RP9002" }, engine.Errors.Select(e => e.Code));
        Assert.Contains(engine.Errors, e => e.Message.Contains("'docs/missing.md' is not a file", StringComparison.Ordinal));
        Assert.Contains(engine.Errors, e => e.Message.Contains("is not a text file", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidUtf8AndVeryLongLinesAreReadWithCorrectPositions()
    {
        var longLine = new string('a', 200_000) + " sql01.corp";
        var bytes = new List<byte> { 0xC3, 0x28, (byte)'\n' };
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(longLine + "\r\n10.0.0.7\n"));
        _repository.WriteFile("src/Orders.Api/CHANGELOG.md", bytes.ToArray());

        var (task, engine) = Run();

        task.Execute();

        Assert.Equal(new[] { (2, 200_002, "host"), (3, 1, "IP") }, engine.Warnings.Select(w => (w.Line, w.Column, Category(w.Message))));
    }

    [Fact]
    public void AFileWithHundredsOfFindingsListsTheFirstFiftyAndCountsTheRest()
    {
        _repository.WriteFile("src/Orders.Api/CHANGELOG.md", string.Concat(Enumerable.Range(1, 120).Select(i => $"- host{i}.corp\n")));

        var (task, engine) = Run();

        task.Execute();

        Assert.Equal(51, engine.Warnings.Count());
        Assert.Contains("contains 70 more internal identifiers than the 50 listed", engine.Warnings.Last().Message);
    }

    private (CheckReleaseNotes Task, RecordingBuildEngine Engine) Run(string mode = "Audit", Action<CheckReleaseNotes>? configure = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckReleaseNotes
        {
            BuildEngine = engine,
            Mode = mode,
            ProjectDirectory = _project,
            ProjectFile = Path.Combine(_project, "Orders.Api.csproj"),
        };
        configure?.Invoke(task);
        return (task, engine);
    }

    private static ITaskItem Content(string path, string copyToPublish)
    {
        var item = new TaskItem(path);
        item.SetMetadata("CopyToPublishDirectory", copyToPublish);
        return item;
    }

    private static string Category(string message)
    {
        var start = message.IndexOf("internal identifier (", StringComparison.Ordinal) + "internal identifier (".Length;
        return message.Substring(start, message.IndexOf(')', start) - start);
    }
}
