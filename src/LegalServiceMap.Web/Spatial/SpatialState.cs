using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Coverage;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Setup;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Spatial;

/// <summary>What network, if any, walking areas are computed on.</summary>
public sealed record NetworkSummary(string Source, DateTimeOffset ImportedAt, int Nodes, int Edges, double LengthMetres);

/// <summary>The imported street network, its summary, and the named roads and address points of the same import.</summary>
public sealed record LoadedNetwork(WalkingNetwork Graph, NetworkSummary Summary, RoadSet Roads);

/// <summary>
/// Everything the map, the walks, coverage, the culture walk and the geocoder read, as one immutable value: every
/// station and those residents see, the network with its engine and the stations placed on it, the boundaries and the
/// district grid, and the geocoder over all of them. <see cref="Version"/> names it in caches.
/// </summary>
public sealed record SpatialSnapshot(
    long Version,
    StationCatalog Catalog,
    StationCatalog PublicCatalog,
    LoadedNetwork? Network,
    BoundarySet Boundaries,
    IIsochroneEngine Engine,
    StationPlaces Places,
    DistrictGrid? Grid,
    NetworkSnapper? StationSnapper,
    Geocoder Geocoder)
{
    /// <summary>The street network walking areas follow; null when they are circles.</summary>
    public WalkingNetwork? Graph => Network?.Graph is { EdgeCount: > 0 } g ? g : null;
}

/// <summary>
/// The one owner of spatial state. Writers (loading at start, a reload after an edit or import) build the next
/// <see cref="SpatialSnapshot"/> off the request path, reusing every part whose inputs did not change, and swap it in
/// atomically; readers take <see cref="Current"/> once and never lock. Results derived from a snapshot (walks,
/// coverage, culture walks) live in one bounded cache under the snapshot's version, so a swap retires them all.
/// Singleton; thread-safe.
/// </summary>
public sealed class SpatialState
{
    /// <summary>Cell size of the district grid that coverage is counted on.</summary>
    public const double CoverageCellMetres = 25;

    private readonly IsochroneOptions _options;
    private readonly Gazetteer _gazetteer;
    private readonly Lock _writer = new();
    private readonly MemoryCache _derived = new(new MemoryCacheOptions { SizeLimit = 2_000 });
    private volatile SpatialSnapshot _current;

    public SpatialState(IOptions<IsochroneOptions> options, Gazetteer gazetteer)
    {
        (_options, _gazetteer) = (options.Value, gazetteer);
        _current = Build(null, 0, StationCatalog.Empty, StationCatalog.Empty, null, BoundarySet.Empty);
    }

    public SpatialSnapshot Current => _current;

    /// <summary>A result derived from <paramref name="snapshot"/>, computed once per snapshot and key.</summary>
    public T Derived<T>(SpatialSnapshot snapshot, object key, Func<T> compute) =>
        _derived.GetOrCreate((snapshot.Version, key), entry =>
        {
            // Entries of a replaced snapshot are never asked for again and age out.
            entry.SetSize(1).SetSlidingExpiration(TimeSpan.FromMinutes(10));
            return compute();
        })!;

    /// <summary>Replaces the stations (all of them; residents see all but those closed for good).</summary>
    public void SetStations(IReadOnlyList<Station> stations) =>
        Replace(s => (new StationCatalog(stations), new StationCatalog(stations.Where(x => x.Status != StationStatus.Closed)), s.Network, s.Boundaries));

    public void SetNetwork(LoadedNetwork? network) => Replace(s => (s.Catalog, s.PublicCatalog, network, s.Boundaries));

    public void SetBoundaries(BoundarySet boundaries) => Replace(s => (s.Catalog, s.PublicCatalog, s.Network, boundaries));

    private void Replace(Func<SpatialSnapshot, (StationCatalog, StationCatalog, LoadedNetwork?, BoundarySet)> change)
    {
        lock (_writer)
        {
            var previous = _current;
            var (catalog, publicCatalog, network, boundaries) = change(previous);
            _current = Build(previous, previous.Version + 1, catalog, publicCatalog, network, boundaries);
        }
    }

    private SpatialSnapshot Build(SpatialSnapshot? previous, long version, StationCatalog catalog, StationCatalog publicCatalog,
        LoadedNetwork? network, BoundarySet boundaries)
    {
        var sameNetwork = previous is not null && ReferenceEquals(previous.Network, network);
        var graph = network?.Graph is { EdgeCount: > 0 } g ? g : null;
        var engine = sameNetwork ? previous!.Engine
            : graph is null ? new CircleIsochroneEngine(_options) : new NetworkIsochroneEngine(graph, _options);
        var places = previous is not null && sameNetwork && ReferenceEquals(previous.PublicCatalog, publicCatalog) ? previous.Places : engine.Place(publicCatalog);
        var grid = previous is not null && ReferenceEquals(previous.Boundaries, boundaries) ? previous.Grid
            : boundaries.District is { } district ? new DistrictGrid(district, boundaries.Streets, CoverageCellMetres) : null;
        // Stations snap to where they really are, in any part of the network (the culture walk's legs).
        var stationSnapper = sameNetwork ? previous!.StationSnapper : graph is null ? null : new NetworkSnapper(graph, minComponentNodes: 0);
        var geocoder = _gazetteer.Geocoder(publicCatalog, network?.Roads ?? RoadSet.Empty, boundaries);
        return new SpatialSnapshot(version, catalog, publicCatalog, network, boundaries, engine, places, grid, stationSnapper, geocoder);
    }
}
