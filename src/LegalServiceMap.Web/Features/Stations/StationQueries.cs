using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Spatial;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Features.Stations;

/// <summary>What a resident can filter the station list by.</summary>
public sealed record StationFilter(IReadOnlySet<StationType>? Types = null, string? Query = null, GeoBox? Box = null);

/// <summary>
/// Read-only access to stations: the catalogs of the current <see cref="SpatialSnapshot"/> (changes go through
/// <see cref="SpatialStore"/>) plus the database's full-text index for text queries. Singleton; thread-safe.
/// </summary>
public sealed class StationQueries(IDbContextFactory<AppDbContext> dbFactory, SpatialState state)
{
    /// <summary>Every station, for staff.</summary>
    public StationCatalog Catalog => state.Current.Catalog;

    /// <summary>What residents see: every station except those closed for good (their pages stay reachable).</summary>
    public StationCatalog PublicCatalog => state.Current.PublicCatalog;

    public Station? Find(string id) => Catalog.Find(id);

    public async Task<IReadOnlyList<Station>> ListAsync(StationFilter filter, CancellationToken ct = default)
    {
        var ids = Core.Text.SearchText.Fold(filter.Query).Length > 0 ? await SearchIdsAsync(filter.Query!, ct) : null;
        return PublicCatalog.Filter(filter.Types, filter.Box, ids);
    }

    /// <summary>The ids of every station (closed ones too) the text matches, from the database's full-text index.</summary>
    public async Task<IReadOnlySet<string>> SearchIdsAsync(string query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StationSearchIndex.SearchAsync(db, query, ct);
    }

    public IReadOnlyList<StationDistance> Nearest(GeoPoint origin, int k, IReadOnlySet<StationType>? types) =>
        PublicCatalog.Nearest(origin, k, types);
}
