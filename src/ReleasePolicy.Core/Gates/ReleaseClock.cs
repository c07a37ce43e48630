using System;
using System.Collections.Generic;
using System.Globalization;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>
/// The time every date check compares against: <c>ReleasePolicyNow</c> when it is given (ISO 8601 with an offset, or
/// a date alone, which is that day's midnight UTC, as the flag rules read it), the machine's clock otherwise. One
/// parser, so a freeze window, a suppression expiry, a flag's expiry and a test see the same "now".
/// </summary>
public static class ReleaseClock
{
    /// <summary>The forms <see cref="TryParseInstant"/> accepts, for messages.</summary>
    public const string AllowedForm = "ISO 8601 with an offset, e.g. 2026-12-31T17:00:00+01:00 or 2026-12-31T16:00:00Z";

    /// <summary>The forms <see cref="TryParseNow"/> accepts, for messages.</summary>
    public const string AllowedNowForm = "a date (2026-12-31, midnight UTC) or " + AllowedForm;

    /// <returns>The instant, or null with an RP9001 finding naming <paramref name="property"/> added.</returns>
    public static DateTimeOffset? Now(string? releasePolicyNow, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (string.IsNullOrWhiteSpace(releasePolicyNow))
        {
            return DateTimeOffset.Now;
        }

        if (TryParseNow(releasePolicyNow, out var now))
        {
            return now;
        }

        findings.Add(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"ReleasePolicyNow is '{releasePolicyNow}': it is neither a date nor a date and time with an offset. Allowed: {AllowedNowForm}.",
            projectFile));
        return null;
    }

    /// <summary><c>ReleasePolicyNow</c>: an instant with an offset, or a date alone (<c>yyyy-MM-dd</c>) as that day's midnight UTC.</summary>
    public static bool TryParseNow(string? text, out DateTimeOffset value)
    {
        var trimmed = text?.Trim();
        if (trimmed is { Length: 10 } && DateTime.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date, TimeSpan.Zero);
            return true;
        }

        return TryParseInstant(text, out value);
    }

    /// <summary>A date and time with an explicit offset (<c>Z</c> or <c>±hh:mm</c>); a time without one is ambiguous and refused.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !HasOffset(trimmed!))
        {
            return false;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && trimmed!.IndexOf('T') > 0;
    }

    /// <summary>How messages print an instant: ISO 8601, to the minute, in its own offset.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm'Z'" : "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text)
    {
        if (text.EndsWith("Z", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var time = text.IndexOf('T');
        if (time < 0)
        {
            return false;
        }

        var tail = text.Substring(time);
        return tail.LastIndexOf('+') > 0 || tail.LastIndexOf('-') > 0;
    }
}
