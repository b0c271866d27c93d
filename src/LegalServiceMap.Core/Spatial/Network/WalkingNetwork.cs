using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Spatial.Network;

/// <summary>
/// A compact, immutable walking graph. Nodes carry WGS-84 degrees and <see cref="LocalProjection.Shanghai"/> metres;
/// every edge is one straight, two-way segment between two nodes (ways are split at every vertex), with its length in
/// metres. Adjacency is in compressed-sparse-row arrays. Immutable after construction: safe to share across threads.
/// </summary>
public sealed class WalkingNetwork
{
    private const int FormatVersion = 1;

    /// <summary>Reusable Dijkstra workspaces sized for this network (see <see cref="ShortestPaths.Rent"/>); thread-safe.</summary>
    internal System.Collections.Concurrent.ConcurrentBag<DijkstraWorkspace> Workspaces { get; } = [];

    /// <summary>A snapper over every part of this network (stations may stand on small ones), built once: coverage
    /// snaps every station of a type on each computation, and building it cost more than the search.</summary>
    internal NetworkSnapper AllPartsSnapper => _allPartsSnapper.Value;

    private readonly Lazy<NetworkSnapper> _allPartsSnapper;

    internal WalkingNetwork(double[] latitudes, double[] longitudes, int[] edgeFrom, int[] edgeTo)
    {
        _allPartsSnapper = new(() => new NetworkSnapper(this, minComponentNodes: 0));
        Latitudes = latitudes;
        Longitudes = longitudes;
        EdgeFrom = edgeFrom;
        EdgeTo = edgeTo;
        var projection = LocalProjection.Shanghai;
        X = new double[latitudes.Length];
        Y = new double[latitudes.Length];
        for (var i = 0; i < latitudes.Length; i++)
        {
            (X[i], Y[i]) = projection.Project(new GeoPoint(latitudes[i], longitudes[i]));
        }
        EdgeLength = new float[edgeFrom.Length];
        var degree = new int[NodeCount + 1];
        for (var e = 0; e < edgeFrom.Length; e++)
        {
            EdgeLength[e] = (float)Node(edgeFrom[e]).DistanceTo(Node(edgeTo[e]));
            degree[edgeFrom[e] + 1]++;
            degree[edgeTo[e] + 1]++;
        }
        for (var i = 0; i < NodeCount; i++)
        {
            degree[i + 1] += degree[i];
        }
        AdjacencyStart = degree;
        AdjacentEdge = new int[edgeFrom.Length * 2];
        var fill = (int[])degree.Clone();
        for (var e = 0; e < edgeFrom.Length; e++)
        {
            AdjacentEdge[fill[edgeFrom[e]]++] = e;
            AdjacentEdge[fill[edgeTo[e]]++] = e;
        }
        (Component, ComponentSize) = FindComponents();
    }

    /// <summary>Connected component of each node (0 = the largest).</summary>
    public int[] Component { get; }
    /// <summary>Number of nodes in each component, largest first.</summary>
    public int[] ComponentSize { get; }

