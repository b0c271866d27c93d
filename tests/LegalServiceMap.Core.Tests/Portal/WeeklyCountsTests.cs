using LegalServiceMap.Core.Portal;

namespace LegalServiceMap.Core.Tests.Portal;

public class WeeklyCountsTests
{
    [Fact]
    public void Counts_FallIntoMondayToSundayWeeks_OldestFirst_AndOlderOnesAreLeftOut()
    {
        var today = new DateOnly(2026, 12, 2); // a Wednesday
        var counts = WeeklyCounts.Of(
        [
            (new DateOnly(2026, 11, 30), "consultation"), // Monday of this week
            (new DateOnly(2026, 12, 2), "consultation"),
            (new DateOnly(2026, 11, 29), "correction"),   // Sunday: last week
            (new DateOnly(2026, 11, 16), "legal-aid"),    // three weeks ago: the first of four
            (new DateOnly(2026, 11, 8), "legal-aid"),     // before the window
            (new DateOnly(2026, 12, 1), "spam"),          // a kind not asked for
        ], today, weeks: 4, ["consultation", "correction", "legal-aid"]);
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)], counts.WeekStarts);
        Assert.Equal([0, 0, 0, 2], counts.ByKind["consultation"]);
        Assert.Equal([0, 0, 1, 0], counts.ByKind["correction"]);
        Assert.Equal([0, 1, 0, 0], counts.ByKind["legal-aid"]);
        Assert.Equal(3, counts.ByKind.Count);
    }
}
