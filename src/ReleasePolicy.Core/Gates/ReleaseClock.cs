using System;
using System.Collections.Generic;
using System.Globalization;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>
/// The time every date check compares against: <c>ReleasePolicyNow</c> (ISO 8601 with an offset) when it is given,
/// the machine's clock otherwise. One parser, so a freeze window, a suppression expiry and a test see the same "now".
/// </summary>
public static class ReleaseClock
{
    /// <summary>The forms <see cref="TryParseInstant"/> accepts, for messages.</summary>
    public const string AllowedForm = "ISO 8601 with an offset, e.g. 2026-12-31T17:00:00+01:00 or 2026-12-31T16:00:00Z";

    /// <returns>The instant, or null with an RP9001 finding naming <paramref name="property"/> added.</returns>
    public static DateTimeOffset? Now(string? releasePolicyNow, string? projectFile, ICollection<PolicyFinding> findings)
    {
        if (string.IsNullOrWhiteSpace(releasePolicyNow))
        {
            return DateTimeOffset.Now;
        }

        if (TryParseInstant(releasePolicyNow, out var now))
        {
            return now;
        }

        findings.Add(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"ReleasePolicyNow is '{releasePolicyNow}': it is not a date and time with an offset. Allowed: {AllowedForm}.",
            projectFile));
        return null;
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
