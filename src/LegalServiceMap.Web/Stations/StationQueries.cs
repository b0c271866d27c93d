using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Stations;

/// <summary>What a resident can filter the station list by.</summary>
public sealed record StationFilter(IReadOnlySet<StationType>? Types = null, string? Query = null, GeoBox? Box = null);

/// <summary>
/// Read-only access to stations: an in-memory <see cref="StationCatalog"/> snapshot (rebuilt by
/// <see cref="ReloadAsync"/> after any change) plus the database's full-text index for text queries.
/// Registered as a singleton; safe for concurrent use.
/// </summary>
public sealed class StationQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    private volatile StationCatalog _catalog = StationCatalog.Empty;
    private volatile StationCatalog _public = StationCatalog.Empty;

    /// <summary>Every station, for staff.</summary>
    public StationCatalog Catalog => _catalog;

    /// <summary>What residents see: every station except those closed for good (their pages stay reachable).</summary>
    public StationCatalog PublicCatalog => _public;

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stations = await db.Stations.AsNoTracking().ToListAsync(ct);
        _catalog = new StationCatalog(stations);
        _public = new StationCatalog(stations.Where(s => s.Status != StationStatus.Closed));
    }

    public Station? Find(string id) => _catalog.Find(id);

    public async Task<IReadOnlyList<Station>> ListAsync(StationFilter filter, CancellationToken ct = default)
    {
        IReadOnlySet<string>? ids = null;
        if (Core.Text.SearchText.Fold(filter.Query).Length > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            ids = await StationSearchIndex.SearchAsync(db, filter.Query, ct);
        }
        return _public.Filter(filter.Types, filter.Box, ids);
    }

    public IReadOnlyList<StationDistance> Nearest(GeoPoint origin, int k, IReadOnlySet<StationType>? types) =>
        _public.Nearest(origin, k, types);
}
