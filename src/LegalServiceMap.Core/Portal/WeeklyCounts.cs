namespace LegalServiceMap.Core.Portal;

/// <summary>How many submissions of each kind came in each week (Monday to Sunday, Shanghai dates), oldest week first.</summary>
/// <param name="WeekStarts">The Monday of each week.</param>
/// <param name="ByKind">Per kind, one count per week.</param>
public sealed record WeeklyCounts(IReadOnlyList<DateOnly> WeekStarts, IReadOnlyDictionary<string, IReadOnlyList<int>> ByKind)
{
    /// <summary>The last <paramref name="weeks"/> weeks up to the one holding <paramref name="today"/>; every kind in <paramref name="kinds"/> has a row, even when empty.</summary>
    public static WeeklyCounts Of(IEnumerable<(DateOnly Date, string Kind)> submissions, DateOnly today, int weeks, IEnumerable<string> kinds)
    {
        var window = new WeekWindow(today, weeks);
        var counts = kinds.ToDictionary(k => k, _ => new int[weeks]);
        foreach (var (date, kind) in submissions)
        {
            if (window.IndexOf(date) is not { } index || !counts.TryGetValue(kind, out var row)) continue;
            row[index]++;
        }
        return new WeeklyCounts(window.Starts, counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<int>)kv.Value));
    }
}

/// <summary>The last <c>weeks</c> weeks (Monday to Sunday) up to the one holding <c>today</c>, oldest first.</summary>
public sealed class WeekWindow(DateOnly today, int weeks)
{
    public IReadOnlyList<DateOnly> Starts { get; } = Enumerable.Range(0, weeks)
        .Select(i => today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7 * (weeks - 1 - i))).ToList();

    /// <summary>Which week a date falls in, or null before the first or after the last.</summary>
    public int? IndexOf(DateOnly date)
    {
        var index = (date.DayNumber - Starts[0].DayNumber) / 7;
        return date < Starts[0] || index >= Starts.Count ? null : index;
    }
}
