using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

public class OpeningHoursTextTests
{
    [Fact]
    public void TryParse_DayRangesLunchBreaksAndChineseDays()
    {
        Assert.True(OpeningHoursText.TryParse("mon-fri 09:00-11:30 13:00-17:00\n周六 9:00-12:00", out var periods, out _));
        Assert.Equal(11, periods.Count);
        Assert.Contains(new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(13, 0), new TimeOnly(17, 0)), periods);
        Assert.Contains(new OpeningPeriod(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(12, 0)), periods);
        Assert.DoesNotContain(periods, p => p.Day == DayOfWeek.Sunday);
    }

    [Theory]
    [InlineData("someday 09:00-10:00", 1)]
    [InlineData("mon 10:00-09:00", 1)]
    [InlineData("mon 09:00-10:00\nfri-mon 09:00-10:00", 2)]
    [InlineData("tue 25:00-26:00", 1)]
    [InlineData("wed 09:00-10:00 and lunch", 1)]
    public void TryParse_BadLines_AreReportedByNumber(string text, int badLine)
    {
        Assert.False(OpeningHoursText.TryParse(text, out _, out var bad));
        Assert.Equal([badLine], bad);
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        Assert.True(OpeningHoursText.TryParse("tue-sun 09:00-11:30 13:00-16:30", out var periods, out _));
        var text = OpeningHoursText.Format(periods);
        Assert.StartsWith("tue 09:00-11:30 13:00-16:30", text);
        Assert.True(OpeningHoursText.TryParse(text, out var again, out _));
        Assert.Equal(periods, again);
    }

    [Fact]
    public void TryParse_Empty_IsNoHours()
    {
        Assert.True(OpeningHoursText.TryParse("  \n ", out var periods, out _));
        Assert.Empty(periods);
    }
}
