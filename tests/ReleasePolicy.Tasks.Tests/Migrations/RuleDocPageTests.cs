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

    public void Dispose() => _project.Dispose();

    private static string Message(CheckRun run, string code) => run.Engine.Warnings.Single(w => w.Code == code).Message;

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
