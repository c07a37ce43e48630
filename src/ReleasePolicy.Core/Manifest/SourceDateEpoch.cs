using System;
using System.Globalization;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Manifest;

/// <summary>
/// The build time for reproducible output (https://reproducible-builds.org/specs/source-date-epoch/): whole seconds
/// since 1970-01-01T00:00:00Z. The manifest never reads the clock, so without it there is no timestamp.
/// </summary>
public static class SourceDateEpoch
{
    /// <returns>
    /// <c>true</c> with <paramref name="timestamp"/> set (or <c>null</c> for an empty value); <c>false</c> with an
    /// RP9001 finding when the value is not a whole number of seconds in range.
    /// </returns>
    public static bool TryParse(string? value, string? projectFile, out DateTimeOffset? timestamp, out PolicyFinding? error)
    {
        timestamp = null;
        error = null;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= 253402300799L)
        {
            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        error = new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"SOURCE_DATE_EPOCH is '{value}'. Allowed values: a whole number of seconds since 1970-01-01T00:00:00Z " +
            "(for example the last commit's time: git log -1 --format=%ct).",
            projectFile);
        return false;
    }

    /// <summary>ISO-8601 in UTC to the second, e.g. <c>2024-05-01T12:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
