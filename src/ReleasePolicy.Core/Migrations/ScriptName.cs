namespace ReleasePolicy.Migrations;

/// <summary>What a script's name says it is under one convention.</summary>
internal enum ScriptRole
{
    Forward,
    Rollback,

    /// <summary>Applied without a rollback by design (a Flyway repeatable or baseline migration).</summary>
    ForwardOnly,

    /// <summary>A script whose name fits none of the convention's shapes.</summary>
    Unrecognized,
}

/// <summary>One script's name read through a convention: its role, the key its partner shares, and its partner's name.</summary>
internal readonly struct ScriptName
{
    public static readonly ScriptName Unrecognized = new(ScriptRole.Unrecognized, string.Empty, string.Empty, string.Empty, null);

    public ScriptName(ScriptRole role, string key, string id, string claim, string? partnerFileName, string? reason = null)
    {
        Role = role;
        Key = key;
        Id = id;
        Claim = claim;
        PartnerFileName = partnerFileName;
        Reason = reason;
    }

    public ScriptRole Role { get; }

    /// <summary>Forward and rollback scripts of one migration share this key; two scripts of one role must not.</summary>
    public string Key { get; }

    /// <summary>The migration's <c>id</c> in the report: a version, a change name or a name stem.</summary>
    public string Id { get; }

    /// <summary>What two scripts with this key both claim, for RP1013: <c>version 3</c>, <c>migration 'add_users'</c>.</summary>
    public string Claim { get; }

    /// <summary>The partner's file name in the same folder, or null when the convention cannot spell it (Custom).</summary>
    public string? PartnerFileName { get; }

    /// <summary>Why a forward-only script needs no rollback.</summary>
    public string? Reason { get; }

    /// <summary>
    /// This name, read from a script's canonical name (see <see cref="ScriptExtensions"/>), for the script's own
    /// <paramref name="extension"/>: the partner is spelled with it, and the key holds it, so scripts pair only with
    /// scripts of their own extension (per-database variants such as <c>V1__a.mysql</c> and <c>V1__a.pgsql</c> are
    /// two migrations, not two claims on one).
    /// </summary>
    public ScriptName InExtension(string extension) => Role == ScriptRole.Unrecognized
        ? this
        : new ScriptName(
            Role,
            extension.ToLowerInvariant() + "|" + Key,
            Id,
            Claim,
            PartnerFileName is null ? null : ScriptExtensions.Real(PartnerFileName, extension),
            Reason);
}
