using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5002: one-off and recurring freeze windows against an injected clock, the hotfix bypass, and bad input.</summary>
public sealed class FreezeWindowGateTests
{
    private const string Project = "/src/Orders.Api/Orders.Api.csproj";

    private static readonly FreezeWindowItem MonthEndClose = new("month-end-close", "2026-12-30T00:00:00+01:00", "2027-01-02T00:00:00+01:00", "Year-end financial close", null, null);

    [Fact]
    public void An_active_one_off_window_fails_naming_the_window_its_reason_and_its_end()
    {
        var findings = new List<PolicyFinding>();

        var gate = Check(new[] { MonthEndClose }, "2026-12-31T10:00:00+01:00", Release(), findings);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        var finding = Assert.Single(findings);
        Assert.Equal(("RP5002", FindingKind.Policy), (finding.RuleId, finding.Kind));
        Assert.StartsWith(
            "Release freeze 'month-end-close' (2026-12-30T00:00+01:00 to 2027-01-02T00:00+01:00), reason: Year-end financial close, ends 2027-01-02T00:00+01:00. Nothing ships during a freeze",
            finding.Message);
    }

    [Theory]
    [InlineData("2026-12-29T23:59:00+01:00")]
    [InlineData("2027-01-02T00:00:00+01:00")]
    [InlineData("2027-01-01T23:30:00Z")]
    public void Outside_the_window_including_its_end_instant_the_gate_passes(string now)
    {
        var findings = new List<PolicyFinding>();

        var gate = Check(new[] { MonthEndClose }, now, Release(), findings);

        Assert.Equal(GateStatus.Pass, gate!.Status);
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("Sev1", null, GateStatus.Bypassed)]
    [InlineData("Sev2", null, GateStatus.Bypassed)]
    [InlineData("Sev3", null, GateStatus.Fail)]
    [InlineData("Sev3", "Sev3", GateStatus.Bypassed)]
    [InlineData("Sev2", "Sev1", GateStatus.Fail)]
    public void A_hotfix_at_or_above_the_bypass_severity_passes_as_bypassed_with_its_severity(string severity, string? bypass, string expected)
    {
        var findings = new List<PolicyFinding>();

        var gate = Check(new[] { MonthEndClose }, "2026-12-31T10:00:00+01:00", Release("Hotfix", severity), findings, bypass);

        Assert.Equal(expected, gate!.Status);
        if (expected == GateStatus.Bypassed)
        {
            Assert.Equal(severity, gate.Severity);
            Assert.Equal(FindingKind.Information, Assert.Single(findings).Kind);
            Assert.Contains($"bypassed by a {severity} hotfix", gate.Reason);
        }
    }

    [Fact]
    public void A_standard_release_never_bypasses_even_with_a_severity()
    {
        var gate = Check(new[] { MonthEndClose }, "2026-12-31T10:00:00+01:00", Release("Standard", "Sev1"), new List<PolicyFinding>());

        Assert.Equal(GateStatus.Fail, gate!.Status);
    }

    [Theory]
    [InlineData("2026-12-04T16:00:00+00:00", true, "2026-12-07T08:00Z")]   // Friday 16:00: starts
    [InlineData("2026-12-06T12:00:00+00:00", true, "2026-12-07T08:00Z")]   // Sunday
    [InlineData("2026-12-07T07:59:00+00:00", true, "2026-12-07T08:00Z")]   // Monday before 08:00
    [InlineData("2026-12-07T08:00:00+00:00", false, null)]                  // Monday 08:00: over
    [InlineData("2026-12-04T15:59:00+00:00", false, null)]                  // Friday afternoon
    [InlineData("2026-12-04T16:30:00+01:00", false, null)]                  // 15:30 in the window's offset (Z)
    public void A_weekly_recurrence_wraps_over_the_weekend(string now, bool active, string? until)
    {
        var window = Window(new FreezeWindowItem("weekend", null, null, "No weekend deploys", "weekly:fri 16:00-mon 08:00", "Z"));

        var end = window.ActiveUntil(DateTimeOffset.Parse(now));

        Assert.Equal(active, end is not null);
        Assert.Equal(until, end is { } e ? ReleaseClock.Format(e) : null);
    }

