using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial;

namespace LegalServiceMap.Core.Stations;

/// <summary>A station with its great-circle distance in metres from some origin.</summary>
public sealed record StationDistance(Station Station, double DistanceMetres);

/// <summary>
/// An immutable snapshot of all stations with spatial indexes, one per type plus one overall.
/// Build a new catalog when the data changes; a built catalog is thread-safe for reads.
/// </summary>
public sealed class StationCatalog
{
    private readonly Dictionary<string, Station> _byId;
    private readonly PointIndex<Station> _all;
    private readonly Dictionary<StationType, PointIndex<Station>> _byType;

    public StationCatalog(IEnumerable<Station> stations)
    {
        All = stations.OrderBy(s => s.Type).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        _byId = All.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        _all = new PointIndex<Station>(All, s => s.Location);
        _byType = All.GroupBy(s => s.Type).ToDictionary(g => g.Key, g => new PointIndex<Station>(g, s => s.Location));
    }

    public static StationCatalog Empty { get; } = new([]);

    public IReadOnlyList<Station> All { get; }

    public Station? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The <paramref name="k"/> located stations nearest to <paramref name="origin"/>, optionally of the given types.</summary>
    public IReadOnlyList<StationDistance> Nearest(GeoPoint origin, int k, IReadOnlySet<StationType>? types = null)
    {
        IEnumerable<(Station Item, double DistanceMetres)> hits = types is null || types.Count == 0
            ? _all.Nearest(origin, k)
            : types.Where(_byType.ContainsKey).SelectMany(t => _byType[t].Nearest(origin, k));
        return hits.OrderBy(h => h.DistanceMetres).ThenBy(h => h.Item.Id, StringComparer.Ordinal).Take(k)
            .Select(h => new StationDistance(h.Item, h.DistanceMetres)).ToList();
    }

    /// <summary>Located stations within <paramref name="radiusMetres"/> great-circle metres of <paramref name="origin"/>, nearest first.</summary>
    public IReadOnlyList<StationDistance> WithinRadius(GeoPoint origin, double radiusMetres, IReadOnlySet<StationType>? types = null) =>
        _all.WithinRadius(origin, radiusMetres)
            .Where(h => types is null || types.Count == 0 || types.Contains(h.Item.Type))
            .Select(h => new StationDistance(h.Item, h.DistanceMetres))
            .ToList();

    /// <summary>Stations matching the filters. A box keeps only located stations inside it; ids (from a text search) restrict further.</summary>
    public IReadOnlyList<Station> Filter(IReadOnlySet<StationType>? types = null, GeoBox? box = null, IReadOnlySet<string>? ids = null)
    {
        IEnumerable<Station> result = box is { } b ? _all.Within(b) : All;
        if (types is { Count: > 0 })
        {
            result = result.Where(s => types.Contains(s.Type));
        }
        if (ids is not null)
        {
            result = result.Where(s => ids.Contains(s.Id));
        }
        return result.OrderBy(s => s.Type).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What a list shows of <paramref name="matching"/>: the chosen types; or, with neither types nor a search, the
    /// stations <see cref="Station.InDefaultList"/> keeps (not the committees nobody has placed yet); or all that matched the search.
    /// </summary>
    public static IEnumerable<Station> Listed(IEnumerable<Station> matching, IReadOnlySet<StationType>? types, string? search) =>
        types is { Count: > 0 } ? matching.Where(s => types.Contains(s.Type))
        : string.IsNullOrWhiteSpace(search) ? matching.Where(s => s.InDefaultList)
        : matching;

    /// <summary>Stations sorted by distance from <paramref name="origin"/>; stations with no location come last, by id.</summary>
    public static IReadOnlyList<RankedStation> SortByDistance(IEnumerable<Station> stations, GeoPoint origin) =>
        stations
            .Select(s => new RankedStation(s, s.Location is { } p ? origin.DistanceTo(p) : null))
            .OrderBy(r => r.DistanceMetres is null ? 1 : 0)
            .ThenBy(r => r.DistanceMetres ?? 0)
            .ThenBy(r => r.Station.Id, StringComparer.Ordinal)
            .ToList();
}

/// <summary>A station in a list, with its distance in metres from the list's origin when it has a location.</summary>
public sealed record RankedStation(Station Station, double? DistanceMetres);