    private (int[] Component, int[] Size) FindComponents()
    {
        var component = new int[NodeCount];
        Array.Fill(component, -1);
        var sizes = new List<int>();
        var stack = new Stack<int>();
        for (var s = 0; s < NodeCount; s++)
        {
            if (component[s] >= 0) continue;
            var c = sizes.Count;
            var n = 0;
            component[s] = c;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var u = stack.Pop();
                n++;
                for (var i = AdjacencyStart[u]; i < AdjacencyStart[u + 1]; i++)
                {
                    var v = OtherEnd(AdjacentEdge[i], u);
                    if (component[v] < 0)
                    {
                        component[v] = c;
                        stack.Push(v);
                    }
                }
            }
            sizes.Add(n);
        }
        // Renumber so that component 0 is the largest.
        var order = Enumerable.Range(0, sizes.Count).OrderByDescending(c => sizes[c]).ToArray();
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++) rank[order[r]] = r;
        for (var i = 0; i < component.Length; i++) component[i] = rank[component[i]];
        return (component, order.Select(c => sizes[c]).ToArray());
    }

    public static WalkingNetwork Empty { get; } = new([], [], [], []);

    public int NodeCount => Latitudes.Length;
    public int EdgeCount => EdgeFrom.Length;

    /// <summary>WGS-84 latitude of each node, degrees.</summary>
    public double[] Latitudes { get; }
    /// <summary>WGS-84 longitude of each node, degrees.</summary>
    public double[] Longitudes { get; }
    /// <summary>Projected x (east) of each node, metres.</summary>
    public double[] X { get; }
    /// <summary>Projected y (north) of each node, metres.</summary>
    public double[] Y { get; }
    public int[] EdgeFrom { get; }
    public int[] EdgeTo { get; }
    /// <summary>Great-circle length of each edge, metres.</summary>
    public float[] EdgeLength { get; }
    /// <summary>Edges incident to node n are AdjacentEdge[AdjacencyStart[n] .. AdjacencyStart[n+1]).</summary>
    public int[] AdjacencyStart { get; }
    public int[] AdjacentEdge { get; }

    public GeoPoint Node(int n) => new(Latitudes[n], Longitudes[n]);

    public int OtherEnd(int edge, int node) => EdgeFrom[edge] == node ? EdgeTo[edge] : EdgeFrom[edge];

    /// <summary>Total length of all edges, metres.</summary>
    public double TotalLengthMetres => EdgeLength.Sum(l => (double)l);

    public void WriteTo(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(FormatVersion);
        w.Write(NodeCount);
        w.Write(EdgeCount);
        for (var i = 0; i < NodeCount; i++)
        {
            w.Write(Latitudes[i]);
            w.Write(Longitudes[i]);
        }
        for (var e = 0; e < EdgeCount; e++)
        {
            w.Write(EdgeFrom[e]);
            w.Write(EdgeTo[e]);
        }
    }

    public static WalkingNetwork ReadFrom(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var version = r.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unsupported walking network format {version}");
        }
        var nodes = r.ReadInt32();
        var edges = r.ReadInt32();
        if (nodes < 0 || edges < 0)
        {
            throw new InvalidDataException("Corrupt walking network header");
        }
        var lat = new double[nodes];
        var lng = new double[nodes];
        for (var i = 0; i < nodes; i++)
        {
            lat[i] = r.ReadDouble();
            lng[i] = r.ReadDouble();
        }
        var from = new int[edges];
        var to = new int[edges];
        for (var e = 0; e < edges; e++)
        {
            from[e] = r.ReadInt32();
            to[e] = r.ReadInt32();
            if ((uint)from[e] >= (uint)nodes || (uint)to[e] >= (uint)nodes)
            {
                throw new InvalidDataException("Corrupt walking network edge");
            }
        }
        return new WalkingNetwork(lat, lng, from, to);
    }
}

/// <summary>Builds a <see cref="WalkingNetwork"/> from polylines keyed by external node ids (e.g. OSM node ids). Not thread-safe.</summary>
public sealed class WalkingNetworkBuilder
{
    private readonly Dictionary<long, int> _index = [];
    private readonly List<double> _lat = [];
    private readonly List<double> _lng = [];
    private readonly List<int> _from = [];
    private readonly List<int> _to = [];
    private readonly HashSet<(int, int)> _seen = [];

    public int EdgeCount => _from.Count;

    private int NodeOf(long id, GeoPoint p)
    {
        if (!_index.TryGetValue(id, out var n))
        {
            n = _lat.Count;
            _index[id] = n;
            _lat.Add(p.Latitude);
            _lng.Add(p.Longitude);
        }
        return n;
    }

    /// <summary>Adds one two-way segment; duplicates and zero-length loops are ignored.</summary>
    public void AddSegment(long idA, GeoPoint a, long idB, GeoPoint b)
    {
        if (idA == idB)
        {
            return;
        }
        var u = NodeOf(idA, a);
        var v = NodeOf(idB, b);
        if (_seen.Add(u < v ? (u, v) : (v, u)))
        {
            _from.Add(u);
            _to.Add(v);
        }
    }

    /// <summary>Adds a polyline as consecutive segments.</summary>
    public void AddPolyline(IReadOnlyList<(long Id, GeoPoint Point)> vertices)
    {
        for (var i = 1; i < vertices.Count; i++)
        {
            AddSegment(vertices[i - 1].Id, vertices[i - 1].Point, vertices[i].Id, vertices[i].Point);
        }
    }

    public WalkingNetwork Build() => new([.. _lat], [.. _lng], [.. _from], [.. _to]);
}
