namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// What a leaked internal identifier is, and the rule that reports it in code. A closed set of instances rather than
/// an enum, for the same reason as <see cref="RuleKind"/>: shared source cannot make an enum public in one assembly only.
/// </summary>
sealed partial class LeakKind
{
    /// <summary>An internal host name or URL (RP3001).</summary>
    public static readonly LeakKind InternalHost = new("internal host", "host", RuleIds.InternalHostInUserFacingString);

    /// <summary>A private, loopback, link-local, CGNAT or unique-local IP address (RP3002).</summary>
    public static readonly LeakKind PrivateAddress = new("private IP address", "IP", RuleIds.PrivateAddressInUserFacingString);

    /// <summary>A connection string, URL or token carrying a secret (RP3003); only ever shown redacted.</summary>
    public static readonly LeakKind Credential = new("credential", "credential", RuleIds.CredentialInStringLiteral);

    /// <summary>A reference to an internal ticket (RP3004).</summary>
    public static readonly LeakKind TicketReference = new("internal ticket reference", "ticket", RuleIds.TicketReferenceInUserFacingString);

    /// <summary>A developer or build-agent path, stack-trace text or a localhost URL (RP3006).</summary>
    public static readonly LeakKind DebugReference = new("debug reference", "debug path", RuleIds.DebugReferenceInUserFacingString);

    private LeakKind(string name, string category, string ruleId)
    {
        Name = name;
        Category = category;
        RuleId = ruleId;
    }

    /// <summary>The kind as a message names it ("internal host").</summary>
    public string Name { get; }

    /// <summary>The short category a release-notes finding shows: host, IP, credential, ticket, debug path.</summary>
    public string Category { get; }

    /// <summary>The analyzer rule for this kind of leak.</summary>
    public string RuleId { get; }

    public override string ToString() => Name;
}
