using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

public class OpeningHoursTests
{
    // Tue–Sun 09:00–11:30 and 13:00–16:30, closed on Monday (a lunch break on every open day).
    private static readonly List<OpeningPeriod> Museum =
    [
        .. new[] { DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .SelectMany(d => new[]
            {
                new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(11, 30)),
                new OpeningPeriod(d, new TimeOnly(13, 0), new TimeOnly(16, 30)),
            }),
    ];

    /// <summary>An instant given in Shanghai local time (UTC+8).</summary>
    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void StatusAt_TuesdayMorning_IsOpenUntilLunch()
    {
        // 2026-12-01 is a Tuesday.
        var status = OpeningHours.StatusAt(Museum, Shanghai(2026, 12, 1, 10, 0));
        Assert.Equal(OpenState.Open, status.State);
        Assert.Equal(new DateTime(2026, 12, 1, 11, 30, 0), status.NextChangeLocal);
    }

    [Fact]
    public void StatusAt_LunchBreak_IsClosedAndReopensAtOne()
    {
        var status = OpeningHours.StatusAt(Museum, Shanghai(2026, 12, 1, 12, 15));
        Assert.Equal(OpenState.Closed, status.State);
        Assert.Equal(new DateTime(2026, 12, 1, 13, 0, 0), status.NextChangeLocal);
    }

    [Fact]
    public void StatusAt_Monday_IsClosedAndOpensTuesdayMorning()
    {
        var status = OpeningHours.StatusAt(Museum, Shanghai(2026, 11, 30, 10, 0));
        Assert.Equal(OpenState.Closed, status.State);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), status.NextChangeLocal);
    }

    [Fact]
    public void StatusAt_ClosingMinute_IsClosed()
    {
        var status = OpeningHours.StatusAt(Museum, Shanghai(2026, 12, 1, 16, 30));
        Assert.Equal(OpenState.Closed, status.State);
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0), status.NextChangeLocal);
    }

    [Fact]
    public void StatusAt_UsesShanghaiTimeNotUtc()
    {
        // 02:00 UTC on Tuesday is 10:00 in Shanghai: open. (In UTC it would be before opening.)
        var utc = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(OpenState.Open, OpeningHours.StatusAt(Museum, utc).State);
    }

    [Fact]
    public void StatusAt_NoHoursOnRecord_IsUnknown() =>
        Assert.Equal(OpenState.Unknown, OpeningHours.StatusAt([], DateTimeOffset.UtcNow).State);

    [Fact]
    public void ByDay_StartsOnMondayAndListsEveryDay()
    {
        var days = OpeningHours.ByDay(Museum).ToList();
        Assert.Equal(7, days.Count);
        Assert.Equal(DayOfWeek.Monday, days[0].Day);
        Assert.Empty(days[0].Periods);
        Assert.Equal(2, days[1].Periods.Count);
    }
}
