namespace LegalServiceMap.Core.Stations;

/// <summary>What a resident finds when they get there.</summary>
public enum ArrivalAnswer
{
    /// <summary>Open at the arrival time.</summary>
    Open,
    /// <summary>Open later that day (before opening, or during a lunch break).</summary>
    OpensLater,
    /// <summary>Its last period that day ends before the arrival.</summary>
    ClosesBeforeArrival,
    /// <summary>Not open at all that day (see <see cref="ArrivalStatus.Because"/>).</summary>
    ClosedThatDay,
    /// <summary>No hours on record.</summary>
    HoursUnknown,
}

/// <summary>Why a place is closed for the whole day of the arrival.</summary>
public enum ClosedDayReason { None, Holiday, RestDay, TemporarilyClosed, Closed }

/// <summary>
/// "Open when you arrive": a resident who leaves at <c>departure</c> and walks for <c>walk</c> arrives at
/// <see cref="ArrivalLocal"/> (China Standard Time); the station's weekly hours, dated special days, temporary closure,
/// statutory days off and make-up working days (调休) decide the answer. <see cref="At"/> is the time that matters for
/// the answer: when it closes (open), opens (later) or closed (before arrival). Pure; thread-safe.
/// </summary>
public sealed record ArrivalStatus(DateTime ArrivalLocal, ArrivalAnswer Answer, TimeOnly? At = null,
    ClosedDayReason Because = ClosedDayReason.None, Holiday? Holiday = null)
{
    /// <summary>True when open on arrival, false when not, null when its hours are not known.</summary>
    public bool? OpenOnArrival => Answer switch
    {
        ArrivalAnswer.Open => true,
        ArrivalAnswer.HoursUnknown => null,
        _ => false,
    };

    public static ArrivalStatus For(Station station, DateTimeOffset departure, TimeSpan walk, HolidayCalendar calendar)
    {
        var local = OpeningHours.ToShanghai(departure + walk);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (station.Status == StationStatus.Closed) return new(local, ArrivalAnswer.ClosedThatDay, Because: ClosedDayReason.Closed);
        if (station.Status == StationStatus.TemporarilyClosed && station.IsClosedOn(day))
            return new(local, ArrivalAnswer.ClosedThatDay, Because: ClosedDayReason.TemporarilyClosed);
        if (station.Hours.Count == 0 && station.Exceptions.Count == 0) return new(local, ArrivalAnswer.HoursUnknown);

        var periods = OpeningHours.PeriodsOn(station, day, calendar);
        if (periods.Count == 0)
        {
            var holiday = station.Exceptions.Any(e => e.Date == day) ? null : calendar.HolidayOn(day);
            return new(local, ArrivalAnswer.ClosedThatDay, Because: holiday is null ? ClosedDayReason.RestDay : ClosedDayReason.Holiday, Holiday: holiday);
        }
        if (periods.FirstOrDefault(p => time >= p.Opens && time < p.Closes) is { } open) return new(local, ArrivalAnswer.Open, open.Closes);
        if (periods.FirstOrDefault(p => p.Opens > time) is { } later) return new(local, ArrivalAnswer.OpensLater, later.Opens);
        return new(local, ArrivalAnswer.ClosesBeforeArrival, periods[^1].Closes);
    }
}
