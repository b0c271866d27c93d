using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Routes;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Web.Spatial;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Features.Culture;

/// <summary>A culture site with its description; <see cref="Order"/> is its place on the walk (1-based), if on it.</summary>
public sealed record CultureSite(Station Station, CultureEntry Entry, int? Order);

/// <summary>The rule-of-law culture map: its sites and the suggested walk through those that have a position.</summary>
public sealed record CultureMap(IReadOnlyList<CultureSite> Sites, WalkingRoute Route, IReadOnlyList<CultureSite> NotPlaced);

/// <summary>
/// Builds the 法治文化地图 from data/culture.json and the current snapshot's stations: the walk visits every located route site
/// in the order that keeps it shortest, on the imported street network when there is one (straight line × detour
/// otherwise, labelled approximate). Singleton, thread-safe.
/// </summary>
public sealed class CultureService(SpatialState state, IOptions<IsochroneOptions> options, ILogger<CultureService> logger)
{
    private readonly Lazy<CultureGuide> _guide = new(() => Load(logger));

    private sealed record WalkKey(double SpeedKmh);

    public CultureGuide Guide => _guide.Value;

    /// <summary>The culture map on the current snapshot; the walk from no particular start is computed once per snapshot and pace
    /// (the page and the map ask for the same walk).</summary>
    public CultureMap Build(double speedKmh, GeoPoint? start = null)
    {
        var snapshot = state.Current;
        return start is null
            ? state.Derived(snapshot, new WalkKey(speedKmh), () => Build(snapshot, speedKmh, null))
            : Build(snapshot, speedKmh, start);
    }

    private CultureMap Build(SpatialSnapshot snapshot, double speedKmh, GeoPoint? start)
    {
        var sites = Guide.Entries
            .Select(e => (Entry: e, Station: snapshot.PublicCatalog.Find(e.StationId)))
            .Where(x => x.Station is { Type: StationType.CultureSite })
            .ToList();
        var stops = sites.Where(x => x.Entry.OnRoute && x.Station!.Location is not null)
            .Select(x => new RouteStop(x.Station!.Id, x.Station.Location!.Value, !x.Station.IsApproximate))
            .ToList();
        var startStop = start is { } s ? new RouteStop("start", s, Precise: true) : null;
        var route = WalkingRoutePlanner.Plan(stops, Legs(snapshot), speedKmh, startStop);
        var order = route.Stops.Where(st => st != startStop).Select((st, i) => (st.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var result = sites.Select(x => new CultureSite(x.Station!, x.Entry, order.TryGetValue(x.Station!.Id, out var o) ? o : null))
            .OrderBy(x => x.Order ?? int.MaxValue)
            .ToList();
        return new CultureMap(result, route, result.Where(x => x.Entry.OnRoute && x.Station.Location is null).ToList());
    }

    private ILegDistances Legs(SpatialSnapshot snapshot) =>
        snapshot is { Graph: { } network, StationSnapper: { } snapper }
            ? new NetworkLegs(network, snapper, options.Value.MaxSnapMetres, options.Value.DetourFactor)
            : new StraightLineLegs(options.Value.DetourFactor);

    private static CultureGuide Load(ILogger logger) =>
        Setup.DataFiles.Read("culture.json", CultureGuide.Read, CultureGuide.Empty, logger, "the culture map is empty");
}
