using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Spatial.Isochrones;

/// <summary>
/// Walking areas on a street network.
/// Method: (1) snap the origin to the nearest edge within <see cref="IsochroneOptions.MaxSnapMetres"/>; (2) run a
/// Dijkstra bounded by the walking budget (speed × time) from both ends of that edge; (3) collect every reached
/// stretch of street, including partly reached edges up to the exact point where the budget runs out; (4) stamp those
/// stretches onto a grid of <see cref="IsochroneOptions.CellMetres"/> with a lateral reach of
/// <see cref="IsochroneOptions.ReachMetres"/>; (5) trace the filled cells into polygons. The area therefore follows the
/// streets: it has holes where blocks are closed, several parts where the network branches, and never spans a river
/// or a rail line except along a way that crosses it. Stations are snapped to the network too; a station is inside
/// when its network distance (plus its off-street offsets) is within the budget. Thread-safe.
/// </summary>
public sealed class NetworkIsochroneEngine(WalkingNetwork network, IsochroneOptions options) : IIsochroneEngine
{
    private static readonly GeometryFactory Factory = new();
    // Origins snap to major components only (never to a stray fragment); stations snap to where they really are.
    private readonly NetworkSnapper _snapper = new(network);
    private readonly NetworkSnapper _stationSnapper = new(network, minComponentNodes: 0);

    public IsochroneMethod Method => IsochroneMethod.Network;

    public WalkingNetwork Network => network;

    /// <summary>Snaps every located station to the network (to where it really is, any component).</summary>
    public StationPlaces Place(StationCatalog stations)
    {
        var snaps = new Dictionary<string, NetworkSnap>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in stations.All)
        {
            if (s.Location is { } p && _stationSnapper.Snap(p, options.MaxSnapMetres) is { } snap)
            {
                snaps[s.Id] = snap;
            }
        }
        return new StationPlaces(stations, snaps);
    }

    public IsochroneResult Compute(IsochroneRequest request, StationPlaces stations)
    {
        if (_snapper.Snap(request.Origin, options.MaxSnapMetres) is not { } snap)
        {
            return IsochroneResult.Fail(IsochroneError.OffNetwork);
        }
        var budget = request.BudgetMetres;
        var w = ShortestPaths.Rent(network);
        try
        {
            var e = snap.Edge;
            double len = network.EdgeLength[e];
            var sources = new[]
            {
                (network.EdgeFrom[e], snap.OffsetMetres + snap.Fraction * len),
                (network.EdgeTo[e], snap.OffsetMetres + (1 - snap.Fraction) * len),
            };
            ShortestPaths.Run(network, sources, budget, w);

            var raster = NewRaster(request.Origin, budget);
            raster.StampReached(network, w, budget, options.ReachMetres);
            // The origin's own edge, both ways from the snapped point, and the walk from the origin to the street.
            var along = (budget - snap.OffsetMetres) / Math.Max(len, 1e-9);
            if (along > 0)
            {
                raster.StampEdge(network, e, snap.Fraction - along, snap.Fraction + along, options.ReachMetres);
            }
            var (ox, oy) = LocalProjection.Shanghai.Project(request.Origin);
            raster.StampSegment(ox, oy, snap.X, snap.Y, options.ReachMetres);

            var area = Simplified(raster.ToGeometry(Factory, LocalProjection.Shanghai));
            var reachable = ReachableStations(request, stations, snap, w, budget);
            return IsochroneResult.Ok(new Isochrone(IsochroneMethod.Network, request, snap.OffsetMetres, area, reachable));
        }
        finally
        {
            ShortestPaths.Return(network, w);
        }
    }

    /// <summary>The outline without the corners a phone cannot show (<see cref="IsochroneOptions.SimplifyMetres"/>), its
    /// topology kept (no ring crosses another, no hole leaves its shell). Degrees of latitude stand for metres: along the
    /// longitude the tolerance is then a little smaller, never larger.</summary>
    private Geometry Simplified(Geometry area) =>
        options.SimplifyMetres <= 0 || area.IsEmpty
            ? area
            : NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(area, options.SimplifyMetres / 111_320.0);

    private ReachRaster NewRaster(GeoPoint origin, double budget)
    {
        var (x, y) = LocalProjection.Shanghai.Project(origin);
        var half = budget + options.MaxSnapMetres + options.ReachMetres + options.CellMetres;
        return new ReachRaster(x - half, y - half, x + half, y + half, options.CellMetres);
    }

    private List<ReachableStation> ReachableStations(IsochroneRequest request, StationPlaces stations, NetworkSnap origin,
        DijkstraWorkspace w, double budget)
    {
        var snaps = stations.Snaps ?? throw new ArgumentException("Stations placed by another engine.", nameof(stations));
        var speed = request.SpeedKmh / 3.6;
        var result = new List<ReachableStation>();
        foreach (var candidate in stations.Catalog.WithinRadius(request.Origin, budget + options.MaxSnapMetres))
        {
            if (!snaps.TryGetValue(candidate.Station.Id, out var s)) continue;
            double len = network.EdgeLength[s.Edge];
            double viaFrom = w.Distance[network.EdgeFrom[s.Edge]] + s.Fraction * len;
            double viaTo = w.Distance[network.EdgeTo[s.Edge]] + (1 - s.Fraction) * len;
            var metres = Math.Min(viaFrom, viaTo);
            if (s.Edge == origin.Edge)
            {
                metres = Math.Min(metres, Math.Abs(s.Fraction - origin.Fraction) * len + origin.OffsetMetres);
            }
            metres += s.OffsetMetres;
            if (metres <= budget)
            {
                result.Add(new ReachableStation(candidate.Station, metres, metres / speed));
            }
        }
        return result.OrderBy(r => r.WalkMetres).ToList();
    }
}
