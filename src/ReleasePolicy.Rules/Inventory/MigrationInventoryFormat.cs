namespace ReleasePolicy.Rules;

/// <summary>
/// The contract of the migration inventory file, in one place: compiled into the generator that writes it and into
/// ReleasePolicy.Core, which reads it for the release manifest (docs/manifest.md describes it for users).
/// </summary>
/// <remarks>
/// The file is text; lines that are not records are comments. After the title line, each line is <see cref="LinePrefix"/> followed by one
/// JSON object with a single property naming the record: <see cref="MigrationRecord"/>, <see cref="FindingRecord"/>,
/// <see cref="FailureRecord"/>, and last <see cref="EndRecord"/> with the counts, so a cut-off file is told apart
/// from a short one.
/// </remarks>
static partial class MigrationInventoryFormat
{
    public const int Version = 1;

    /// <summary>The first line: <c>// ReleasePolicy migration inventory, format 1</c>.</summary>
    public const string Title = "ReleasePolicy migration inventory, format ";

    public const string LinePrefix = "//";

    public const string MigrationRecord = "migration";
    public const string FindingRecord = "finding";
    public const string FailureRecord = "failure";
    public const string EndRecord = "end";

    // Fields of a migration record.
    public const string Id = "id";
    public const string Kind = "kind";
    public const string ClassName = "className";
    public const string Status = "status";
    public const string Reason = "reason";
    public const string Destructive = "destructive";

    /// <summary>Written only when true: the migration is in the team's <c>ReleaseMigrationBaseline</c>.</summary>
    public const string Baselined = "baselined";

    // Fields of a finding record.
    public const string Rule = "rule";
    public const string Severity = "severity";
    public const string Message = "message";

    // Location fields of both; the path is absolute, as the compiler saw it.
    public const string Path = "path";
    public const string Line = "line";

    // Fields of the end record.
    public const string MigrationCount = "migrations";
    public const string FindingCount = "findings";
}
