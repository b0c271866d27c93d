using System.Globalization;
using System.Text.Json;

namespace LegalServiceMap.Core.Stations;

/// <summary>A statutory holiday: its name and dates (Shanghai calendar dates).</summary>
public sealed record Holiday(string NameZh, string NameEn, DateOnly From, DateOnly To);

/// <summary>
/// China's statutory days off and make-up working days (调休) from data/holidays.json. Immutable; thread-safe.
/// Years not in the file are treated as ordinary weeks.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, Holiday> _daysOff = [];
    private readonly HashSet<DateOnly> _workdays = [];

    public HolidayCalendar(IEnumerable<Holiday> holidays, IEnumerable<DateOnly> workdays)
    {
        foreach (var h in holidays)
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
