using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;

namespace LegalServiceMap.Core.Spatial.Routes;

/// <summary>
/// Walking distances on a street network: each point is snapped to its nearest street (within
/// <paramref name="maxSnapMetres"/>), one Dijkstra per point gives the distances to all others, and the path is read
/// back from the distances. A leg with an end that cannot be snapped falls back to straight line × detour.
/// </summary>
public sealed class NetworkLegs(WalkingNetwork network, NetworkSnapper snapper, double maxSnapMetres = 300, double detourFactor = 1.3) : ILegDistances
{
    public NetworkLegs(WalkingNetwork network, double maxSnapMetres = 300, double detourFactor = 1.3)
        : this(network, new NetworkSnapper(network), maxSnapMetres, detourFactor)
    {
    }

    public LegMatrix Measure(IReadOnlyList<GeoPoint> points)
    {
        var m = new StraightLineLegs(detourFactor).Measure(points);
        var snaps = points.Select(p => snapper.Snap(p, maxSnapMetres)).ToArray();
        var w = ShortestPaths.Rent(network);
        try
        {
            for (var i = 0; i < points.Count; i++)
            {
                if (snaps[i] is not { } a) continue;
                var sources = Ends(a);
                ShortestPaths.Run(network, sources, double.MaxValue, w);
                for (var j = 0; j < points.Count; j++)
                {
                    if (i == j || snaps[j] is not { } b) continue;
                    var leg = Leg(points[i], a, points[j], b, w, sources);
                    if (leg is { } found)
                    {
                        m.Metres[i, j] = found.Metres;
                        m.Paths[i, j] = found.Path;
                        m.OnNetwork[i, j] = true;
                    }
                }
            }
        }
        finally
        {
            ShortestPaths.Return(network, w);
        }
        return m;
    }

    private (int Node, double Metres)[] Ends(NetworkSnap s)
    {
        double len = network.EdgeLength[s.Edge];
        return
        [
            (network.EdgeFrom[s.Edge], s.OffsetMetres + s.Fraction * len),
            (network.EdgeTo[s.Edge], s.OffsetMetres + (1 - s.Fraction) * len),
        ];
    }

    private (double Metres, IReadOnlyList<GeoPoint> Path)? Leg(GeoPoint from, NetworkSnap a, GeoPoint to, NetworkSnap b, DijkstraWorkspace w, (int Node, double Metres)[] sources)
    {
        var start = Unproject(a);
        var end = Unproject(b);
        double len = network.EdgeLength[b.Edge];
        if (a.Edge == b.Edge)
        {
            var along = Math.Abs(a.Fraction - b.Fraction) * len + a.OffsetMetres + b.OffsetMetres;
            return (along, [from, start, end, to]);
        }
        var viaFrom = w.Distance[network.EdgeFrom[b.Edge]] + b.Fraction * len;
        var viaTo = w.Distance[network.EdgeTo[b.Edge]] + (1 - b.Fraction) * len;
        var best = Math.Min(viaFrom, viaTo);
        if (double.IsPositiveInfinity(best)) return null; // different parts of the network
        var last = viaFrom <= viaTo ? network.EdgeFrom[b.Edge] : network.EdgeTo[b.Edge];
        var nodes = PathTo(last, w, sources);
        var path = new List<GeoPoint>(nodes.Count + 4) { from, start };
        path.AddRange(nodes.Select(network.Node));
        path.Add(end);
        path.Add(to);
        return (best + b.OffsetMetres, path);
    }

    /// <summary>Walks back from <paramref name="node"/> along edges whose lengths account for the distance, to a source.</summary>
    private List<int> PathTo(int node, DijkstraWorkspace w, (int Node, double Metres)[] sources)
    {
        var dist = w.Distance;
        var nodes = new List<int> { node };
        var guard = network.NodeCount;
        while (guard-- > 0)
        {
            var v = nodes[^1];
            if (sources.Any(s => s.Node == v && Math.Abs(s.Metres - dist[v]) < 0.01)) break;
            var previous = -1;
            for (var i = network.AdjacencyStart[v]; i < network.AdjacencyStart[v + 1]; i++)
            {
                var e = network.AdjacentEdge[i];
                var u = network.OtherEnd(e, v);
                if (Math.Abs(dist[u] + network.EdgeLength[e] - dist[v]) < 0.01 * Math.Max(1, dist[v] / 1000))
                {
                    previous = u;
                    break;
                }
            }
            if (previous < 0) break;
            nodes.Add(previous);
        }
        nodes.Reverse();
        return nodes;
    }

    private static GeoPoint Unproject(NetworkSnap s) => LocalProjection.Shanghai.Unproject(s.X, s.Y);
}
