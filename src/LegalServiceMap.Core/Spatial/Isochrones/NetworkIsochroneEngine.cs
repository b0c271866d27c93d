using System.Runtime.CompilerServices;
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
    private readonly ConditionalWeakTable<StationCatalog, Dictionary<string, NetworkSnap>> _stationSnaps = new();

    public IsochroneMethod Method => IsochroneMethod.Network;

    public WalkingNetwork Network => network;

    public IsochroneResult Compute(IsochroneRequest request, StationCatalog stations)
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
            ShortestPaths.ForEachCoveredEdge(network, w, budget, (edge, a, b) => StampEdge(raster, edge, a, b));
            // The origin's own edge, both ways from the snapped point, and the walk from the origin to the street.
            var along = (budget - snap.OffsetMetres) / Math.Max(len, 1e-9);
            if (along > 0)
            {
                StampRange(raster, e, snap.Fraction - along, snap.Fraction + along);
            }
            var (ox, oy) = LocalProjection.Shanghai.Project(request.Origin);
            raster.StampSegment(ox, oy, snap.X, snap.Y, options.ReachMetres);

            var area = raster.ToGeometry(Factory, LocalProjection.Shanghai);
            var reachable = ReachableStations(request, stations, snap, w, budget);
            var snapped = LocalProjection.Shanghai.Unproject(snap.X, snap.Y);
            return IsochroneResult.Ok(new Isochrone(IsochroneMethod.Network, request, snapped, snap.OffsetMetres, area, reachable));
        }
        finally
        {
            ShortestPaths.Return(network, w);
        }
    }

    private ReachRaster NewRaster(GeoPoint origin, double budget)
    {
        var (x, y) = LocalProjection.Shanghai.Project(origin);
        var half = budget + options.MaxSnapMetres + options.ReachMetres + options.CellMetres;
        return new ReachRaster(x - half, y - half, x + half, y + half, options.CellMetres);
    }

    /// <summary>Stamps the stretches [0, a] and [b, 1] of an edge (a ≥ b: the whole edge).</summary>
    private void StampEdge(ReachRaster raster, int edge, double a, double b)
    {
        if (a >= b)
        {
            StampRange(raster, edge, 0, 1);
            return;
        }
        if (a > 0) StampRange(raster, edge, 0, a);
        if (b < 1) StampRange(raster, edge, b, 1);
    }

    /// <summary>Stamps the stretch of an edge between two fractions (clamped to the edge).</summary>
    private void StampRange(ReachRaster raster, int edge, double s, double t)
    {
        s = Math.Clamp(s, 0, 1);
        t = Math.Clamp(t, 0, 1);
        int u = network.EdgeFrom[edge], v = network.EdgeTo[edge];
        double x1 = network.X[u], y1 = network.Y[u], dx = network.X[v] - x1, dy = network.Y[v] - y1;
        raster.StampSegment(x1 + s * dx, y1 + s * dy, x1 + t * dx, y1 + t * dy, options.ReachMetres);
    }

    private List<ReachableStation> ReachableStations(IsochroneRequest request, StationCatalog stations, NetworkSnap origin,
        DijkstraWorkspace w, double budget)
    {
        var snaps = _stationSnaps.GetValue(stations, SnapStations);
        var speed = request.SpeedKmh / 3.6;
        var result = new List<ReachableStation>();
        foreach (var candidate in stations.WithinRadius(request.Origin, budget + options.MaxSnapMetres))
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

    private Dictionary<string, NetworkSnap> SnapStations(StationCatalog catalog)
    {
        var snaps = new Dictionary<string, NetworkSnap>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in catalog.All)
        {
            if (s.Location is { } p && _stationSnapper.Snap(p, options.MaxSnapMetres) is { } snap)
            {
                snaps[s.Id] = snap;
            }
        }
        return snaps;
    }
}
