using System;
using System.Collections.Generic;

namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// The one detector of internal identifiers in text: the leak analyzers run it on the strings that reach a user, and
/// the release-notes task on every line of the notes and shipped configuration files. It finds internal hosts and
/// URLs, private addresses, credentials, ticket references and debug references (see <see cref="LeakKind"/>), and
/// never documentation addresses (RFC 5737, RFC 3849) or reserved names (RFC 2606, RFC 6761).
/// </summary>
/// <remarks>
/// A hand-written scanner, no regular expressions: it runs on every string literal as the user types. A text without
/// any of the characters a finding needs is rejected by <see cref="MightContainLeak"/> in one pass, and a text that
/// has them is searched with <see cref="string.IndexOf(char)"/> for each scanner's anchor (<c>://</c>, <c>=</c>,
/// <c>.</c>, <c>:</c>, <c>-</c>, <c>\</c>, <c>/</c>); nothing is allocated unless something is found.
/// Scanners run from the most specific to the least: a credential or a URL claims its text, so the host inside a URL
/// is not reported again by the bare-host scanner, and a ticket-like word inside a path is not a ticket.
/// </remarks>
static partial class InternalIdentifierDetector
{
    private static readonly IReadOnlyList<LeakFinding> None = Array.Empty<LeakFinding>();

    [ThreadStatic]
    private static LeakScan? t_scan;

    /// <summary>
    /// False when <paramref name="text"/> cannot hold a finding: every kind needs one of <c>. : / \ - = _</c>
    /// (a host's dot, a URL's colon, a path's slash, a ticket's hyphen, a key's equals sign, a token's underscore)
    /// or an AWS key's <c>AKIA</c>. Short strings with none of them are most string literals.
    /// </summary>
    public static bool MightContainLeak(string? text)
    {
        if (text is null || text.Length < 4)
        {
            return false;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '.':
                case ':':
                case '/':
                case '\\':
                case '-':
                case '=':
                case '_':
                    return true;
            }
        }

        return text.IndexOf("AKIA", StringComparison.Ordinal) >= 0;
    }

    /// <summary>
    /// False when <paramref name="text"/> cannot hold a credential: a key/value secret needs <c>=</c>, a URL's
    /// user-info <c>@</c>, and every token prefix has <c>_</c> or <c>-</c> or is <c>AKIA</c> / <c>AIza</c>. RP3003 reads
    /// every string literal, so most are rejected here.
    /// </summary>
    public static bool MightContainCredential(string? text)
    {
        if (text is null || text.Length < 8)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c == '=' || c == '@' || c == '_')
            {
                return true;
            }
        }

        return text.IndexOf("glpat-", StringComparison.Ordinal) >= 0 || text.IndexOf("xox", StringComparison.Ordinal) >= 0
            || text.IndexOf("AKIA", StringComparison.Ordinal) >= 0 || text.IndexOf("AIza", StringComparison.Ordinal) >= 0
            || text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0;
    }

    /// <summary>Every internal identifier in <paramref name="text"/>, in text order, allow-listed values left out.</summary>
    public static IReadOnlyList<LeakFinding> Find(string? text, LeakSettings? settings = null)
    {
        if (!MightContainLeak(text))
        {
            return None;
        }

        // One scan object per thread, reused: a text without findings allocates nothing.
        var scan = t_scan ??= new LeakScan();
        scan.Reset(text!, settings ?? LeakSettings.Default);
        Credentials.FindTokens(scan);
        Credentials.FindKeyValueSecrets(scan);
        Urls.Find(scan);
        DebugReferences.Find(scan);
        Addresses.Find(scan);
        HostNames.Find(scan);
        TicketReferences.Find(scan);
        return scan.TakeResults();
    }

    /// <summary>True when <paramref name="findings"/> has one of <paramref name="kind"/>, for a caller that reports one kind per rule.</summary>
    public static bool Contains(IReadOnlyList<LeakFinding> findings, LeakKind kind)
    {
        foreach (var finding in findings)
        {
            if (finding.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// One scan's text, settings, findings and the spans already claimed by a more specific scanner. Reused for every
/// scan on a thread (see <see cref="InternalIdentifierDetector.Find"/>), so its lists are allocated once.
/// </summary>
sealed class LeakScan
{
    private readonly List<LeakFinding> _findings = new();
    private readonly List<int> _claims = new();

    public string Text { get; private set; } = string.Empty;

    public LeakSettings Settings { get; private set; } = LeakSettings.Default;

    /// <summary>Scratch space for an IPv6 address's eight groups.</summary>
    public ushort[] Groups { get; } = new ushort[8];

    public void Reset(string text, LeakSettings settings)
    {
        Text = text;
        Settings = settings;
        _findings.Clear();
        _claims.Clear();
    }

    /// <summary>The findings in text order, as a list of their own; the scan is empty afterwards.</summary>
    public IReadOnlyList<LeakFinding> TakeResults()
    {
        if (_findings.Count == 0)
        {
            Text = string.Empty;
            return Array.Empty<LeakFinding>();
        }

        var results = new List<LeakFinding>(_findings);
        results.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Kind.RuleId, b.Kind.RuleId));
        Reset(string.Empty, LeakSettings.Default);
        return results;
    }

    /// <summary>True when <paramref name="index"/> lies in a span a previous scanner claimed.</summary>
    public bool IsClaimed(int index)
    {
        for (var i = 0; i < _claims.Count; i += 2)
        {
            if (index >= _claims[i] && index < _claims[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of the claimed span holding <paramref name="index"/>, or -1.</summary>
    public int ClaimEnd(int index)
    {
        for (var i = 0; i < _claims.Count; i += 2)
        {
            if (index >= _claims[i] && index < _claims[i + 1])
            {
                return _claims[i + 1];
            }
        }

        return -1;
    }

    public void Claim(int start, int end)
    {
        _claims.Add(start);
        _claims.Add(end);
    }

    /// <summary>Adds a finding unless its value or its text is allow-listed; the span is claimed either way.</summary>
    public void Add(LeakKind kind, int start, int end, string value, string? display = null)
    {
        Claim(start, end);
        if (Settings.IsAllowed(value) || (Settings.AllowList.Count > 0 && Settings.IsAllowed(Text.Substring(start, end - start))))
        {
            return;
        }

        foreach (var existing in _findings)
        {
            if (existing.Kind == kind && existing.Start == start)
            {
                return;
            }
        }

        _findings.Add(new LeakFinding(kind, start, end - start, value, display ?? value));
    }
}
