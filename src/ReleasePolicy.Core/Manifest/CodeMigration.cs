namespace ReleasePolicy.Manifest;

/// <summary>
/// An EF Core or FluentMigrator migration class as the release manifest lists it, read back from the migration
/// inventory the analyzers wrote during the compile (see docs/manifest.md).
/// </summary>
public sealed class CodeMigration
{
    public CodeMigration(string id, string kind, string className, SourceLocation? source, string status, string? reason, bool destructive)
    {
        Id = id;
        Kind = kind;
        ClassName = className;
        Source = source;
        Status = status;
        Reason = reason;
        Destructive = destructive;
    }

    /// <summary>EF Core: the <c>[Migration("…")]</c> ID; FluentMigrator: the version; else the class name.</summary>
    public string Id { get; }

    /// <summary><c>efcore</c> or <c>fluentmigrator</c>.</summary>
    public string Kind { get; }

    /// <summary>Namespace-qualified class name.</summary>
    public string ClassName { get; }

    /// <summary>Where the class is declared (its name), relative to the project; null when the log gives no location.</summary>
    public SourceLocation? Source { get; }

    /// <summary><c>reversible</c>, <c>missing-rollback</c>, <c>empty-rollback</c>, <c>incomplete-rollback</c> or <c>forward-only</c>.</summary>
    public string Status { get; }

    /// <summary>The forward-only reason, or what makes the rollback missing, empty or incomplete.</summary>
    public string? Reason { get; }

    /// <summary>Up destroys data (RP1005).</summary>
    public bool Destructive { get; }

    /// <summary>In the team's <c>ReleaseMigrationBaseline</c>: accepted as it is; the rollback rules do not report on it.</summary>
    public bool Baselined { get; set; }
}

/// <summary>
/// A place in a source file: the path with '/' separators, and the 1-based line. Relative to the project, except a
/// manifest finding's, which is relative to the repository root when the project is in one (<see cref="FindingLocations"/>).
/// </summary>
public sealed class SourceLocation
{
    public SourceLocation(string path, int line)
    {
        Path = path;
        Line = line;
    }

    public string Path { get; }

    /// <summary>1-based; 0 when the log gives no line.</summary>
    public int Line { get; }
}
