namespace LegalServiceMap.Core.Portal;

/// <summary>How many submissions of each kind came in each week (Monday to Sunday, Shanghai dates), oldest week first.</summary>
/// <param name="WeekStarts">The Monday of each week.</param>
/// <param name="ByKind">Per kind, one count per week.</param>
public sealed record WeeklyCounts(IReadOnlyList<DateOnly> WeekStarts, IReadOnlyDictionary<string, IReadOnlyList<int>> ByKind)
{
    /// <summary>The last <paramref name="weeks"/> weeks up to the one holding <paramref name="today"/>; every kind in <paramref name="kinds"/> has a row, even when empty.</summary>
    public static WeeklyCounts Of(IEnumerable<(DateOnly Date, string Kind)> submissions, DateOnly today, int weeks, IEnumerable<string> kinds)
    {
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var starts = Enumerable.Range(0, weeks).Select(i => thisWeek.AddDays(-7 * (weeks - 1 - i))).ToList();
        var counts = kinds.ToDictionary(k => k, _ => new int[weeks]);
        foreach (var (date, kind) in submissions)
        {
            var index = (date.DayNumber - starts[0].DayNumber) / 7;
            if (date < starts[0] || index >= weeks || !counts.TryGetValue(kind, out var row)) continue;
            row[index]++;
        }
        return new WeeklyCounts(starts, counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<int>)kv.Value));
    }
}
