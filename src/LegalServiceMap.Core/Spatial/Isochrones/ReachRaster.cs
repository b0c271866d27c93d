using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Spatial.Isochrones;

/// <summary>
/// A boolean grid in projected metres. Reached street stretches are stamped with a lateral reach (the frontage a
/// pedestrian on that street can get to), then the filled cells are traced into polygons with holes. Before tracing,
/// every "saddle" (two filled cells touching only at a corner) is closed by filling one neighbouring cell, so rings
/// never touch themselves and the polygons are always valid (OGC). Not thread-safe; cheap to create per request.
/// </summary>
public sealed class ReachRaster
{
    private readonly bool[] _cells;

    public ReachRaster(double minX, double minY, double maxX, double maxY, double cellMetres)
    {
        CellMetres = cellMetres;
        MinX = minX;
        MinY = minY;
        Width = Math.Max(1, (int)Math.Ceiling((maxX - minX) / cellMetres));
        Height = Math.Max(1, (int)Math.Ceiling((maxY - minY) / cellMetres));
        _cells = new bool[Width * Height];
    }

    public double MinX { get; }
    public double MinY { get; }
    public double CellMetres { get; }
    public int Width { get; }
    public int Height { get; }

    public bool this[int i, int j]
    {
        get => i >= 0 && j >= 0 && i < Width && j < Height && _cells[j * Width + i];
        set
        {
            if (i >= 0 && j >= 0 && i < Width && j < Height) _cells[j * Width + i] = value;
        }
    }

    public int FilledCount => _cells.Count(c => c);

    /// <summary>Area of the filled cells in square metres.</summary>
    public double FilledAreaSquareMetres => FilledCount * CellMetres * CellMetres;

    /// <summary>Fills every cell whose centre lies within <paramref name="radius"/> metres of the segment.</summary>
    public void StampSegment(double x1, double y1, double x2, double y2, double radius)
    {
        var c = CellMetres;
        var i0 = (int)Math.Floor((Math.Min(x1, x2) - radius - MinX) / c);
        var i1 = (int)Math.Floor((Math.Max(x1, x2) + radius - MinX) / c);
        var j0 = (int)Math.Floor((Math.Min(y1, y2) - radius - MinY) / c);
        var j1 = (int)Math.Floor((Math.Max(y1, y2) + radius - MinY) / c);
        i0 = Math.Max(i0, 0); j0 = Math.Max(j0, 0); i1 = Math.Min(i1, Width - 1); j1 = Math.Min(j1, Height - 1);
        double dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy, r2 = radius * radius;
        for (var j = j0; j <= j1; j++)
        {
            var cy = MinY + (j + 0.5) * c;
            for (var i = i0; i <= i1; i++)
            {
                var cx = MinX + (i + 0.5) * c;
                var t = len2 == 0 ? 0 : Math.Clamp(((cx - x1) * dx + (cy - y1) * dy) / len2, 0, 1);
                double px = x1 + t * dx - cx, py = y1 + t * dy - cy;
                if (px * px + py * py <= r2) _cells[j * Width + i] = true;
            }
        }
    }

    /// <summary>Stamps the stretch of an edge between two fractions of its length from EdgeFrom (clamped to 0..1).</summary>
    public void StampEdge(WalkingNetwork network, int edge, double from, double to, double radius)
    {
        from = Math.Clamp(from, 0, 1);
        to = Math.Clamp(to, 0, 1);
        int u = network.EdgeFrom[edge], v = network.EdgeTo[edge];
        double x1 = network.X[u], y1 = network.Y[u], dx = network.X[v] - x1, dy = network.Y[v] - y1;
        StampSegment(x1 + from * dx, y1 + from * dy, x1 + to * dx, y1 + to * dy, radius);
    }

    /// <summary>Stamps every stretch of street the last Dijkstra run in <paramref name="w"/> reached within <paramref name="budgetMetres"/>.</summary>
    public void StampReached(WalkingNetwork network, DijkstraWorkspace w, double budgetMetres, double radius) =>
        ShortestPaths.ForEachCoveredEdge(network, w, budgetMetres, (edge, a, b) =>
        {
            if (a >= b)
            {
                StampEdge(network, edge, 0, 1, radius);
                return;
            }
            if (a > 0) StampEdge(network, edge, 0, a, radius);
            if (b < 1) StampEdge(network, edge, b, 1, radius);
        });

