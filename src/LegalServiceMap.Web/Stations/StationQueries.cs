using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Spatial;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Stations;

/// <summary>What a resident can filter the station list by.</summary>
public sealed record StationFilter(IReadOnlySet<StationType>? Types = null, string? Query = null, GeoBox? Box = null);

/// <summary>
/// Read-only access to stations: the catalogs of the current <see cref="SpatialSnapshot"/> (replaced by
/// <see cref="ReloadAsync"/> after any change) plus the database's full-text index for text queries.
/// Registered as a singleton; safe for concurrent use.
/// </summary>
public sealed class StationQueries(IDbContextFactory<AppDbContext> dbFactory, SpatialState state, DataVersions? versions = null)
{
    /// <summary>Every station, for staff.</summary>
    public StationCatalog Catalog => state.Current.Catalog;

    /// <summary>What residents see: every station except those closed for good (their pages stay reachable).</summary>
    public StationCatalog PublicCatalog => state.Current.PublicCatalog;

    /// <summary>Reads every station from the database into the next snapshot.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        state.SetStations(await db.Stations.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>After a committed change to stations: reloads them here and tells the other instances (<see cref="DataSync"/>).</summary>
    public async Task ChangedAsync(CancellationToken ct = default)
    {
        await ReloadAsync(ct);
        if (versions is not null) await versions.BumpAsync(DataPart.Stations, ct);
    }

    public Station? Find(string id) => Catalog.Find(id);

    public async Task<IReadOnlyList<Station>> ListAsync(StationFilter filter, CancellationToken ct = default)
    {
        IReadOnlySet<string>? ids = null;
        if (Core.Text.SearchText.Fold(filter.Query).Length > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            ids = await StationSearchIndex.SearchAsync(db, filter.Query, ct);
        }
        return PublicCatalog.Filter(filter.Types, filter.Box, ids);
    }

    public IReadOnlyList<StationDistance> Nearest(GeoPoint origin, int k, IReadOnlySet<StationType>? types) =>
        PublicCatalog.Nearest(origin, k, types);
}
