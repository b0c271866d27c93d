using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Portal;

/// <summary>One week's answers of one kind: how many were answered, how many by the promised date, and the median
/// working days from receipt to the first reply (null when none was answered).</summary>
public sealed record ReplyWeek(int Answered, int OnTime, double? MedianWorkingDays);

/// <summary>
/// Whether the reply promise was kept, per kind and per week of receipt (Monday to Sunday, Shanghai dates), oldest week
/// first: the staff overview's chart and table.
/// </summary>
public sealed record ReplyPerformance(IReadOnlyList<DateOnly> WeekStarts, IReadOnlyDictionary<string, IReadOnlyList<ReplyWeek>> ByKind)
{
    public static ReplyPerformance Of(IEnumerable<(DateTimeOffset Received, string Kind, DateTimeOffset? Answered, DateOnly DueBy)> submissions,
        DateOnly today, int weeks, IEnumerable<string> kinds, HolidayCalendar calendar)
    {
        var window = new WeekWindow(today, weeks);
        var days = kinds.ToDictionary(k => k, _ => Enumerable.Range(0, weeks).Select(_ => new List<(int WorkingDays, bool OnTime)>()).ToArray());
        foreach (var (received, kind, answered, dueBy) in submissions)
        {
            if (answered is not { } at || !days.TryGetValue(kind, out var byWeek)) continue;
            var receivedOn = DateOnly.FromDateTime(OpeningHours.ToShanghai(received));
            if (window.IndexOf(receivedOn) is not { } index) continue;
            var answeredOn = DateOnly.FromDateTime(OpeningHours.ToShanghai(at));
            byWeek[index].Add((calendar.WorkingDaysBetween(receivedOn, answeredOn), answeredOn <= dueBy));
        }
        return new ReplyPerformance(window.Starts, days.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ReplyWeek>)kv.Value
            .Select(w => new ReplyWeek(w.Count, w.Count(x => x.OnTime), Median(w.Select(x => x.WorkingDays).ToList()))).ToList()));
    }

    private static double? Median(List<int> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