    [Theory]
    [InlineData("2026-12-29T09:00:00+00:00", true)]    // Tuesday: last business day (Thu 31st) minus 2
    [InlineData("2026-12-31T23:00:00+00:00", true)]
    [InlineData("2026-12-28T23:59:00+00:00", false)]
    [InlineData("2027-01-29T10:00:00+00:00", true)]    // January 2027 ends on a Sunday: Fri 29th is the last business day
    [InlineData("2027-01-27T10:00:00+00:00", true)]
    [InlineData("2027-01-26T10:00:00+00:00", false)]
    [InlineData("2027-01-30T10:00:00+00:00", false)]   // Saturday after the last business day
    public void Monthly_last_business_day_minus_two_covers_the_last_three_business_days(string now, bool active)
    {
        var window = Window(new FreezeWindowItem("month-end", null, null, "Month-end close", "monthly:last-business-day-2", null));

        Assert.Equal(active, window.ActiveUntil(DateTimeOffset.Parse(now)) is not null);
    }

    [Fact]
    public void A_daily_window_ends_the_next_morning()
    {
        var window = Window(new FreezeWindowItem("nightly-batch", null, null, "Batch jobs", "daily:22:00-06:00", "+01:00"));

        Assert.Equal("2026-12-03T06:00+01:00", ReleaseClock.Format(window.ActiveUntil(DateTimeOffset.Parse("2026-12-02T23:15:00+01:00"))!.Value));
        Assert.Null(window.ActiveUntil(DateTimeOffset.Parse("2026-12-02T12:00:00+01:00")));
    }

    [Theory]
    [InlineData("2026-12-30", "2027-01-02T00:00:00+01:00", null, "Start '2026-12-30': it is not a date and time with an offset")]
    [InlineData("2026-12-30T00:00:00", "2027-01-02T00:00:00+01:00", null, "Start '2026-12-30T00:00:00': it is not a date and time with an offset")]
    [InlineData("2027-01-02T00:00:00+01:00", "2026-12-30T00:00:00+01:00", null, "End '2026-12-30T00:00:00+01:00': it is not after its Start")]
    [InlineData(null, null, "fortnightly:fri", "Recurrence 'fortnightly:fri': it is not a recurrence this version knows. Allowed: 'weekly:")]
    [InlineData(null, null, "weekly:fri 25:00-mon 08:00", "Recurrence 'weekly:fri 25:00-mon 08:00'")]
    [InlineData("2026-12-30T00:00:00+01:00", null, null, "End '': a one-off window needs both Start and End")]
    public void Bad_window_metadata_is_RP9001_naming_the_window_and_what_is_allowed(string? start, string? end, string? recurrence, string expected)
    {
        var findings = new List<PolicyFinding>();

        var window = FreezeWindow.TryCreate(new FreezeWindowItem("close", start, end, "Close", recurrence, null), Project, findings);

        Assert.Null(window);
        var finding = Assert.Single(findings);
        Assert.Equal(("RP9001", Project), (finding.RuleId, finding.File));
        Assert.Contains("ReleaseFreezeWindow 'close' has " + expected, finding.Message);
    }

    [Fact]
    public void An_unknown_bypass_severity_and_a_bad_clock_are_RP9001()
    {
        var findings = new List<PolicyFinding>();

        Assert.Null(FreezeWindowGate.TryParseBypassSeverity("critical", Project, findings));
        Assert.Null(ReleaseClock.Now("tomorrow", Project, findings));

        Assert.Equal(
            new[]
            {
                "ReleaseFreezeBypassSeverity is 'critical'. Allowed values: Sev1, Sev2, Sev3, Sev4 (Sev1 is the most severe).",
                "ReleasePolicyNow is 'tomorrow': it is neither a date nor a date and time with an offset. Allowed: a date (2026-12-31, midnight UTC) or ISO 8601 with an offset, e.g. 2026-12-31T17:00:00+01:00 or 2026-12-31T16:00:00Z.",
            },
            findings.Select(f => f.Message));
    }

    private static GateResult? Check(FreezeWindowItem[] items, string now, ReleaseClassification release, List<PolicyFinding> findings, string? bypass = null)
    {
        var windows = items.Select(Window).ToList();
        return FreezeWindowGate.Check(windows, DateTimeOffset.Parse(now), release, FreezeWindowGate.TryParseBypassSeverity(bypass, Project, findings)!, Project, findings);
    }

    private static FreezeWindow Window(FreezeWindowItem item)
    {
        var findings = new List<PolicyFinding>();
        var window = FreezeWindow.TryCreate(item, Project, findings);
        Assert.Empty(findings);
        return window!;
    }

    private static ReleaseClassification Release(string type = "Standard", string? severity = null) =>
        ReleaseClassification.TryCreate(type, severity, null, null, Project, new List<PolicyFinding>())!;
}
