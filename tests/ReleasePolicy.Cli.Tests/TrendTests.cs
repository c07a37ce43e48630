using ReleasePolicy.Migrations;

namespace ReleasePolicy.Cli.Tests;

public sealed class TrendTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    [Fact]
    public void A_folder_of_sidecars_is_listed_oldest_version_first_with_risk_and_migrations()
    {
        _files.WritePackage(ReleaseFiles.Release("2.10.0", migrations: [ReleaseFiles.Script("V3__drop_notes", MigrationStatus.MissingRollback, destructive: true)]));
        _files.WritePackage(ReleaseFiles.Release("2.9.0"));

        var run = CliRun.Of("trend", _files.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Release                    Built  Type      Risk     Migrations  No rollback  Dependencies  Findings
            Contoso.Orders.Api 2.9.0   -      Standard  low 20   0           0            0             0
            Contoso.Orders.Api 2.10.0  -      Standard  high 60  1           1            0             0

            2 release(s), 0 hotfix(es).

            """.ReplaceLineEndings("\n"),
            run.Output);
    }

    [Fact]
    public void An_empty_folder_is_exit_2()
    {
        var run = CliRun.Of("trend", _files.Folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no *.release.json manifests were found in the folders given.\n", run.Error);
    }

    public void Dispose() => _files.Dispose();
}
