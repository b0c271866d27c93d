using System.Globalization;
using System.Text.Json;

namespace LegalServiceMap.Core.Stations;

/// <summary>A statutory holiday: its name and dates (Shanghai calendar dates).</summary>
public sealed record Holiday(string NameZh, string NameEn, DateOnly From, DateOnly To);

/// <summary>
/// China's statutory days off and make-up working days (调休): the chinese-days package's calendar (written by npm ci to
/// data/generated/holidays.json) merged with data/holidays.json (<see cref="Merge"/>). Immutable; thread-safe.
/// Years not in the file are treated as ordinary weeks.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, Holiday> _daysOff = [];
    private readonly HashSet<DateOnly> _workdays = [];

    private readonly IReadOnlyList<Holiday> _holidays;

    public HolidayCalendar(IEnumerable<Holiday> holidays, IEnumerable<DateOnly> workdays)
    {
        _holidays = holidays.ToList();
        foreach (var h in _holidays)
        {
            for (var d = h.From; d <= h.To; d = d.AddDays(1)) _daysOff[d] = h;
        }
        _workdays.UnionWith(workdays);
        Years = _daysOff.Keys.Concat(_workdays).Select(d => d.Year).Distinct().Order().ToList();
    }

    public static HolidayCalendar Empty { get; } = new([], []);

    /// <summary>The years the calendar knows.</summary>
    public IReadOnlyList<int> Years { get; }

    public Holiday? HolidayOn(DateOnly date) => _daysOff.GetValueOrDefault(date);

    public bool IsMakeUpWorkday(DateOnly date) => _workdays.Contains(date);

    /// <summary>A working day: Monday to Friday unless a statutory day off, and every make-up working day (调休).</summary>
    public bool IsWorkingDay(DateOnly date) =>
        IsMakeUpWorkday(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayOn(date) is null);

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date)) count++;
        }
        return count;
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>The days off of one year, in date order.</summary>
    public IReadOnlyList<DateOnly> DaysOffIn(int year) => _daysOff.Keys.Where(d => d.Year == year).Order().ToList();

    /// <summary>The make-up working days of one year, in date order.</summary>
    public IReadOnlyList<DateOnly> WorkdaysIn(int year) => _workdays.Where(d => d.Year == year).Order().ToList();

    /// <summary>
    /// The package's calendar (<paramref name="generated"/>) with <paramref name="overrides"/> (data/holidays.json) winning
    /// for every year it lists: a State Council notice typed in before the package has it, or a correction.
    /// </summary>
    public static HolidayCalendar Merge(HolidayCalendar generated, HolidayCalendar overrides)
    {
        var replaced = overrides.Years.ToHashSet();
        return new HolidayCalendar(
            generated._holidays.Where(h => !replaced.Contains(h.From.Year) && !replaced.Contains(h.To.Year)).Concat(overrides._holidays),
            generated._workdays.Where(d => !replaced.Contains(d.Year)).Concat(overrides._workdays));
    }

    /// <summary>The years both calendars have whose days off or make-up working days differ.</summary>
    public static IReadOnlyList<int> Disagreements(HolidayCalendar a, HolidayCalendar b) =>
        a.Years.Intersect(b.Years).Where(y => !a.DaysOffIn(y).SequenceEqual(b.DaysOffIn(y)) || !a.WorkdaysIn(y).SequenceEqual(b.WorkdaysIn(y))).Order().ToList();

    /// <summary>
    /// The year whose days off are missing and needed now: this year, or from 1 December next year (the State Council
    /// publishes the notice in the autumn); null when nothing is missing.
    /// </summary>
    public int? MissingYear(DateOnly today) =>
        !Years.Contains(today.Year) ? today.Year
        : today.Month == 12 && !Years.Contains(today.Year + 1) ? today.Year + 1
        : null;

    /// <exception cref="FormatException">Not a holidays file, or a bad date.</exception>
    public static HolidayCalendar Read(Stream json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.GetProperty("schema").GetString() != "legal-service-map/holidays") throw new FormatException("schema must be legal-service-map/holidays");
            var holidays = new List<Holiday>();
            var workdays = new List<DateOnly>();
            foreach (var year in doc.RootElement.GetProperty("years").EnumerateArray())
            {
                foreach (var h in year.GetProperty("holidays").EnumerateArray())
                {
                    var name = h.GetProperty("name");
                    holidays.Add(new Holiday(name.GetProperty("zh").GetString()!, name.GetProperty("en").GetString()!,
                        Date(h.GetProperty("from").GetString()), Date(h.GetProperty("to").GetString())));
                }
                workdays.AddRange(year.GetProperty("workdays").EnumerateArray().Select(d => Date(d.GetString())));
            }
            return new HolidayCalendar(holidays, workdays);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("Not a valid holidays file: " + ex.Message, ex);
        }
    }

    private static DateOnly Date(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new FormatException($"bad date '{s}'");
}
