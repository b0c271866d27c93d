using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;

namespace LegalServiceMap.Core.Tests.Stations;

public class StationScheduleTests
{
    private static readonly HolidayCalendar Calendar = new(
        [new Holiday("国庆节", "National Day", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7))],
        [new DateOnly(2026, 10, 10)]);

    private static Station Office()
    {
        OpeningHoursText.TryParse("mon-fri 09:00-11:30 13:00-17:00", out var hours, out _);
        return new Station { Id = "o", NameZh = "所", NameEn = "Office", Hours = hours };
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void StatutoryHoliday_IsClosed_AndSaysWhichAndWhenItReopens()
    {
        var status = OpeningHours.StatusAt(Office(), At(10, 2, 10), Calendar); // a Friday in the National Day holiday
        Assert.Equal((OpenState.Closed, ClosedBecause.Holiday), (status.State, status.Because));
        Assert.Equal("National Day", status.Holiday!.NameEn);
        Assert.Equal(new DateTime(2026, 10, 8, 9, 0, 0), status.NextChangeLocal);
    }

    [Fact]
    public void MakeUpWorkingDay_OnASaturday_IsOpenWithMondayHours()
    {
        Assert.Equal(OpenState.Open, OpeningHours.StatusAt(Office(), At(10, 10, 10), Calendar).State);
        Assert.Equal(OpenState.Closed, OpeningHours.StatusAt(Office(), At(10, 17, 10), Calendar).State); // an ordinary Saturday
    }

    [Fact]
    public void TemporaryClosure_BetweenDates_IsClosedWithTheReopeningDay()
    {
        var s = Office();
        s.Status = StationStatus.TemporarilyClosed;
        s.ClosedFrom = new DateOnly(2026, 11, 30);
        s.ClosedUntil = new DateOnly(2026, 12, 4);
        var during = OpeningHours.StatusAt(s, At(12, 1, 10), Calendar);
        Assert.Equal((OpenState.Closed, ClosedBecause.TemporarilyClosed), (during.State, during.Because));
        Assert.Equal(new DateTime(2026, 12, 5), during.NextChangeLocal);
        Assert.Equal(OpenState.Open, OpeningHours.StatusAt(s, At(12, 7, 10), Calendar).State); // the Monday after
    }

    [Fact]
    public void ClosedForGood_IsAlwaysClosed()
    {
        var s = Office();
        s.Status = StationStatus.Closed;
        var status = OpeningHours.StatusAt(s, At(12, 1, 10), Calendar);
        Assert.Equal((OpenState.Closed, ClosedBecause.Closed, (DateTime?)null), (status.State, status.Because, status.NextChangeLocal));
    }

    [Fact]
    public void ShippedCalendar_Has2026HolidaysAndMakeUpDays()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Root, "data", "holidays.json"));
        var calendar = HolidayCalendar.Read(stream);
        Assert.Contains(2026, calendar.Years);
        Assert.Equal("春节", calendar.HolidayOn(new DateOnly(2026, 2, 17))!.NameZh);
        Assert.True(calendar.IsMakeUpWorkday(new DateOnly(2026, 2, 28)));
        Assert.Null(calendar.HolidayOn(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void BadCalendarFile_Throws()
    {
        Assert.Throws<FormatException>(() => HolidayCalendar.Read(new MemoryStream("""{ "schema": "legal-service-map/holidays", "years": [ { "holidays": [ { "name": { "zh": "x", "en": "x" }, "from": "2026-13-01", "to": "2026-13-02" } ], "workdays": [] } ] }"""u8.ToArray())));
        Assert.Throws<FormatException>(() => HolidayCalendar.Read(new MemoryStream("{}"u8.ToArray())));
    }
}

public class DatedExceptionsTests
{
    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TryParse_ReadsHoursAndClosures_AndReportsBadLines()
    {
        Assert.True(DatedExceptionsText.TryParse("2026-12-24 09:00-12:00\n2026/12/31 休息", out var list, out _));
        Assert.Equal(2, list.Count);
        Assert.False(list[0].Closed);
        Assert.True(list[1].Closed);
        Assert.Equal("2026-12-24 09:00-12:00\n2026-12-31 closed", DatedExceptionsText.Format(list));
        Assert.False(DatedExceptionsText.TryParse("2026-12-24 sometimes\nsoon closed", out _, out var bad));
        Assert.Equal([1, 2], bad);
        Assert.False(DatedExceptionsText.TryParse("2026-12-24 closed\n2026-12-24 09:00-10:00", out _, out _)); // twice the same day
    }

    [Fact]
    public void Exceptions_WinOverWeeklyHoursAndHolidays()
    {
        OpeningHoursText.TryParse("mon-fri 09:00-17:00", out var hours, out _);
        DatedExceptionsText.TryParse("2026-10-02 09:00-12:00\n2026-12-01 closed", out var exceptions, out _);
        var s = new Station { Id = "x", NameZh = "x", NameEn = "x", Hours = hours, Exceptions = exceptions };
        var calendar = new HolidayCalendar([new Holiday("国庆节", "National Day", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7))], []);

        Assert.Equal(OpenState.Open, OpeningHours.StatusAt(s, At(10, 2, 10), calendar).State);   // open on a holiday by exception
        Assert.Equal(OpenState.Closed, OpeningHours.StatusAt(s, At(10, 2, 13), calendar).State);
        Assert.Equal(OpenState.Closed, OpeningHours.StatusAt(s, At(12, 1, 10), calendar).State);  // a Tuesday closed by exception
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0), OpeningHours.StatusAt(s, At(12, 1, 10), calendar).NextChangeLocal);
    }
}