    /// <summary>Traces the filled cells into WGS-84 polygons (x = longitude, y = latitude); empty when nothing is filled.</summary>
    public Geometry ToGeometry(GeometryFactory factory, LocalProjection projection)
    {
        CloseSaddles();
        // Directed boundary edges with the filled cell on their left; directions 0:+x 1:+y 2:-x 3:-y.
        var outgoing = new Dictionary<long, byte>();
        for (var j = 0; j < Height; j++)
        {
            for (var i = 0; i < Width; i++)
            {
                if (!this[i, j]) continue;
                if (!this[i, j - 1]) Add(outgoing, i, j, 0);
                if (!this[i + 1, j]) Add(outgoing, i + 1, j, 1);
                if (!this[i, j + 1]) Add(outgoing, i + 1, j + 1, 2);
                if (!this[i - 1, j]) Add(outgoing, i, j + 1, 3);
            }
        }

        var shells = new List<(LinearRing Ring, Polygon Area, double Size)>();
        var holes = new List<(LinearRing Ring, Coordinate Inside)>();
        var starts = outgoing.Keys.ToList();
        var nextStart = 0;
        while (outgoing.Count > 0)
        {
            while (!outgoing.ContainsKey(starts[nextStart])) nextStart++;
            var startKey = starts[nextStart];
            var bits = outgoing[startKey];
            var (si, sj) = Unpack(startKey);
            var startDir = LowestBit(bits);
            var dir = startDir;
            var corners = new List<(int I, int J)>();
            int ci = si, cj = sj, prevDir = -1;
            double area2 = 0;
            while (true)
            {
                Take(outgoing, ci, cj, dir);
                if (dir != prevDir) corners.Add((ci, cj));
                var (ni, nj) = Step(ci, cj, dir);
                area2 += (double)ci * nj - (double)ni * cj;
                ci = ni; cj = nj; prevDir = dir;
                var available = outgoing.TryGetValue(Pack(ci, cj), out var b) ? b : (byte)0;
                if (ci == si && cj == sj)
                {
                    // Closed when the turning rule would take the start edge again.
                    var next = Prefer((byte)(available | (1 << startDir)), dir);
                    if (next == startDir || next < 0) break;
                    dir = next;
                    continue;
                }
                dir = Prefer(available, dir);
                if (dir < 0) break;
            }
            // The start corner is dropped when the ring ends going the same way it started.
            if (prevDir == startDir && corners.Count > 0 && corners[0] == (si, sj)) corners.RemoveAt(0);
            if (corners.Count < 3) continue;
            var coords = corners.Select(p => ToCoordinate(p.I, p.J, projection)).ToList();
            coords.Add(coords[0].Copy());
            var ring = factory.CreateLinearRing(coords.ToArray());
            if (area2 > 0)
            {
                shells.Add((ring, factory.CreatePolygon(ring), area2));
            }
            else
            {
                // The right side of a hole's first edge is inside the hole.
                var (fi, fj) = corners[0];
                var (gi, gj) = corners[1];
                double mx = (fi + gi) / 2.0, my = (fj + gj) / 2.0;
                double nx = Math.Sign(gj - fj) * 0.5, ny = -Math.Sign(gi - fi) * 0.5;
                var inside = ToCoordinate(mx + nx, my + ny, projection);
                holes.Add((ring, inside));
            }
        }

        var holesOf = shells.Select(_ => new List<LinearRing>()).ToList();
        // Each hole goes in the smallest shell around it: a point-in-ring test on the shell's own coordinates (a full
        // Polygon.Contains builds a topology graph per call, and a walk has hundreds of holes).
        foreach (var (ring, inside) in holes)
        {
            var best = -1;
            for (var k = 0; k < shells.Count; k++)
            {
                if ((shells.Count == 1 || NetTopologySuite.Algorithm.PointLocation.IsInRing(inside, shells[k].Ring.Coordinates))
                    && (best < 0 || shells[k].Size < shells[best].Size)) best = k;
            }
            if (best >= 0) holesOf[best].Add(ring);
        }
        var polygons = shells.Select((s, k) => factory.CreatePolygon(s.Ring, holesOf[k].ToArray())).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>Fills one empty cell of every 2 × 2 block whose filled cells touch only diagonally, until none is left.</summary>
    public void CloseSaddles()
    {
        bool changed;
        do
        {
            changed = false;
            for (var j = 0; j + 1 < Height; j++)
            {
                for (var i = 0; i + 1 < Width; i++)
                {
                    bool a = this[i, j], b = this[i + 1, j], c = this[i, j + 1], d = this[i + 1, j + 1];
                    if (a && d && !b && !c)
                    {
                        this[i + 1, j] = true;
                        changed = true;
                    }
                    else if (b && c && !a && !d)
                    {
                        this[i, j] = true;
                        changed = true;
                    }
                }
            }
        }
        while (changed);
    }

    private Coordinate ToCoordinate(double i, double j, LocalProjection projection)
    {
        var p = projection.Unproject(MinX + i * CellMetres, MinY + j * CellMetres);
        return new Coordinate(p.Longitude, p.Latitude);
    }

    // Prefer a left turn, then straight on, then a right turn: keeps corner-touching cells in separate rings.
    private static int Prefer(byte available, int dir)
    {
        foreach (var candidate in new[] { (dir + 1) % 4, dir, (dir + 3) % 4 })
        {
            if ((available & (1 << candidate)) != 0) return candidate;
        }
        return -1;
    }

    private static (int, int) Step(int i, int j, int dir) => dir switch
    {
        0 => (i + 1, j),
        1 => (i, j + 1),
        2 => (i - 1, j),
        _ => (i, j - 1),
    };

    private static long Pack(int i, int j) => ((long)i << 32) | (uint)j;
    private static (int, int) Unpack(long key) => ((int)(key >> 32), (int)(key & 0xffffffff));

    private static void Add(Dictionary<long, byte> map, int i, int j, int dir)
    {
        var key = Pack(i, j);
        map[key] = (byte)((map.TryGetValue(key, out var b) ? b : 0) | (1 << dir));
    }

    private static void Take(Dictionary<long, byte> map, int i, int j, int dir)
    {
        var key = Pack(i, j);
        var b = (byte)(map[key] & ~(1 << dir));
        if (b == 0) map.Remove(key); else map[key] = b;
    }

    private static int LowestBit(byte b)
    {
        for (var d = 0; d < 4; d++) if ((b & (1 << d)) != 0) return d;
        return -1;
    }
}
