namespace ReleasePolicy.Migrations;

/// <summary>One script in the migration report: its project-relative path ('/' separators) and SHA-256.</summary>
public sealed class MigrationScriptFile
{
    public MigrationScriptFile(string path, string? sha256)
    {
        Path = path;
        Sha256 = sha256;
    }

    public string Path { get; }

    /// <summary>Lower-case hex; null only when the script could not be read (reported as RP9002).</summary>
    public string? Sha256 { get; }
}

/// <summary>The <c>status</c> values of the migration report.</summary>
public static class MigrationStatus
{
    public const string Reversible = "reversible";
    public const string MissingRollback = "missing-rollback";
    public const string EmptyRollback = "empty-rollback";
    public const string OrphanRollback = "orphan-rollback";
    public const string ForwardOnly = "forward-only";
}

/// <summary>One migration in the report the release manifest's <c>migrations</c> section is built from.</summary>
public sealed class MigrationEntry
{
    public MigrationEntry(
        string id,
        string convention,
        MigrationScriptFile? forward,
        MigrationScriptFile? rollback,
        MigrationScriptFile? verify,
        string status,
        string? reason,
        bool destructive)
    {
        Id = id;
        Convention = convention;
        Forward = forward;
        Rollback = rollback;
        Verify = verify;
        Status = status;
        Reason = reason;
        Destructive = destructive;
    }

    public string Id { get; }

    /// <summary>Always <c>sql</c> for scripts; the analyzers' code migrations are reported elsewhere.</summary>
    public string Kind => "sql";

    /// <summary><c>flyway</c>, <c>golang-migrate</c>, <c>sqitch</c>, <c>suffix</c> or <c>custom</c>.</summary>
    public string Convention { get; }

    /// <summary>Null for an orphan rollback script.</summary>
    public MigrationScriptFile? Forward { get; }

    public MigrationScriptFile? Rollback { get; }

    /// <summary>A sqitch <c>verify/</c> script, when there is one.</summary>
    public MigrationScriptFile? Verify { get; }

    /// <summary>One of <see cref="MigrationStatus"/>.</summary>
    public string Status { get; }

    public string? Reason { get; }

    /// <summary>The forward script drops a table, column or schema, truncates, or deletes without WHERE.</summary>
    public bool Destructive { get; }

    /// <summary>In the team's <c>ReleaseMigrationBaseline</c>: accepted as it is, its rollback findings not reported.</summary>
    public bool Baselined { get; set; }

    /// <summary>The path the report is sorted by: the forward script's, or the rollback script's for an orphan.</summary>
    public string SortPath => Forward?.Path ?? Rollback?.Path ?? string.Empty;
}
