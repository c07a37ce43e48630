namespace ReleasePolicy.Migrations;

/// <summary>How a migration's scripts paired up, judged from their names alone.</summary>
public enum PairingOutcome
{
    /// <summary>A forward script and its rollback script.</summary>
    Paired,

    /// <summary>A forward script whose convention expects a rollback script that is not there (RP1010).</summary>
    MissingRollback,

    /// <summary>A rollback script without its forward script (RP1012).</summary>
    OrphanRollback,

    /// <summary>A forward script that needs no rollback, such as a Flyway repeatable migration.</summary>
    ForwardOnly,
}

/// <summary>One migration as the names pair it: full paths of its scripts and what is missing.</summary>
public sealed class PairedMigration
{
    public PairedMigration(
        string id,
        MigrationConvention convention,
        PairingOutcome outcome,
        string? forward,
        string? rollback,
        string? verify = null,
        string? reason = null,
        string? rollbackToAdd = null,
        string? rollbackNotIncluded = null)
    {
        Id = id;
        Convention = convention;
        Outcome = outcome;
        Forward = forward;
        Rollback = rollback;
        Verify = verify;
        Reason = reason;
        RollbackToAdd = rollbackToAdd;
        RollbackNotIncluded = rollbackNotIncluded;
    }

    public string Id { get; }

    public MigrationConvention Convention { get; }

    public PairingOutcome Outcome { get; }

    /// <summary>Full path of the forward (deploy, up) script, or null for an orphan rollback script.</summary>
    public string? Forward { get; }

    /// <summary>Full path of the rollback (undo, down, revert) script, or null when there is none.</summary>
    public string? Rollback { get; }

    /// <summary>Full path of a sqitch <c>verify/</c> script, when there is one.</summary>
    public string? Verify { get; }

    /// <summary>Why the migration is forward-only, or which other script claims the same version.</summary>
    public string? Reason { get; }

    /// <summary>
    /// For <see cref="PairingOutcome.MissingRollback"/>, how RP1010 names the rollback script to add, in quotes
    /// (<c>'db/U3__add_index.sql'</c>); null when RP1010 is not due (a script whose version another one claims is RP1013).
    /// </summary>
    public string? RollbackToAdd { get; }

    /// <summary>
    /// For <see cref="PairingOutcome.MissingRollback"/>, the full path of the rollback script the convention expects
    /// when that file exists on disk but no item includes it (RP1010 then says so rather than asking to add it).
    /// </summary>
    public string? RollbackNotIncluded { get; }
}

/// <summary>What chose a set's convention.</summary>
public enum ConventionSource
{
    /// <summary>The item's <c>Convention</c> metadata.</summary>
    ConventionMetadata,

    /// <summary><c>ForwardPattern</c> / <c>RollbackPattern</c> metadata without <c>Convention</c>: Custom.</summary>
    Patterns,

    /// <summary>The file names.</summary>
    Detected,
}

/// <summary>Which convention a set was checked with, and what chose it.</summary>
public sealed class ConventionChoice
{
    /// <param name="evidence">
    /// For <see cref="ConventionSource.Detected"/>, the project-relative file whose name showed the convention; for
    /// <see cref="ConventionSource.Patterns"/>, the metadata that was set (<c>ForwardPattern and RollbackPattern</c>);
    /// for <see cref="ConventionSource.ConventionMetadata"/>, the value as written.
    /// </param>
    /// <param name="patterns">
    /// For <see cref="ConventionSource.ConventionMetadata"/>, the pattern metadata the item sets as well
    /// (<c>ForwardPattern</c>), or null.
    /// </param>
    public ConventionChoice(
        string setName, MigrationConvention? convention, ConventionSource source, string? evidence, string? patterns = null)
    {
        SetName = setName;
        Convention = convention;
        Source = source;
        Evidence = evidence;
        Patterns = patterns;
    }

    public string SetName { get; }

    /// <summary>Null when the set could not be checked (no scripts, or invalid metadata).</summary>
    public MigrationConvention? Convention { get; }

    public ConventionSource Source { get; }

    /// <summary>See the constructor; null when no file name showed a convention (Suffix by default).</summary>
    public string? Evidence { get; }

    /// <summary>See the constructor.</summary>
    public string? Patterns { get; }

    /// <summary>True when the Custom convention was chosen but its patterns cannot be used (an RP9001 says why).</summary>
    public bool PatternsUnusable { get; internal set; }

    /// <summary>
    /// The build message (normal importance) that tells the user which convention was used and, truthfully, what chose
    /// it: the file names, the <c>Convention</c> metadata, or the <c>ForwardPattern</c> / <c>RollbackPattern</c> metadata.
    /// </summary>
    public string Describe()
    {
        var set = $"ReleaseMigrationScripts '{SetName}'";
        if (Convention is null)
        {
            return Source switch
            {
                ConventionSource.ConventionMetadata when Patterns is not null =>
                    $"{set} is not checked: its Convention=\"{Evidence}\" metadata does not use the {Patterns} metadata it also sets (see RP9001).",
                ConventionSource.ConventionMetadata =>
                    $"{set} is not checked: its Convention=\"{Evidence}\" metadata names no convention (see RP9001).",
                _ => $"{set} contains no migration script; nothing to pair.",
            };
        }

        if (PatternsUnusable)
        {
            var chosenBy = Source == ConventionSource.ConventionMetadata ? $"Convention=\"{Evidence}\"" : Evidence;
            return $"{set} is not checked: the Custom convention (set by its {chosenBy} metadata) needs usable " +
                "ForwardPattern and RollbackPattern metadata (see RP9001).";
        }

        var how = Source switch
        {
            ConventionSource.ConventionMetadata when Patterns is not null => $"set by Convention=\"{Evidence}\" metadata, with its {Patterns} metadata.",
            ConventionSource.ConventionMetadata => $"set by Convention=\"{Evidence}\" metadata.",
            ConventionSource.Patterns => $"because the item sets {Evidence} metadata (Convention=\"Custom\" is implied).",
            _ when Evidence is null =>
                "because no file name shows a convention (<name>.sql pairs with <name>.rollback.sql). Set Convention metadata to choose another one.",
            _ => $"detected from the file name '{Evidence}'. Set Convention metadata to choose another one.",
        };
        return $"{set}: checking rollback scripts with the {Convention} convention, {how}";
    }
}
