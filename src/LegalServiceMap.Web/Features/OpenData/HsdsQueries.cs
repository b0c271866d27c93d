using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Spatial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.OpenData;

/// <summary>
/// What the HSDS API reads: every station of the current snapshot (those closed for good too, as <c>defunct</c>, so a
/// copy elsewhere learns of the closure) and, per snapshot, when each station last changed (its newest audit row).
/// Singleton; thread-safe.
/// </summary>
public sealed class HsdsQueries(IDbContextFactory<AppDbContext> dbFactory, SpatialState state, StationQueries stations)
{
    private volatile Tuple<long, Task<IReadOnlyDictionary<string, DateTimeOffset>>>? _modified;

    public IReadOnlyList<Station> Stations => state.Current.Catalog.All;

    public async Task<Hsds> ViewAsync(IStringLocalizer L, bool english, CancellationToken ct) =>
        new(L, english, await LastModifiedAsync(ct));

    /// <summary>When each station last changed, read once per snapshot (every save makes a new one).</summary>
    public Task<IReadOnlyDictionary<string, DateTimeOffset>> LastModifiedAsync(CancellationToken ct)
    {
        var version = state.Current.Version;
        var known = _modified;
        if (known is not null && known.Item1 == version && !known.Item2.IsFaulted && !known.Item2.IsCanceled) return known.Item2;
        var read = ReadLastModifiedAsync(ct);
        _modified = Tuple.Create(version, read);
        return read;
    }

    private async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastModifiedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StationChanges.GroupBy(c => c.StationId)
            .Select(g => new { StationId = g.Key, At = g.Max(c => c.At) })
            .ToDictionaryAsync(x => x.StationId, x => x.At, ct);
    }

    /// <summary>The stations a list request selects: search text (the stations' own index), type, organization, and
    /// proximity (nearest first, within <c>proximity</c> metres when given); else in id order.</summary>
    public async Task<IReadOnlyList<Station>> SelectAsync(HsdsApi.ListRequest request, CancellationToken ct)
    {
        IEnumerable<Station> selected = Stations;
        if (Core.Text.SearchText.Fold(request.Search).Length > 0)
        {
            var ids = await stations.SearchIdsAsync(request.Search!, ct);
            selected = selected.Where(s => ids.Contains(s.Id));
        }
        if (request.TaxonomyTermId is { } term) selected = selected.Where(s => Hsds.TermId(Hsds.TypesTaxonomy, s.Type.ToSlug()) == term || Hsds.TermId(Hsds.TiersTaxonomy, s.LocationTier.ToSlug()) == term);
        if (request.TaxonomyId is { } taxonomy && taxonomy != Hsds.TaxonomyId(Hsds.TypesTaxonomy) && taxonomy != Hsds.TaxonomyId(Hsds.TiersTaxonomy)) selected = [];
        if (request.OrganizationId is { } organization) selected = selected.Where(s => Hsds.OrganizationId(s.Id) == organization);
        if (request.Near is { } near)
        {
            var placed = selected.Where(s => s.Location is not null).Select(s => (Station: s, Metres: s.Location!.Value.DistanceTo(near)));
            if (request.ProximityMetres is { } metres) placed = placed.Where(x => x.Metres <= metres);
            return placed.OrderBy(x => x.Metres).ThenBy(x => x.Station.Id, StringComparer.Ordinal).Select(x => x.Station).ToList();
        }
        return selected.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }
}
