using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Portal;

public sealed class ReplyPerformanceTests
{
    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void PerKindAndWeek_CountsAnswersOnTime_AndTheMedianWorkingDays()
    {
        var calendar = HolidayCalendar.Empty;
        var today = new DateOnly(2026, 12, 9); // a Wednesday: weeks start 23 Nov and 30 Nov, and 7 Dec
        ReplyPerformance performance = ReplyPerformance.Of(
        [
            // Week of 30 November: received Monday, answered Tuesday (1 working day, on time), Friday (4, late), and one not answered.
            (At(11, 30), "consultation", At(12, 1), new DateOnly(2026, 12, 3)),
            (At(11, 30), "consultation", At(12, 4), new DateOnly(2026, 12, 3)),
            (At(11, 30), "consultation", null, new DateOnly(2026, 12, 3)),
            // Received on a Friday, answered the next Monday: 1 working day, not 3 calendar days.
            (At(11, 27), "legal-aid", At(11, 30), new DateOnly(2026, 12, 4)),
            // Too old for the three weeks shown, and a kind not listed.
            (At(10, 1), "consultation", At(10, 2), new DateOnly(2026, 10, 6)),
            (At(12, 8), "unknown", At(12, 8), new DateOnly(2026, 12, 9)),
        ], today, 3, ["consultation", "legal-aid"], calendar);

        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 7)], performance.WeekStarts);
        Assert.Equal(new ReplyWeek(2, 1, 2.5), performance.ByKind["consultation"][1]);
        Assert.Equal(new ReplyWeek(0, 0, null), performance.ByKind["consultation"][2]);
        Assert.Equal(new ReplyWeek(1, 1, 1), performance.ByKind["legal-aid"][0]);
        Assert.Equal(0, new HolidayCalendar([new Holiday("国庆节", "National Day", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7))], [])
            .WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 7))); // a holiday week is no working day
    }
}
