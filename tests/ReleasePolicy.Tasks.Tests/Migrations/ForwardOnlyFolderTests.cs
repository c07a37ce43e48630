using Microsoft.Build.Framework;
using static ReleasePolicy.Tasks.Tests.Migrations.MigrationProject;

namespace ReleasePolicy.Tasks.Tests.Migrations;

/// <summary>
/// ForwardOnly metadata on ReleaseMigrationScripts: a folder whose scripts are forward-only by design (an append-only
/// audit store) is recorded so, with the reason, instead of an RP1010 per script; other folders are still checked.
/// </summary>
public sealed class ForwardOnlyFolderTests : IDisposable
{
    private const string Reason = "append-only audit history; restore from the nightly backup";

    private readonly MigrationProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_forward_only_folder_records_each_script_forward_only_with_the_reason_and_other_folders_are_checked()
    {
        _project.Write("db/audit/V1__create_audit.sql", "CREATE TABLE audit (id bigint, at timestamptz);");
        _project.Write("db/audit/V2__partition_audit.sql", "ALTER TABLE audit ADD region text;");
        _project.Write("db/orders/V1__create_orders.sql", "CREATE TABLE orders (id int);");
        _project.Write("db/orders/U1__create_orders.sql", "DROP TABLE orders;");
        _project.Write("db/orders/V2__add_total.sql", "ALTER TABLE orders ADD total int;");

        var run = _project.Check("Enforce", ForwardOnly("db/audit", Reason), Item("db/orders"));

        Assert.False(run.Succeeded);
        Assert.StartsWith("RP1010 db/orders/V2__add_total.sql", Assert.Single(run.Findings));
        var audit = run.Migrations.Where(m => m.GetProperty("forward").GetProperty("path").GetString()!.StartsWith("db/audit/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, m =>
        {
            Assert.Equal("forward-only", m.GetProperty("status").GetString());
            Assert.Equal(Reason, m.GetProperty("reason").GetString());
        });
    }

    [Fact]
    public void A_script_that_has_its_rollback_stays_reversible_in_a_forward_only_folder()
    {
        _project.Write("db/audit/V1__create_audit.sql", "CREATE TABLE audit (id bigint);");
        _project.Write("db/audit/U1__create_audit.sql", "DROP TABLE audit;");

        var run = _project.Check(ForwardOnly("db/audit", Reason));

        Assert.Empty(run.Findings);
        Assert.Equal(["1:reversible"], run.Statuses);
    }

    [Fact]
    public void ForwardOnly_true_is_RP9001_asking_for_the_reason_and_false_is_no_declaration()
    {
        _project.Write("db/audit/V1__create_audit.sql", "CREATE TABLE audit (id bigint);");
        _project.Write("db/orders/V1__create_orders.sql", "CREATE TABLE orders (id int);");

        var run = _project.Check(ForwardOnly("db/audit", "true"), ForwardOnly("db/orders", "False"));

        Assert.Contains(run.Findings, f => f.StartsWith("RP9001", StringComparison.Ordinal) && f.Contains("ForwardOnly=\"true\", which is not a reason", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.StartsWith("RP1010 db/audit/V1__create_audit.sql", StringComparison.Ordinal));
        Assert.Contains(run.Findings, f => f.StartsWith("RP1010 db/orders/V1__create_orders.sql", StringComparison.Ordinal));
    }

    private static ITaskItem ForwardOnly(string include, string reason)
    {
        var item = Item(include);
        item.SetMetadata("ForwardOnly", reason);
        return item;
    }
}
