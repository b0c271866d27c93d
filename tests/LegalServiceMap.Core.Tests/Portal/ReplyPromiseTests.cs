using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Portal;

/// <summary>The reply date a resident is promised: working days after the day it was received, in Shanghai.</summary>
public sealed class ReplyPromiseTests
{
    // A National Day week as the State Council announces them: seven days off and a make-up Saturday after it.
    private static readonly HolidayCalendar Calendar = new(
        [new Holiday("国庆节", "National Day", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7))],
        [new DateOnly(2026, 10, 10)]);

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void OverAWeekend_TheWorkingDaysSkipSaturdayAndSunday() =>
        // Received on Friday 4 December: Monday 7, Tuesday 8, Wednesday 9.
        Assert.Equal(new DateOnly(2026, 12, 9), ReplyPromise.DueBy(Shanghai(2026, 12, 4, 15), 3, Calendar));

    [Fact]
    public void OverNationalDay_TheDaysOffDoNotCount_AndTheMakeUpSaturdayDoes() =>
        // Received on Wednesday 30 September: 1–7 October are off; Thursday 8, Friday 9, and the make-up Saturday 10.
        Assert.Equal(new DateOnly(2026, 10, 10), ReplyPromise.DueBy(Shanghai(2026, 9, 30, 10), 3, Calendar));

    [Fact]
    public void ThePromiseCountsFromTheDayInShanghai_NotInUtc() =>
        // 23:30 UTC on Sunday 6 December is 07:30 on Monday 7 December in Shanghai: Tuesday 8 is the first working day after it.
        Assert.Equal(new DateOnly(2026, 12, 8), ReplyPromise.DueBy(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero), 1, Calendar));

    [Theory]
    [InlineData(2026, 10, 3, false)] // a day off
    [InlineData(2026, 10, 10, true)] // a make-up Saturday
    [InlineData(2026, 10, 11, false)] // an ordinary Sunday
    [InlineData(2026, 10, 12, true)] // an ordinary Monday
    public void WorkingDays_FollowTheCalendar(int year, int month, int day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(new DateOnly(year, month, day)));
}
