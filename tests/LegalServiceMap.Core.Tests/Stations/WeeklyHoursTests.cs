using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

public class WeeklyHoursTests
{
    private static IReadOnlyList<OpeningPeriod> Periods(string text)
    {
        Assert.True(OpeningHoursText.TryParse(text, out var periods, out _));
        return periods;
    }

    [Theory]
    [InlineData("mon 09:00-17:00")]
    [InlineData("mon\u2013fri 09:00-11:30 13:00-17:00\nsat 09:00-12:00")]
    [InlineData("tue 08:30-11:00 13:30-16:30\nthu 08:30-11:00 13:30-16:30\nsun 10:00-12:00")]
    [InlineData("")]
    public void TextToDaysAndBack_IsTheSameText(string text)
    {
        var days = WeeklyHours.From(Periods(text))!;
        Assert.Equal(7, days.Count);
        Assert.Equal(DayOfWeek.Monday, days[0].Day);
        Assert.Equal(OpeningHoursText.Format(Periods(text)), WeeklyHours.ToText(days, out var problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void ALunchBreak_IsTheSecondPeriod_AndClosedDaysHaveNone()
    {
        var days = WeeklyHours.From(Periods("mon-fri 09:00-11:30 13:00-17:00"))!;
        Assert.Equal(new DayHours(DayOfWeek.Monday, true, "09:00", "11:30", "13:00", "17:00"), days[0]);
        Assert.True(days[0].HasLunchBreak);
        Assert.Equal(new DayHours(DayOfWeek.Saturday, false), days[5]);
    }

    [Fact]
    public void EditedDays_WriteTheImportersText()
    {
        DayHours[] week =
        [
            new(DayOfWeek.Monday, true, "9:00", "12:00", "13:30", "17:00"),
            new(DayOfWeek.Tuesday, true, "09:00", "17:00"),
            new(DayOfWeek.Wednesday, false, "09:00", "17:00"), // closed: its times are ignored
            new(DayOfWeek.Saturday, true, "09:00:00", "11:00:00"), // a time input may send seconds
        ];
        Assert.Equal("mon 09:00-12:00 13:30-17:00\ntue 09:00-17:00\nsat 09:00-11:00", WeeklyHours.ToText(week, out var problems));
        Assert.Empty(problems);
        Assert.True(OpeningHoursText.TryParse(WeeklyHours.ToText(week, out _), out _, out _));
    }

    [Theory]
    [InlineData("09:00", "", null, null, "Missing")]
    [InlineData("17:00", "09:00", null, null, "Order")]
    [InlineData("09:00", "09:00", null, null, "Order")]
    [InlineData("09:00", "12:00", "11:00", "17:00", "Overlap")]
    [InlineData("09:00", "12:00", "13:00", "", "Missing")]
    [InlineData("09:00", "12:00", "17:00", "13:00", "Order")]
    [InlineData("nine", "12:00", null, null, "Missing")]
    public void BadTimes_AreProblemsOfThatDay_AndNoTextIsWritten(string opens, string closes, string? opens2, string? closes2, string code)
    {
        var text = WeeklyHours.ToText([new(DayOfWeek.Thursday, true, opens, closes, opens2, closes2), new(DayOfWeek.Friday, true, "09:00", "17:00")], out var problems);
        Assert.Null(text);
        Assert.Equal([new DayProblem(DayOfWeek.Thursday, code)], problems);
    }

    [Fact]
    public void ThreePeriodsInADay_CannotBeShown_TheTextStays()
    {
        Assert.Null(WeeklyHours.From(Periods("mon 08:00-09:00 10:00-11:00 14:00-15:00")));
    }
}
