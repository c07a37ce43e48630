using System;
using System.Globalization;

namespace ReleasePolicy.Rules;

/// <summary>
/// Dates on feature flags: a flag's declared expiry (<c>"expires": "2026-10-01"</c>) and the day to compare it with
/// (<c>release_policy.today</c> or <c>ReleasePolicyNow</c>). Both are ISO 8601; only the calendar date counts, so a
/// flag that expires on 2026-10-01 is still valid on that day and expired from 2026-10-02.
/// </summary>
static partial class FlagExpiry
{
    /// <summary>The calendar date of an ISO 8601 date or date-time, or null when the text is not one.</summary>
    public static DateTime? ParseDate(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length < 10
            || !DateTime.TryParseExact(trimmed.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        // The date as written, not shifted by a time zone: "2026-10-01T23:00:00+02:00" expires on 2026-10-01.
        var isDateTime = trimmed.Length > 10
            && trimmed[10] == 'T'
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
        return trimmed.Length == 10 || isDateTime ? date : null;
    }

    /// <summary>True when a flag with this expiry is past it on <paramref name="today"/>.</summary>
    public static bool IsExpired(DateTime expires, DateTime today) => today.Date > expires.Date;

    /// <summary>The date as flag sources and messages write it.</summary>
    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
