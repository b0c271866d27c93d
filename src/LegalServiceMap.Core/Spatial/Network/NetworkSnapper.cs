using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Spatial.Network;

/// <summary>Where a point meets the network: an edge, the fraction along it from EdgeFrom (0..1), and the off-network distance in metres.</summary>
public readonly record struct NetworkSnap(int Edge, double Fraction, double OffsetMetres, double X, double Y);

/// <summary>
/// Snaps points to the nearest edge (not merely the nearest node) of a <see cref="WalkingNetwork"/>, using an
/// STR-tree of edge envelopes in projected metres. Only edges of "major" components (at least
/// <c>minComponentNodes</c> nodes, or the largest component if none is that big) are candidates, so an origin
/// never lands on a stray fragment (a lone slip road, a courtyard path) from which nothing is reachable.
/// Built once; querying is thread-safe.
/// </summary>
public sealed class NetworkSnapper
{
    private sealed class Segment(int edge, double x1, double y1, double x2, double y2)
    {
        public readonly int Edge = edge;
        public readonly double X1 = x1, Y1 = y1, X2 = x2, Y2 = y2;
    }

    private sealed class SegmentDistance : IItemDistance<Envelope, Segment>
    {
        public double Distance(IBoundable<Envelope, Segment> a, IBoundable<Envelope, Segment> b)
        {
            // One of the two is always the probe, a degenerate segment (a point).
            var (p, s) = a.Item.Edge < 0 ? (a.Item, b.Item) : (b.Item, a.Item);
            return Math.Sqrt(DistanceSquared(p.X1, p.Y1, s, out _));
        }
    }

    private static readonly SegmentDistance Metric = new();
    private readonly STRtree<Segment> _tree = new();
    private readonly WalkingNetwork _network;

    public NetworkSnapper(WalkingNetwork network, int minComponentNodes = 50)
    {
        _network = network;
        var threshold = network.ComponentSize.Length == 0 ? 0 : Math.Min(minComponentNodes, network.ComponentSize[0]);
        for (var e = 0; e < network.EdgeCount; e++)
        {
            int u = network.EdgeFrom[e], v = network.EdgeTo[e];
            if (network.ComponentSize[network.Component[u]] < threshold) continue;
            var s = new Segment(e, network.X[u], network.Y[u], network.X[v], network.Y[v]);
            _tree.Insert(new Envelope(s.X1, s.X2, s.Y1, s.Y2), s);
        }
        _tree.Build();
    }

    /// <summary>The nearest point on the network to <paramref name="point"/>, or null when none lies within <paramref name="maxMetres"/>.</summary>
    public NetworkSnap? Snap(GeoPoint point, double maxMetres)
    {
        if (_network.EdgeCount == 0)
        {
            return null;
        }
        var (x, y) = LocalProjection.Shanghai.Project(point);
        var probe = new Segment(-1, x, y, x, y);
        var nearest = _tree.NearestNeighbour(new Envelope(x, x, y, y), probe, Metric);
        if (nearest is null)
        {
            return null;
        }
        var d2 = DistanceSquared(x, y, nearest, out var t);
        if (d2 > maxMetres * maxMetres)
        {
            return null;
        }
        return new NetworkSnap(nearest.Edge, t, Math.Sqrt(d2),
            nearest.X1 + t * (nearest.X2 - nearest.X1), nearest.Y1 + t * (nearest.Y2 - nearest.Y1));
    }

    private static double DistanceSquared(double px, double py, Segment s, out double t)
    {
        double dx = s.X2 - s.X1, dy = s.Y2 - s.Y1;
        var len2 = dx * dx + dy * dy;
        t = len2 == 0 ? 0 : Math.Clamp(((px - s.X1) * dx + (py - s.Y1) * dy) / len2, 0, 1);
        double cx = s.X1 + t * dx - px, cy = s.Y1 + t * dy - py;
        return cx * cx + cy * cy;
    }
}
