using System;
using System.Collections.Generic;
using System.Linq;

namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// What the organisation tells the detector: its own domains (<c>ReleaseInternalDomains</c>,
/// <c>release_policy.internal_domains</c>), its ticket project keys (<c>ReleaseTicketKeys</c>,
/// <c>release_policy.ticket_keys</c>) and exact values that are fine to show (<c>ReleaseLeakAllowList</c>,
/// <c>release_policy.leak_allow_list</c>).
/// </summary>
sealed partial class LeakSettings
{
    /// <summary>No organisation domains, no ticket keys (the careful fallback applies), nothing allowed.</summary>
    public static readonly LeakSettings Default = new(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());

    private readonly HashSet<string> _ticketKeys;
    private readonly HashSet<string> _allowed;

    private LeakSettings(string[] internalDomains, string[] ticketKeys, string[] allowList)
    {
        InternalDomains = internalDomains;
        TicketKeys = ticketKeys;
        AllowList = allowList;
        _ticketKeys = new HashSet<string>(ticketKeys, StringComparer.Ordinal);
        _allowed = new HashSet<string>(allowList, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Lower-case domains without a leading dot; a host equal to one or under one is internal.</summary>
    public IReadOnlyList<string> InternalDomains { get; }

    /// <summary>Upper-case project keys (<c>OPS</c>); when there are none, the detector's fallback recognises tickets.</summary>
    public IReadOnlyList<string> TicketKeys { get; }

    public IReadOnlyList<string> AllowList { get; }

    /// <summary>Settings from three lists, each as MSBuild or .editorconfig writes it (separated by <c>;</c>, <c>,</c> or spaces).</summary>
    public static LeakSettings Parse(string? internalDomains, string? ticketKeys, string? allowList) =>
        Create(SettingList.Split(internalDomains), SettingList.Split(ticketKeys), SettingList.Split(allowList));

    public static LeakSettings Create(IEnumerable<string>? internalDomains, IEnumerable<string>? ticketKeys, IEnumerable<string>? allowList)
    {
        var domains = (internalDomains ?? Array.Empty<string>())
            .Select(NormaliseDomain)
            .Where(domain => domain.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var keys = (ticketKeys ?? Array.Empty<string>())
            .Select(key => key.Trim().TrimEnd('-').ToUpperInvariant())
            .Where(key => key.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var allowed = (allowList ?? Array.Empty<string>())
            .Select(value => value.Trim())
            .Where(value => value.Length > 0)
            .ToArray();
        return domains.Length == 0 && keys.Length == 0 && allowed.Length == 0 ? Default : new LeakSettings(domains, keys, allowed);
    }


    internal bool IsTicketKey(string text, int start, int length)
    {
        if (_ticketKeys.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < TicketKeys.Count; i++)
        {
            var key = TicketKeys[i];
            if (key.Length == length && string.CompareOrdinal(text, start, key, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    internal bool HasTicketKeys => _ticketKeys.Count > 0;

    internal bool IsAllowed(string value) => _allowed.Count > 0 && _allowed.Contains(value);

    private static string NormaliseDomain(string domain)
    {
        var trimmed = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (trimmed.StartsWith("*.", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(2);
        }

        return trimmed.TrimStart('.');
    }
}
