using System.Runtime.CompilerServices;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Spatial.Routes;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Stations;

namespace LegalServiceMap.Web.Features.Culture;

/// <summary>A culture site with its description; <see cref="Order"/> is its place on the walk (1-based), if on it.</summary>
public sealed record CultureSite(Station Station, CultureEntry Entry, int? Order);

/// <summary>The rule-of-law culture map: its sites and the suggested walk through those that have a position.</summary>
public sealed record CultureMap(IReadOnlyList<CultureSite> Sites, WalkingRoute Route, IReadOnlyList<CultureSite> NotPlaced);

/// <summary>
/// Builds the 法治文化地图 from data/culture.json and the current stations: the walk visits every located route site
/// in the order that keeps it shortest, on the imported street network when there is one (straight line × detour
/// otherwise, labelled approximate). Singleton, thread-safe.
/// </summary>
public sealed class CultureService(StationQueries stations, WalkingAreaService walking, ILogger<CultureService> logger)
{
    private readonly Lazy<CultureGuide> _guide = new(() => Load(logger));
    private readonly ConditionalWeakTable<WalkingNetwork, NetworkSnapper> _snappers = new();

    public CultureGuide Guide => _guide.Value;

    /// <summary>Walks from no particular start, per pace, for the current stations and network (the page and the map
    /// ask for the same walk; both are replaced together when either changes).</summary>
    private volatile CachedWalks? _cache;

    private sealed record CachedWalks(StationCatalog Catalog, WalkingNetwork? Network)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<double, CultureMap> BySpeed { get; } = new();
    }

    public CultureMap Build(double speedKmh, GeoPoint? start = null)
    {
        var catalog = stations.PublicCatalog;
        var network = walking.CurrentNetwork;
        if (start is not null) return Build(catalog, network, speedKmh, start);
        var cache = _cache;
        if (cache is null || cache.Catalog != catalog || cache.Network != network)
        {
            _cache = cache = new CachedWalks(catalog, network);
        }
        return cache.BySpeed.GetOrAdd(speedKmh, s => Build(catalog, network, s, null));
    }

    private CultureMap Build(StationCatalog catalog, WalkingNetwork? network, double speedKmh, GeoPoint? start)
    {
        var sites = Guide.Entries
            .Select(e => (Entry: e, Station: catalog.Find(e.StationId)))
            .Where(x => x.Station is { Type: StationType.CultureSite })
            .ToList();
        var stops = sites.Where(x => x.Entry.OnRoute && x.Station!.Location is not null)
            .Select(x => new RouteStop(x.Station!.Id, x.Station.Location!.Value, !x.Station.IsApproximate))
            .ToList();
        var startStop = start is { } s ? new RouteStop("start", s, Precise: true) : null;
        var route = WalkingRoutePlanner.Plan(stops, Legs(network), speedKmh, startStop);
        var order = route.Stops.Where(st => st != startStop).Select((st, i) => (st.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var result = sites.Select(x => new CultureSite(x.Station!, x.Entry, order.TryGetValue(x.Station!.Id, out var o) ? o : null))
            .OrderBy(x => x.Order ?? int.MaxValue)
            .ToList();
        return new CultureMap(result, route, result.Where(x => x.Entry.OnRoute && x.Station.Location is null).ToList());
    }

    private ILegDistances Legs(WalkingNetwork? network)
    {
        var options = walking.Options;
        if (network is null)
        {
            return new StraightLineLegs(options.DetourFactor);
        }
        var snapper = _snappers.GetValue(network, n => new NetworkSnapper(n, minComponentNodes: 0));
        return new NetworkLegs(network, snapper, options.MaxSnapMetres, options.DetourFactor);
    }

    private static CultureGuide Load(ILogger logger) =>
        Setup.DataFiles.Read("culture.json", CultureGuide.Read, CultureGuide.Empty, logger, "the culture map is empty");
}
