namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// One internal identifier found in a text: what it is, where (<see cref="Start"/> and <see cref="Length"/> in the
/// text scanned), and how a message shows it. <see cref="Display"/> is safe to print: a secret is always replaced by
/// <c>***</c> there, the key it belongs to kept (<c>Password=***</c>).
/// </summary>
sealed partial class LeakFinding
{
    internal LeakFinding(LeakKind kind, int start, int length, string value, string display)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Value = value;
        Display = display;
    }

    public LeakKind Kind { get; }

    /// <summary>Where the finding starts in the scanned text (0-based).</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>
    /// The identifier itself, as an allow-list entry names it: the host, the address, the ticket, the path. For a
    /// credential it is the redacted text, never the secret.
    /// </summary>
    public string Value { get; }

    /// <summary>The finding as a message shows it, redacted.</summary>
    public string Display { get; }

    public override string ToString() => Kind.Name + " '" + Display + "'";
}
