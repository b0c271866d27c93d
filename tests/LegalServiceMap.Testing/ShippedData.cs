using System.Text.Json;

namespace LegalServiceMap.Testing;

/// <summary>Facts tests read from the data the app ships (data/), so no test types a count the seed decides.</summary>
public static class ShippedData
{
    /// <summary>The stations data/culture.json puts on the suggested culture walk.</summary>
    public static HashSet<string> CultureWalkStations() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "data", "culture.json"))).RootElement.GetProperty("sites")
            .EnumerateArray().Where(x => x.GetProperty("route").GetBoolean()).Select(x => x.GetProperty("station").GetString()!).ToHashSet();

    /// <summary>The next date on <paramref name="day"/> from tomorrow (China Standard Time) that is not special (a day off, a make-up working day).</summary>
    public static DateOnly NextOrdinary(DayOfWeek day, Func<DateOnly, bool> special)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);
        while (date.DayOfWeek != day || special(date)) date = date.AddDays(1);
        return date;
    }
}
