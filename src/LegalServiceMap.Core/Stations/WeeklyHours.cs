namespace LegalServiceMap.Core.Stations;

/// <summary>
/// One day of the structured hours editor: closed, or open in one period, or two with a lunch break between. Times are
/// "HH:mm" as a time input gives them (empty = not given).
/// </summary>
public sealed record DayHours(DayOfWeek Day, bool Open, string? Opens = null, string? Closes = null, string? Opens2 = null, string? Closes2 = null)
{
    public bool HasLunchBreak => !string.IsNullOrWhiteSpace(Opens2) || !string.IsNullOrWhiteSpace(Closes2);
}

/// <summary>What is wrong with a day: <c>Missing</c> (open without times), <c>Order</c> (closes before it opens), <c>Overlap</c> (the afternoon starts before the morning ends).</summary>
public sealed record DayProblem(DayOfWeek Day, string Code);

/// <summary>
/// The week as the structured hours editor shows it (Monday first, one or two periods a day) and back to the periods
/// that <see cref="OpeningHoursText"/> writes, so the editor and the importer read and write the same text. Pure.
/// </summary>
public static class WeeklyHours
{
    /// <summary>The seven days, Monday first, from periods; null when a day has more than two periods (the editor cannot show it: edit the text).</summary>
    public static IReadOnlyList<DayHours>? From(IReadOnlyList<OpeningPeriod> periods)
    {
        var days = new List<DayHours>();
        foreach (var (day, list) in OpeningHours.ByDay(periods))
        {
            if (list.Count > 2) return null;
            days.Add(list.Count switch
            {
                0 => new DayHours(day, false),
                1 => new DayHours(day, true, Time(list[0].Opens), Time(list[0].Closes)),
                _ => new DayHours(day, true, Time(list[0].Opens), Time(list[0].Closes), Time(list[1].Opens), Time(list[1].Closes)),
            });
        }
        return days;
    }

    /// <summary>The periods of the days, or the problems (then no periods).</summary>
    public static (IReadOnlyList<OpeningPeriod> Periods, IReadOnlyList<DayProblem> Problems) ToPeriods(IEnumerable<DayHours> days)
    {
        var periods = new List<OpeningPeriod>();
        var problems = new List<DayProblem>();
        foreach (var d in days.Where(d => d.Open))
        {
            if (Parse(d.Opens) is not { } opens || Parse(d.Closes) is not { } closes)
            {
                problems.Add(new DayProblem(d.Day, "Missing"));
                continue;
            }
            if (closes <= opens)
            {
                problems.Add(new DayProblem(d.Day, "Order"));
                continue;
            }
            periods.Add(new OpeningPeriod(d.Day, opens, closes));
            if (!d.HasLunchBreak) continue;
            if (Parse(d.Opens2) is not { } opens2 || Parse(d.Closes2) is not { } closes2) problems.Add(new DayProblem(d.Day, "Missing"));
            else if (closes2 <= opens2) problems.Add(new DayProblem(d.Day, "Order"));
            else if (opens2 < closes) problems.Add(new DayProblem(d.Day, "Overlap"));
            else periods.Add(new OpeningPeriod(d.Day, opens2, closes2));
        }
        return problems.Count > 0 ? ([], problems) : (periods, []);
    }

    /// <summary>The text the importer reads, or null with problems.</summary>
    public static string? ToText(IEnumerable<DayHours> days, out IReadOnlyList<DayProblem> problems)
    {
        var (periods, found) = ToPeriods(days);
        problems = found;
        return found.Count > 0 ? null : OpeningHoursText.Format(periods);
    }

    /// <summary>
    /// A lunch break added to a day that closes at <paramref name="closes"/>: the morning ends at 11:30 and the afternoon
    /// runs 13:00 to the old closing time; a day that closed by 11:30 keeps its morning and gets 13:00–17:00.
    /// </summary>
    public static (string? Closes, string Opens2, string Closes2) LunchBreak(string? closes) =>
        string.CompareOrdinal(closes, "11:30") > 0 ? ("11:30", "13:00", closes!) : (closes, "13:00", "17:00");

    private static string Time(TimeOnly t) => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeOnly? Parse(string? s) =>
        TimeOnly.TryParseExact(s?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t : null;
}
