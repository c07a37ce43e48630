using System;
using System.Collections.Generic;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>A <c>ReleaseFreezeWindow</c> item as MSBuild hands it over: the name (Include) and its metadata, unchecked.</summary>
public sealed class FreezeWindowItem
{
    public FreezeWindowItem(string name, string? start, string? end, string? reason, string? recurrence, string? offset)
    {
        Name = name;
        Start = start;
        End = end;
        Reason = reason;
        Recurrence = recurrence;
        Offset = offset;
    }

    public string Name { get; }

    public string? Start { get; }

    public string? End { get; }

    public string? Reason { get; }

    public string? Recurrence { get; }

    public string? Offset { get; }
}

/// <summary>
/// A validated freeze window: one-off (<c>Start</c> to <c>End</c>) or recurring (<see cref="FreezeRecurrence"/>,
/// optionally bounded by <c>Start</c> / <c>End</c>).
/// </summary>
public sealed class FreezeWindow
{
    private FreezeWindow(string name, string reason, DateTimeOffset? start, DateTimeOffset? end, FreezeRecurrence? recurrence, TimeSpan? offset)
    {
        Name = name;
        Reason = reason;
        Start = start;
        End = end;
        Recurrence = recurrence;
        Offset = offset;
    }

    public string Name { get; }

    public string Reason { get; }

    public DateTimeOffset? Start { get; }

    public DateTimeOffset? End { get; }

    public FreezeRecurrence? Recurrence { get; }

    /// <summary>The offset a recurrence is evaluated in; null means the clock's.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>When the window active at <paramref name="now"/> ends, or null when it is not active.</summary>
    public DateTimeOffset? ActiveUntil(DateTimeOffset now)
    {
        if ((Start is { } start && now < start) || (End is { } end && now >= end))
        {
            return null;
        }

        if (Recurrence is null)
        {
            return End;
        }

        var local = Offset is { } offset ? now.ToOffset(offset) : now;
        var until = Recurrence.ActiveUntil(local);
        return until is { } u && End is { } bound && bound < u ? bound : until;
    }

    public string Describe() =>
        Recurrence is not null
            ? $"'{Name}' ({Recurrence.Text})"
            : $"'{Name}' ({ReleaseClock.Format(Start!.Value)} to {ReleaseClock.Format(End!.Value)})";

    /// <returns>The window, or null with one RP9001 finding per invalid value.</returns>
    public static FreezeWindow? TryCreate(FreezeWindowItem item, string? projectFile, ICollection<PolicyFinding> findings)
    {
        var before = findings.Count;
        void Invalid(string metadata, string? value, string allowed) => findings.Add(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"ReleaseFreezeWindow '{item.Name}' has {metadata} '{value}': {allowed}.",
            projectFile));

        DateTimeOffset? Instant(string metadata, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (ReleaseClock.TryParseInstant(value, out var instant))
            {
                return instant;
            }

            Invalid(metadata, value, "it is not a date and time with an offset. Allowed: " + ReleaseClock.AllowedForm);
            return null;
        }

        var start = Instant("Start", item.Start);
        var end = Instant("End", item.End);
        FreezeRecurrence? recurrence = null;
        if (!string.IsNullOrWhiteSpace(item.Recurrence))
        {
            recurrence = FreezeRecurrence.TryParse(item.Recurrence);
            if (recurrence is null)
            {
                Invalid("Recurrence", item.Recurrence, "it is not a recurrence this version knows. Allowed: " + FreezeRecurrence.AllowedForms);
            }
        }
        else if (findings.Count == before && (start is null || end is null))
        {
            Invalid(start is null ? "Start" : "End", start is null ? item.Start : item.End, "a one-off window needs both Start and End (" + ReleaseClock.AllowedForm + "), or give a Recurrence");
        }

        TimeSpan? offset = null;
        if (!string.IsNullOrWhiteSpace(item.Offset))
        {
            if (ReleaseClock.TryParseInstant("2000-01-01T00:00:00" + item.Offset!.Trim(), out var probe))
            {
                offset = probe.Offset;
            }
            else
            {
                Invalid("Offset", item.Offset, "Allowed: an offset from UTC such as +01:00, -05:00 or Z");
            }
        }

        if (start is { } s && end is { } e && e <= s)
        {
            Invalid("End", item.End, $"it is not after its Start '{item.Start}'. End must be later than Start");
        }

        if (findings.Count != before)
        {
            return null;
        }

        var reason = string.IsNullOrWhiteSpace(item.Reason) ? "no reason given" : item.Reason!.Trim();
        return new FreezeWindow(item.Name.Trim(), reason, start, end, recurrence, offset);
    }
}
