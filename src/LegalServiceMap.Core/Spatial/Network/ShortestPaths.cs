namespace LegalServiceMap.Core.Spatial.Network;

/// <summary>
/// Reusable buffers for one Dijkstra run over a network (distances in metres, +∞ = unreached). A workspace is
/// not thread-safe; take one per call (see <see cref="ShortestPaths.Rent"/>).
/// </summary>
public sealed class DijkstraWorkspace
{
    internal DijkstraWorkspace(int nodes, int edges)
    {
        Distance = new float[nodes];
        Array.Fill(Distance, float.PositiveInfinity);
        EdgeMark = new int[edges];
    }

    /// <summary>Network distance in metres from the nearest source to each node; +∞ where not reached within the limit.</summary>
    public float[] Distance { get; }
    /// <summary>Nodes whose distance was set by the last run.</summary>
    public List<int> Reached { get; } = [];
    internal int[] EdgeMark { get; }
    internal int Generation { get; set; }
    internal PriorityQueue<int, float> Queue { get; } = new();

    internal void Reset()
    {
        foreach (var n in Reached)
        {
            Distance[n] = float.PositiveInfinity;
        }
        Reached.Clear();
        Queue.Clear();
        Generation++;
        if (Generation == int.MaxValue)
        {
            Array.Clear(EdgeMark);
            Generation = 1;
        }
    }
}

/// <summary>Bounded, multi-source Dijkstra over a <see cref="WalkingNetwork"/>. Thread-safe given one workspace per caller.</summary>
public static class ShortestPaths
{
    /// <summary>A workspace for <paramref name="network"/> from the network's own pool; give it back with <see cref="Return"/>.</summary>
    public static DijkstraWorkspace Rent(WalkingNetwork network) =>
        network.Workspaces.TryTake(out var w) ? w : new DijkstraWorkspace(network.NodeCount, network.EdgeCount);

    public static void Return(WalkingNetwork network, DijkstraWorkspace workspace) => network.Workspaces.Add(workspace);

    /// <summary>
    /// Settles every node whose network distance from the nearest source is at most <paramref name="limitMetres"/>.
    /// Sources are (node, initial distance in metres), e.g. the two ends of the edge an origin snapped to.
    /// </summary>
    public static void Run(WalkingNetwork network, IEnumerable<(int Node, double Metres)> sources, double limitMetres, DijkstraWorkspace w)
    {
        w.Reset();
        var dist = w.Distance;
        var queue = w.Queue;
        foreach (var (node, metres) in sources)
        {
            if (metres <= limitMetres && metres < dist[node])
            {
                if (float.IsPositiveInfinity(dist[node])) w.Reached.Add(node);
                dist[node] = (float)metres;
                queue.Enqueue(node, (float)metres);
            }
        }
        var limit = (float)limitMetres;
        var start = network.AdjacencyStart;
        var adjacent = network.AdjacentEdge;
        var length = network.EdgeLength;
        var from = network.EdgeFrom;
        var to = network.EdgeTo;
        while (queue.TryDequeue(out var u, out var du))
        {
            if (du > dist[u]) continue; // stale entry
            for (var i = start[u]; i < start[u + 1]; i++)
            {
                var e = adjacent[i];
                var v = from[e] == u ? to[e] : from[e];
                var dv = du + length[e];
                if (dv <= limit && dv < dist[v])
                {
                    if (float.IsPositiveInfinity(dist[v])) w.Reached.Add(v);
                    dist[v] = dv;
                    queue.Enqueue(v, dv);
                }
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="covered"/> once per edge touched by the last run with the covered stretches, as fractions
    /// of the edge from EdgeFrom: [0, a] reached from EdgeFrom and [b, 1] from EdgeTo (a ≥ b means the whole edge).
    /// </summary>
    public static void ForEachCoveredEdge(WalkingNetwork network, DijkstraWorkspace w, double limitMetres, Action<int, double, double> covered)
    {
        var mark = w.EdgeMark;
        var gen = w.Generation;
        foreach (var u in w.Reached)
        {
            for (var i = network.AdjacencyStart[u]; i < network.AdjacencyStart[u + 1]; i++)
            {
                var e = network.AdjacentEdge[i];
                if (mark[e] == gen) continue;
                mark[e] = gen;
                double len = network.EdgeLength[e];
                double dFrom = w.Distance[network.EdgeFrom[e]], dTo = w.Distance[network.EdgeTo[e]];
                var a = len <= 0 ? 1 : Math.Clamp((limitMetres - dFrom) / len, 0, 1);
                var b = len <= 0 ? 0 : 1 - Math.Clamp((limitMetres - dTo) / len, 0, 1);
                if (double.IsPositiveInfinity(dFrom)) a = 0;
                if (double.IsPositiveInfinity(dTo)) b = 1;
                covered(e, a, b);
            }
        }
    }
}
