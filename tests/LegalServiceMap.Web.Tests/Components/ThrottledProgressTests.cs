using LegalServiceMap.Web.Tests.Infrastructure;
using LegalServiceMap.Web.Components;

namespace LegalServiceMap.Web.Tests.Components;

public sealed class ThrottledProgressTests
{
    [Fact]
    public void PassesTheFirstValue_ThenAtMostOneAnInterval_AndTheFinalOneAtOnce()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var published = new List<int>();
        var progress = new ThrottledProgress<int>(clock, TimeSpan.FromMilliseconds(100), v => v == 100, published.Add);

        progress.Report(0);                                 // the first: at once
        progress.Report(10);                                // within 100 ms: dropped
        clock.Now = clock.Now.AddMilliseconds(60);
        progress.Report(20);                                // still within: dropped
        clock.Now = clock.Now.AddMilliseconds(50);
        progress.Report(30);                                // 110 ms after the last one: passed
        progress.Report(100);                               // final: passed even within the interval
        Assert.Equal([0, 30, 100], published);
    }
}
