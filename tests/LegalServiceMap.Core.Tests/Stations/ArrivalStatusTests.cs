using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

/// <summary>"Open when you arrive": departure + walking time against the hours, special days and the holiday calendar.</summary>
public class ArrivalStatusTests
{
    private static readonly HolidayCalendar Calendar = new(
        [new Holiday("国庆节", "National Day", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7))],
        [new DateOnly(2026, 10, 10)]); // a Saturday worked in exchange (调休)

    private static Station Office()
    {
        Assert.True(OpeningHoursText.TryParse("mon-fri 09:00-11:30 13:00-17:00", out var hours, out _));
        return new Station { Id = "o", NameZh = "所", NameEn = "Office", Hours = hours };
    }

    /// <summary>Leaves at this China Standard Time (a Wednesday unless said), given as UTC to show the conversion.</summary>
    private static DateTimeOffset Leave(int month, int day, int hour, int minute) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static ArrivalStatus Arrive(Station s, DateTimeOffset leave, int walkMinutes) =>
        ArrivalStatus.For(s, leave, TimeSpan.FromMinutes(walkMinutes), Calendar);

    [Fact]
    public void LeavingAtNine_ArrivesOpen_AndSaysWhenItCloses()
    {
        var a = Arrive(Office(), Leave(12, 2, 9, 30), 12);
        Assert.Equal((ArrivalAnswer.Open, (bool?)true), (a.Answer, a.OpenOnArrival));
        Assert.Equal(new DateTime(2026, 12, 2, 9, 42, 0), a.ArrivalLocal);
        Assert.Equal(new TimeOnly(11, 30), a.At);
    }

    [Fact]
    public void AWalkThatEndsInTheLunchBreak_OpensLater_AtOnePm()
    {
        var a = Arrive(Office(), Leave(12, 2, 11, 20), 15); // arrives 11:35
        Assert.Equal((ArrivalAnswer.OpensLater, (bool?)false), (a.Answer, a.OpenOnArrival));
        Assert.Equal(new TimeOnly(13, 0), a.At);
        Assert.Equal(ArrivalAnswer.Open, Arrive(Office(), Leave(12, 2, 11, 10), 15).Answer); // 11:25: still open
    }

    [Fact]
    public void OpenAtDeparture_ButClosedByTheArrival_ClosesBeforeYouArrive()
    {
        var a = Arrive(Office(), Leave(12, 2, 16, 50), 20); // open when leaving, 17:10 on arrival
        Assert.Equal(ArrivalAnswer.ClosesBeforeArrival, a.Answer);
        Assert.Equal(new TimeOnly(17, 0), a.At);
    }

    [Fact]
    public void AWalkPastMidnight_IsJudgedOnTheDayOfArrival()
    {
        var a = Arrive(Office(), Leave(12, 4, 23, 50), 20); // Friday 23:50 → Saturday 00:10
        Assert.Equal((ArrivalAnswer.ClosedThatDay, ClosedDayReason.RestDay), (a.Answer, a.Because));
        Assert.Equal(DayOfWeek.Saturday, a.ArrivalLocal.DayOfWeek);
    }

    [Fact]
    public void AStatutoryDayOff_IsClosedThatDay_WithTheHolidaysName()
    {
        var a = Arrive(Office(), Leave(10, 2, 9, 30), 10); // a Friday in the National Day holiday
        Assert.Equal((ArrivalAnswer.ClosedThatDay, ClosedDayReason.Holiday), (a.Answer, a.Because));
        Assert.Equal("National Day", a.Holiday!.NameEn);
    }

    [Fact]
    public void AMakeUpWorkingDay_OnASaturday_IsOpenWithMondayHours()
    {
        Assert.Equal(ArrivalAnswer.Open, Arrive(Office(), Leave(10, 10, 9, 30), 10).Answer);
        Assert.Equal(ClosedDayReason.RestDay, Arrive(Office(), Leave(10, 17, 9, 30), 10).Because); // an ordinary Saturday
    }

    [Fact]
    public void ATemporaryClosure_IsClosedThatDay_AndOpenAgainAfterIt()
    {
        var s = Office();
        s.Status = StationStatus.TemporarilyClosed;
        s.ClosedFrom = new DateOnly(2026, 11, 30);
        s.ClosedUntil = new DateOnly(2026, 12, 2);
        Assert.Equal((ArrivalAnswer.ClosedThatDay, ClosedDayReason.TemporarilyClosed), (Arrive(s, Leave(12, 2, 9, 30), 10).Answer, Arrive(s, Leave(12, 2, 9, 30), 10).Because));
        Assert.Equal(ArrivalAnswer.Open, Arrive(s, Leave(12, 3, 9, 30), 10).Answer);
    }

    [Fact]
    public void ADatedSpecialDay_ReplacesTheWeeklyHours_EvenOnAHoliday()
    {
        var s = Office();
        s.Exceptions = [new DatedException(new DateOnly(2026, 10, 3), [(new TimeOnly(10, 0), new TimeOnly(12, 0))])]; // open on a day off
        Assert.Equal(ArrivalAnswer.Open, Arrive(s, Leave(10, 3, 10, 30), 10).Answer);
        Assert.Equal(ArrivalAnswer.ClosesBeforeArrival, Arrive(s, Leave(10, 3, 11, 55), 10).Answer);
    }

    [Fact]
    public void NoHoursOnRecord_IsUnknown_NotClosed()
    {
        var a = Arrive(new Station { Id = "u", NameZh = "u", NameEn = "u" }, Leave(12, 2, 9, 30), 10);
        Assert.Equal((ArrivalAnswer.HoursUnknown, (bool?)null), (a.Answer, a.OpenOnArrival));
    }
}
