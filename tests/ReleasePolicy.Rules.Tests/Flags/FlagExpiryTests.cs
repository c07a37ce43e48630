namespace ReleasePolicy.Rules.Tests.Flags;

public sealed class FlagExpiryTests
{
    [Theory]
    [InlineData("2026-10-01", 2026, 10, 1)]
    [InlineData(" 2026-10-01 ", 2026, 10, 1)]
    [InlineData("2026-10-01T23:00:00+02:00", 2026, 10, 1)]
    [InlineData("2026-10-01T08:30:00Z", 2026, 10, 1)]
    public void IsoDatesAndDateTimesGiveTheirCalendarDate(string text, int year, int month, int day)
    {
        Assert.Equal(new DateTime(year, month, day), FlagExpiry.ParseDate(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10/01/2026")]
    [InlineData("2026-13-01")]
    [InlineData("2026-10-01 garbage")]
    [InlineData("next sprint")]
    public void AnythingElseIsNoDate(string? text)
    {
        Assert.Null(FlagExpiry.ParseDate(text));
    }

    [Fact]
    public void AFlagIsValidOnItsExpiryDayAndExpiredTheDayAfter()
    {
        var expires = new DateTime(2026, 10, 1);

        Assert.False(FlagExpiry.IsExpired(expires, new DateTime(2026, 9, 30)));
        Assert.False(FlagExpiry.IsExpired(expires, new DateTime(2026, 10, 1, 23, 59, 0)));
        Assert.True(FlagExpiry.IsExpired(expires, new DateTime(2026, 10, 2)));
    }
}
