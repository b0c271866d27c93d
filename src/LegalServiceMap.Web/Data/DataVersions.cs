using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Data;

/// <summary>The parts of the data every instance holds in memory, and reloads when another instance changes them.</summary>
public enum DataPart { Stations, Network, Boundaries }

/// <summary>
/// One version per <see cref="DataPart"/>, kept in the database (rows of <see cref="AppSetting"/>): whoever changes a
/// part — a staff edit, an import, a restore, on any instance or from the command line — writes a new version after
/// committing, and <see cref="DataSync"/> on every instance reloads the parts whose version it has not seen.
/// </summary>
public sealed class DataVersions(IDbContextFactory<AppDbContext> dbFactory)
{
    private const string Prefix = "data-version:";
    private readonly ConcurrentDictionary<DataPart, string> _seen = new();

    private static string KeyOf(DataPart part) => Prefix + part.ToString().ToLowerInvariant();

    /// <summary>Creates the version rows that are missing (at start; two instances starting at once may race: fine).</summary>
    public async Task EnsureAsync(AppDbContext db, CancellationToken ct = default)
    {
        foreach (var part in Enum.GetValues<DataPart>())
        {
            var key = KeyOf(part);
            if (await db.Settings.AnyAsync(s => s.Key == key, ct)) continue;
            db.Settings.Add(new AppSetting { Key = key, Value = "0" });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance created it first
            }
        }
    }

    /// <summary>Records that a part changed (its change already committed); this instance has seen it.</summary>
    public async Task BumpAsync(DataPart part, CancellationToken ct = default)
    {
        var version = Guid.NewGuid().ToString("N");
        var key = KeyOf(part);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Settings.Where(s => s.Key == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, version), ct);
        _seen[part] = version;
    }

    /// <summary>The parts whose version differs from the one this instance last saw, and those versions.</summary>
    public async Task<IReadOnlyDictionary<DataPart, string>> ChangedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(Prefix)).ToListAsync(ct);
        var changed = new Dictionary<DataPart, string>();
        foreach (var part in Enum.GetValues<DataPart>())
        {
            var current = rows.FirstOrDefault(r => r.Key == KeyOf(part))?.Value;
            if (current is not null && _seen.GetValueOrDefault(part) != current) changed[part] = current;
        }
        return changed;
    }

    /// <summary>Marks versions as seen (after reloading, or at start when everything was just loaded).</summary>
    public void MarkSeen(IReadOnlyDictionary<DataPart, string> versions)
    {
        foreach (var (part, version) in versions) _seen[part] = version;
    }
}
