namespace LegalServiceMap.Core.Stations;

/// <summary>One opening period on a weekday, in Shanghai local time. A lunch break is two periods on the same day.</summary>
public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public enum OpenState { Unknown, Open, Closed }

/// <summary>The answer to "is it open now?": the state and, when known, the next change in Shanghai time.</summary>
public sealed record OpenStatus(OpenState State, DateTime? NextChangeLocal);

/// <summary>Weekly opening hours in China Standard Time (UTC+8, no daylight saving since 1991).</summary>
public static class OpeningHours
{
    public static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);

    public static DateTime ToShanghai(DateTimeOffset instant) => instant.ToOffset(ShanghaiOffset).DateTime;

    /// <summary>Open, closed or unknown (no hours on record) at <paramref name="instant"/>. Pure; thread-safe.</summary>
    public static OpenStatus StatusAt(IReadOnlyList<OpeningPeriod> periods, DateTimeOffset instant)
    {
        if (periods.Count == 0)
        {
            return new OpenStatus(OpenState.Unknown, null);
        }

        var local = ToShanghai(instant);
        var time = TimeOnly.FromDateTime(local);
        foreach (var p in periods)
        {
            if (p.Day == local.DayOfWeek && time >= p.Opens && time < p.Closes)
            {
                return new OpenStatus(OpenState.Open, local.Date + p.Closes.ToTimeSpan());
            }
        }

        // Next opening within the coming week.
        for (var offset = 0; offset <= 7; offset++)
        {
            var day = local.Date.AddDays(offset);
            var next = periods
                .Where(p => p.Day == day.DayOfWeek && (offset > 0 || p.Opens > time))
                .OrderBy(p => p.Opens)
                .FirstOrDefault();
            if (next is not null)
            {
                return new OpenStatus(OpenState.Closed, day + next.Opens.ToTimeSpan());
            }
        }
        return new OpenStatus(OpenState.Closed, null);
    }

    /// <summary>Periods grouped by weekday, Monday first, for display.</summary>
    public static IEnumerable<(DayOfWeek Day, IReadOnlyList<OpeningPeriod> Periods)> ByDay(IReadOnlyList<OpeningPeriod> periods)
    {
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        foreach (var d in week)
        {
            yield return (d, periods.Where(p => p.Day == d).OrderBy(p => p.Opens).ToList());
        }
    }
}
