namespace ReleasePolicy.Rules;

/// <summary>
/// The contract of the inventory files, in one place: compiled into the analyzers that write them (the migration
/// inventory and the feature-flag inventory) and into ReleasePolicy.Core, which reads them for the release manifest
/// (docs/manifest.md describes them for users).
/// </summary>
/// <remarks>
/// The file is text; lines that are not records are comments. After the title line, each line is <see cref="LinePrefix"/> followed by one
/// JSON object with a single property naming the record: <see cref="MigrationRecord"/>, <see cref="FlagRecord"/>,
/// <see cref="FindingRecord"/>, <see cref="FailureRecord"/>, and last <see cref="EndRecord"/> with the counts, so a
/// cut-off file is told apart from a short one.
/// </remarks>
static partial class InventoryFormat
{
    /// <summary>2: flag records, and one title for both inventories.</summary>
    public const int Version = 2;

    /// <summary>The first line: <c>// ReleasePolicy inventory, format 2</c>.</summary>
    public const string Title = "ReleasePolicy inventory, format ";

    public const string LinePrefix = "//";

    public const string MigrationRecord = "migration";
    public const string FlagRecord = "flag";
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

    // Fields of a flag record; its location (path, line) is where the flag is declared, absent when it is not.
    public const string Name = "name";
    public const string References = "references";

    /// <summary>The declared expiry, <c>yyyy-MM-dd</c>; absent when none is declared.</summary>
    public const string Expires = "expires";

    /// <summary>Written only when true: the expiry has passed (by the build's clock, <c>ReleasePolicyNow</c> when set).</summary>
    public const string Expired = "expired";

    /// <summary>Written only when true: the code references the flag and no flag source declares it.</summary>
    public const string Undeclared = "undeclared";

    // Fields of a finding record.
    public const string Rule = "rule";
    public const string Severity = "severity";
    public const string Message = "message";

    // Location fields; the path is absolute, as the compiler saw it.
    public const string Path = "path";
    public const string Line = "line";

    // Fields of the end record.
    public const string MigrationCount = "migrations";
    public const string FlagCount = "flags";
    public const string FindingCount = "findings";
}
