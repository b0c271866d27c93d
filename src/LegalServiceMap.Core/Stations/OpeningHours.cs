namespace LegalServiceMap.Core.Stations;

/// <summary>One opening period on a weekday, in Shanghai local time. A lunch break is two periods on the same day.</summary>
public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public enum OpenState { Unknown, Open, Closed }

/// <summary>Why a place is closed today beyond its weekly hours.</summary>
public enum ClosedBecause { None, Holiday, TemporarilyClosed, Closed }

/// <summary>The answer to "is it open now?": the state, when known the next change in Shanghai time, and a special reason.</summary>
public sealed record OpenStatus(OpenState State, DateTime? NextChangeLocal, ClosedBecause Because = ClosedBecause.None, Holiday? Holiday = null);

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

    /// <summary>
    /// "Open now" for a station: its status (closed, temporarily closed between dates), statutory days off (closed) and
    /// make-up working days (the station's Monday hours), then its weekly hours. Pure; thread-safe.
    /// </summary>
    public static OpenStatus StatusAt(Station station, DateTimeOffset instant, HolidayCalendar calendar)
    {
        var local = ToShanghai(instant);
        var today = DateOnly.FromDateTime(local);
        if (station.Status == StationStatus.Closed) return new OpenStatus(OpenState.Closed, null, ClosedBecause.Closed);
        if (station.Status == StationStatus.TemporarilyClosed && station.IsClosedOn(today))
        {
            DateTime? reopens = station.ClosedUntil is { } until ? until.AddDays(1).ToDateTime(TimeOnly.MinValue) : null;
            return new OpenStatus(OpenState.Closed, reopens, ClosedBecause.TemporarilyClosed);
        }
        if (station.Hours.Count == 0 && station.Exceptions.Count == 0) return new OpenStatus(OpenState.Unknown, null);

        IReadOnlyList<OpeningPeriod> PeriodsOn(DateOnly date) => OpeningHours.PeriodsOn(station, date, calendar);

        var time = TimeOnly.FromDateTime(local);
        var todays = PeriodsOn(today);
        if (todays.FirstOrDefault(p => time >= p.Opens && time < p.Closes) is { } open)
        {
            return new OpenStatus(OpenState.Open, local.Date + open.Closes.ToTimeSpan());
        }
        var holiday = station.Exceptions.Any(e => e.Date == today) ? null : calendar.HolidayOn(today);
        for (var offset = 0; offset <= 21; offset++)
        {
            var date = today.AddDays(offset);
            var next = PeriodsOn(date).FirstOrDefault(p => offset > 0 || p.Opens > time);
            if (next is not null)
            {
                return new OpenStatus(OpenState.Closed, date.ToDateTime(next.Opens), holiday is null ? ClosedBecause.None : ClosedBecause.Holiday, holiday);
            }
        }
        return new OpenStatus(OpenState.Closed, null, holiday is null ? ClosedBecause.None : ClosedBecause.Holiday, holiday);
    }

    /// <summary>
    /// A station's opening periods on one date, earliest first: none while temporarily closed, a dated special day's own
    /// periods, none on a statutory day off, the Monday hours on a make-up working day (调休), else the weekday's hours.
    /// </summary>
    public static IReadOnlyList<OpeningPeriod> PeriodsOn(Station station, DateOnly date, HolidayCalendar calendar)
    {
        if (station.Status == StationStatus.TemporarilyClosed && station.IsClosedOn(date)) return [];
        if (station.Exceptions.FirstOrDefault(e => e.Date == date) is { } special)
        {
            return special.Periods.Select(p => new OpeningPeriod(date.DayOfWeek, p.Opens, p.Closes)).OrderBy(p => p.Opens).ToList();
        }
        if (calendar.HolidayOn(date) is not null) return [];
        var day = calendar.IsMakeUpWorkday(date) ? DayOfWeek.Monday : date.DayOfWeek;
        return station.Hours.Where(p => p.Day == day).OrderBy(p => p.Opens).ToList();
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
