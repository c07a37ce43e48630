using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>Each rule page quotes the message a user sees, word for word; these tests fail when the two drift apart.</summary>
public sealed class RuleDocPageTests : IDisposable
{
    private readonly MigrationProject _project = new();

    [Fact]
    public void RP1010_page_quotes_the_message_and_the_convention_log_line()
    {
        _project.Write("db/V1__init.sql");
        var detection = _project.Check(Item("db"));
        _project.Write("db/U1__init.sql");
        _project.Write("db/V3__add_index.sql");

        var run = _project.Check(Item("db"));

        AssertQuoted("RP1010", Message(run, "RP1010"));
        AssertQuoted("RP1010", detection.Engine.Messages.Single(m => m.Message.StartsWith("ReleaseMigrationScripts 'db'")).Message);
    }

    [Fact]
    public void RP1010_page_quotes_the_message_for_a_forward_only_declaration_without_a_reason()
    {
        _project.Write("db/V3__drop_legacy.sql", "-- release-policy: forward-only\nDROP TABLE legacy;");

        AssertQuoted("RP1010", Message(_project.Check(Item("db")), "RP1010"));
    }

    [Fact]
    public void RP1011_page_quotes_the_message()
    {
        _project.Write("db/V2__add_email.sql", "ALTER TABLE users ADD email text;");
        _project.Write("db/U2__add_email.sql", "-- TODO\n");

        AssertQuoted("RP1011", Message(_project.Check(Item("db")), "RP1011"));
    }

    [Fact]
    public void RP1012_page_quotes_the_message()
    {
        _project.Write("db/U4__drop_legacy.sql");

        AssertQuoted("RP1012", Message(_project.Check(Item("db", "Flyway")), "RP1012"));
    }

    [Fact]
    public void RP1013_page_quotes_the_messages()
    {
        _project.Write("db/V3__add_index.sql");
        _project.Write("db/V3.0__add_column.sql");
        _project.Write("db/V2_add_users.sql");
        var run = _project.Check(Item("db", "Flyway"));
        _project.Write("sqitch/sqitch.plan", "widgets 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("sqitch/deploy/widgets.sql");
        _project.Write("sqitch/revert/widgets.sql");
        _project.Write("sqitch/deploy/gadgets.sql");
        var sqitch = _project.Check(Item("sqitch"));

        foreach (var message in run.Engine.Warnings.Where(w => w.Code == "RP1013").Select(w => w.Message))
        {
            AssertQuoted("RP1013", message);
        }

        AssertQuoted("RP1013", Message(sqitch, "RP1013").Replace("sqitch/", "db/"));
    }

    [Fact]
    public void RP1010_page_quotes_the_message_for_a_rollback_outside_the_item_and_the_patterns_log_line()
    {
        _project.Write("db/V3__add_index.sql");
        _project.Write("db/U3__add_index.sql");
        _project.Write("legacy/0001-apply.sql");
        _project.Write("legacy/0001-revert.sql");

        var run = _project.Check(_project.Glob("db/V*.sql"));
        var custom = _project.Check(Item("legacy", forwardPattern: @"^(?<id>\d+)-apply\.sql$", rollbackPattern: @"^(?<id>\d+)-revert\.sql$"));

        AssertQuoted("RP1010", Message(run, "RP1010"));
        AssertQuoted("RP1010", custom.Engine.Messages.Single(m => m.Message.StartsWith("ReleaseMigrationScripts 'legacy'")).Message);
    }

    [Fact]
    public void RP1010_page_quotes_the_no_script_line_and_RP9001_page_the_invalid_ScriptExtensions_message()
    {
        _project.Write("db/migrations/README.md", "Apply in order.");
        var item = Item("db/migrations");
        var invalid = Item("db/migrations");
        invalid.SetMetadata("ScriptExtensions", "*.pgsql");

        var empty = _project.Check(item);
        var run = _project.Check(invalid);

        AssertQuoted("RP1010", empty.Engine.Messages.Single(m => m.Message.StartsWith("ReleasePolicy: db/migrations")).Message);
        AssertQuoted("RP9001", run.Engine.Errors.Single().Message);
    }

    [Fact]
    public void RP9002_page_quotes_the_migration_script_messages()
    {
        _project.Write("db/sqitch.plan", "%project=orders\nus\0ers 2024-01-02T10:00:00Z Ada <ada@example.com>\nusers 2024-01-02T10:00:00Z Ada <ada@example.com>\n");
        _project.Write("db/deploy/users.sql");
        _project.Write("db/revert/users.sql");
        var notIncluded = _project.Check(Item("db/sqitch.plan"), Item("db/revert/users.sql"));
        File.Delete(_project.FullPath("db/deploy/users.sql"));
        var missing = _project.Check(Item("db"));

        foreach (var error in notIncluded.Engine.Errors.Concat(missing.Engine.Errors))
        {
            AssertQuoted("RP9002", error.Message);
        }

        if (!OperatingSystem.IsWindows())
        {
            _project.Write("pipes/V1__init.sql");
            ScriptItemShapesTests.MakeFifo(_project.FullPath("pipes/U1__init.sql"));
            var pipe = _project.Check(Item("pipes")).Engine.Errors.Single().Message;
            AssertQuoted("RP9002", pipe.Replace(_project.ProjectDirectory, "/src/Orders.Api").Replace("pipes/", "db/"));
        }
    }

    public void Dispose() => _project.Dispose();

    private static string Message(CheckRun run, string code) => run.Engine.Warnings.Single(w => w.Code == code).Message;

    internal static void AssertQuotedOnPage(string ruleId, string message) => AssertQuoted(ruleId, message);

    private static void AssertQuoted(string ruleId, string message)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", ruleId + ".md"));
        Assert.Contains("> " + message + "\n", page.Replace("\r\n", "\n"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReleasePolicy.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ReleasePolicy.slnx not found above " + AppContext.BaseDirectory);
    }
}
