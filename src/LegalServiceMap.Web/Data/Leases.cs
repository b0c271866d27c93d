using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Data;

/// <summary>
/// Leases in the database, so that a job of which every instance has a timer (the daily purge) runs on one of them: the
/// first to take the lease holds it for its duration, the others skip. A row of <see cref="AppSetting"/> per lease whose
/// value is "expiry ticks|holder"; taking it is one conditional update (only an expired lease is taken), atomic on both
/// engines.
/// </summary>
public sealed class Leases(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private const string Prefix = "lease:";

    /// <summary>This instance, as a holder (no host name: the value is not for people).</summary>
    public string Holder { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Takes the lease for <paramref name="duration"/> if nobody holds it; true when this instance now holds it.</summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken ct = default)
    {
        var key = Prefix + name;
        var now = clock.GetUtcNow();
        var nowStamp = Stamp(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Settings.AnyAsync(s => s.Key == key, ct))
        {
            db.Settings.Add(new AppSetting { Key = key, Value = Stamp(DateTimeOffset.UnixEpoch) + "|" });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created it at the same moment; the update below decides who holds it.
            }
        }
        var value = Stamp(now + duration) + "|" + Holder;
        var taken = await db.Settings
            .Where(s => s.Key == key && string.Compare(s.Value, nowStamp) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, value), ct);
        return taken == 1;
    }

    // Fixed width, so that comparing the texts compares the times.
    private static string Stamp(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
