namespace ReleasePolicy.Migrations;

/// <summary>
/// One <c>ReleaseMigrationScripts</c> item as MSBuild hands it over: a folder, or a file (written by hand, or one of
/// the files a glob such as <c>db/**/*.sql</c> expanded to), with its metadata.
/// </summary>
public sealed class MigrationScriptItem
{
    public MigrationScriptItem(
        string include,
        string? recursiveDir = null,
        string? convention = null,
        string? forwardPattern = null,
        string? rollbackPattern = null,
        string? scriptExtensions = null,
        string? forwardOnly = null)
    {
        Include = include;
        RecursiveDir = recursiveDir ?? string.Empty;
        Convention = convention;
        ForwardPattern = forwardPattern;
        RollbackPattern = rollbackPattern;
        ScriptExtensions = scriptExtensions;
        ForwardOnly = string.IsNullOrWhiteSpace(forwardOnly) ? null : forwardOnly!.Trim();
    }

    /// <summary>The path as written or expanded, relative to the project folder or absolute.</summary>
    public string Include { get; }

    /// <summary>
    /// MSBuild's <c>%(RecursiveDir)</c>: for a file from a glob, the folders the <c>**</c> matched (<c>2024/q1/</c>),
    /// so the glob's root is the file's folder without them. Empty for a file written by hand.
    /// </summary>
    public string RecursiveDir { get; }

    public string? Convention { get; }

    public string? ForwardPattern { get; }

    public string? RollbackPattern { get; }

    /// <summary>The <c>ScriptExtensions</c> metadata as written (see <see cref="Migrations.ScriptExtensions.Parse"/>).</summary>
    public string? ScriptExtensions { get; }

    /// <summary>
    /// The <c>ForwardOnly</c> metadata: the reason every script of the item is forward-only (an append-only audit
    /// store, a data warehouse loaded forward), so a forward script without a rollback is recorded forward-only with
    /// this reason instead of RP1010. <c>false</c> is the same as none; <c>true</c> is not a reason (RP9001).
    /// </summary>
    public string? ForwardOnly { get; }

    /// <summary>Items with equal metadata may share a set; the key is what they share.</summary>
    internal string MetadataKey => Convention + "\n" + ForwardPattern + "\n" + RollbackPattern + "\n" + ScriptExtensions + "\n" + ForwardOnly;
}
