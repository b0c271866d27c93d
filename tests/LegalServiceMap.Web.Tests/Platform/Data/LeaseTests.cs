using LegalServiceMap.Web.Tests.Features.Staff.Requests;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Tests.Infrastructure;

namespace LegalServiceMap.Web.Tests.Platform.Data;

public sealed class LeaseTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OneInstance_HoldsALease_UntilItExpires_ThenAnotherTakesIt()
    {
        var first = new Leases(_db.Factory, _clock);
        var second = new Leases(_db.Factory, _clock);

        Assert.True(await first.TryTakeAsync("purge", TimeSpan.FromHours(23)));
        Assert.False(await second.TryTakeAsync("purge", TimeSpan.FromHours(23)));
        Assert.False(await first.TryTakeAsync("purge", TimeSpan.FromHours(23))); // held: not taken twice either
        Assert.True(await second.TryTakeAsync("other-job", TimeSpan.FromHours(1))); // leases are per name

        _clock.Now += TimeSpan.FromHours(22);
        Assert.False(await second.TryTakeAsync("purge", TimeSpan.FromHours(23)));
        _clock.Now += TimeSpan.FromHours(2);
        Assert.True(await second.TryTakeAsync("purge", TimeSpan.FromHours(23)));
        Assert.False(await first.TryTakeAsync("purge", TimeSpan.FromHours(23)));
    }

    public void Dispose() => _db.Dispose();
}
