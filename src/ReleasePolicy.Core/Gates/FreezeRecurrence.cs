using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ReleasePolicy.Gates;

/// <summary>
/// A recurring freeze (<c>ReleaseFreezeWindow</c> <c>Recurrence</c> metadata), in one of three forms, evaluated in the
/// window's <c>Offset</c> (default: the clock's):
/// <list type="bullet">
/// <item><c>weekly:fri 16:00-mon 08:00</c>: from a day and time to a day and time each week (may wrap over the weekend).</item>
/// <item><c>daily:22:00-06:00</c>: the same hours every day (may wrap over midnight).</item>
/// <item><c>monthly:last-business-day</c> or <c>monthly:last-business-day-N</c>: the month's last business day
/// (Monday to Friday), and with <c>-N</c> the N business days before it too, whole days.</item>
/// </list>
/// </summary>
public sealed class FreezeRecurrence
{
    /// <summary>For messages: the grammar in one line.</summary>
    public const string AllowedForms = "'weekly:<day> HH:mm-<day> HH:mm' (e.g. weekly:fri 16:00-mon 08:00), 'daily:HH:mm-HH:mm' (e.g. daily:22:00-06:00), 'monthly:last-business-day' or 'monthly:last-business-day-N' (e.g. monthly:last-business-day-2)";

    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;
    private static readonly string[] Days = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    private static readonly Regex Weekly = new(@"^weekly:\s*(?<d1>[a-z]{3})\s+(?<t1>\d{1,2}:\d{2})\s*-\s*(?<d2>[a-z]{3})\s+(?<t2>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Daily = new(@"^daily:\s*(?<t1>\d{1,2}:\d{2})\s*-\s*(?<t2>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Monthly = new(@"^monthly:\s*last-business-day(?:-(?<n>\d{1,2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly Func<DateTimeOffset, DateTimeOffset?> _activeUntil;

    private FreezeRecurrence(string text, Func<DateTimeOffset, DateTimeOffset?> activeUntil)
    {
        Text = text;
        _activeUntil = activeUntil;
    }

    public string Text { get; }

    /// <summary>When the occurrence that contains <paramref name="now"/> ends (in <paramref name="now"/>'s offset), or null when none does.</summary>
    public DateTimeOffset? ActiveUntil(DateTimeOffset now) => _activeUntil(now);

    public static FreezeRecurrence? TryParse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var weekly = Weekly.Match(trimmed);
        if (weekly.Success)
        {
            var start = Day(weekly.Groups["d1"].Value) * MinutesPerDay + Minutes(weekly.Groups["t1"].Value);
            var end = Day(weekly.Groups["d2"].Value) * MinutesPerDay + Minutes(weekly.Groups["t2"].Value);
            if (Day(weekly.Groups["d1"].Value) < 0 || Day(weekly.Groups["d2"].Value) < 0 || Minutes(weekly.Groups["t1"].Value) < 0 || Minutes(weekly.Groups["t2"].Value) < 0 || start == end)
            {
                return null;
            }

            return new FreezeRecurrence(trimmed, now => Cyclic(now, start, end, MinutesPerWeek, MinuteOfWeek(now)));
        }

        var daily = Daily.Match(trimmed);
        if (daily.Success)
        {
            var start = Minutes(daily.Groups["t1"].Value);
            var end = Minutes(daily.Groups["t2"].Value);
            if (start < 0 || end < 0 || start == end)
            {
                return null;
            }

            return new FreezeRecurrence(trimmed, now => Cyclic(now, start, end, MinutesPerDay, now.Hour * 60 + now.Minute));
        }

        var monthly = Monthly.Match(trimmed);
        if (monthly.Success)
        {
            var before = monthly.Groups["n"].Success ? int.Parse(monthly.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
            return before > 20 ? null : new FreezeRecurrence(trimmed, now => MonthEnd(now, before));
        }

        return null;
    }

    private static DateTimeOffset? Cyclic(DateTimeOffset now, int start, int end, int cycle, int minute)
    {
        var active = start < end ? minute >= start && minute < end : minute >= start || minute < end;
        if (!active)
        {
            return null;
        }

        var untilEnd = ((end - minute) % cycle + cycle) % cycle;
        var atMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Offset);
        return atMinute.AddMinutes(untilEnd);
    }

    private static DateTimeOffset? MonthEnd(DateTimeOffset now, int businessDaysBefore)
    {
        var last = new DateTime(now.Year, now.Month, DateTime.DaysInMonth(now.Year, now.Month));
        while (!IsBusinessDay(last))
        {
            last = last.AddDays(-1);
        }

        var first = last;
        for (var i = 0; i < businessDaysBefore; i++)
        {
            do
            {
                first = first.AddDays(-1);
            }
            while (!IsBusinessDay(first));
        }

        var today = now.Date;
        return today >= first && today <= last ? new DateTimeOffset(last.AddDays(1), now.Offset) : null;
    }

    private static bool IsBusinessDay(DateTime day) => day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday;

    private static int MinuteOfWeek(DateTimeOffset now) => (((int)now.DayOfWeek + 6) % 7) * MinutesPerDay + now.Hour * 60 + now.Minute;

    private static int Day(string name) => Array.IndexOf(Days, name.ToLowerInvariant());

    private static int Minutes(string time)
    {
        var parts = time.Split(':');
        var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return hours > 24 || minutes > 59 || (hours == 24 && minutes > 0) ? -1 : hours * 60 + minutes;
    }
}
