using System.Collections.Generic;

namespace ReleasePolicy.Migrations;

/// <summary>
/// The scripts of one <c>ReleaseMigrationScripts</c> source (a folder item, or the file items that share metadata),
/// with that source's naming convention. Scripts are paired only within one set.
/// </summary>
public sealed class MigrationScriptSet
{
    public MigrationScriptSet(
        string name,
        IReadOnlyList<string> files,
        string? convention = null,
        string? forwardPattern = null,
        string? rollbackPattern = null,
        ScriptExtensions? extensions = null,
        string? forwardOnlyReason = null)
    {
        Name = name;
        Files = files;
        Convention = Blank(convention);
        ForwardPattern = Blank(forwardPattern);
        RollbackPattern = Blank(rollbackPattern);
        Extensions = extensions ?? ScriptExtensions.Default;
        ForwardOnlyReason = Blank(forwardOnlyReason);
    }

    /// <summary>The item's <c>ForwardOnly</c> reason: every forward script of the set without a rollback is forward-only for it.</summary>
    public string? ForwardOnlyReason { get; }

    /// <summary>How messages name this set, for example the folder as the user wrote it: <c>db/migrations</c>.</summary>
    public string Name { get; }

    /// <summary>Full paths of the scripts (files with one of <see cref="Extensions"/>) and <c>sqitch.plan</c> files in the set.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The <c>Convention</c> metadata as written, or null to detect it from the file names.</summary>
    public string? Convention { get; }

    public string? ForwardPattern { get; }

    public string? RollbackPattern { get; }

    /// <summary>The extensions the set's scripts have (<c>ScriptExtensions</c> metadata, or the default list).</summary>
    public ScriptExtensions Extensions { get; }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
