using LegalServiceMap.Core.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace LegalServiceMap.Core.Spatial;

/// <summary>
/// A static spatial index of items with WGS-84 positions, stored in <see cref="LocalProjection"/> metres
/// in an NTS <see cref="STRtree{T}"/>. Built once; querying a built index is thread-safe.
/// Reported distances are great-circle metres.
/// </summary>
public sealed class PointIndex<T>
{
    private sealed record Entry(T Item, GeoPoint Point, double X, double Y);

    private sealed class EntryDistance : IItemDistance<Envelope, Entry>
    {
        public double Distance(IBoundable<Envelope, Entry> item1, IBoundable<Envelope, Entry> item2)
        {
            var a = item1.Item;
            var b = item2.Item;
            var dx = a.X - b.X;
            var dy = a.Y - b.Y;
            return Math.Sqrt(dx * dx + dy * dy);
        }
    }

    private static readonly EntryDistance Metric = new();
    private readonly STRtree<Entry> _tree = new();
    private readonly LocalProjection _projection;

    public int Count { get; }

    /// <param name="items">Items; those whose position is null or invalid are left out.</param>
    public PointIndex(IEnumerable<T> items, Func<T, GeoPoint?> position, LocalProjection? projection = null)
    {
        _projection = projection ?? LocalProjection.Shanghai;
        foreach (var item in items)
        {
            if (position(item) is not { IsValid: true } p)
            {
                continue;
            }
            var (x, y) = _projection.Project(p);
            _tree.Insert(new Envelope(x, x, y, y), new Entry(item, p, x, y));
            Count++;
        }
        _tree.Build();
    }

    /// <summary>The <paramref name="k"/> items nearest to <paramref name="origin"/>, nearest first.</summary>
    public IReadOnlyList<(T Item, double DistanceMetres)> Nearest(GeoPoint origin, int k)
    {
        if (k <= 0 || Count == 0)
        {
            return [];
        }
        var (x, y) = _projection.Project(origin);
        var probe = new Entry(default!, origin, x, y);
        var found = _tree.NearestNeighbour(new Envelope(x, x, y, y), probe, Metric, Math.Min(k, Count));
        return found
            .Select(e => (e.Item, origin.DistanceTo(e.Point)))
            .OrderBy(r => r.Item2)
            .ToList();
    }

    /// <summary>Items inside a WGS-84 box, unordered.</summary>
    public IReadOnlyList<T> Within(GeoBox box)
    {
        if (Count == 0)
        {
            return [];
        }
        var (x1, y1) = _projection.Project(new GeoPoint(box.South, box.West));
        var (x2, y2) = _projection.Project(new GeoPoint(box.North, box.East));
        return _tree.Query(new Envelope(x1, x2, y1, y2)).Where(e => box.Contains(e.Point)).Select(e => e.Item).ToList();
    }

    /// <summary>Items within <paramref name="radiusMetres"/> great-circle metres, nearest first.</summary>
    public IReadOnlyList<(T Item, double DistanceMetres)> WithinRadius(GeoPoint origin, double radiusMetres)
    {
        if (Count == 0 || !(radiusMetres >= 0))
        {
            return [];
        }
        var (x, y) = _projection.Project(origin);
        // Pad the search box by 1 % for the projection's small scale error.
        var r = radiusMetres * 1.01;
        return _tree.Query(new Envelope(x - r, x + r, y - r, y + r))
            .Select(e => (e.Item, origin.DistanceTo(e.Point)))
            .Where(t => t.Item2 <= radiusMetres)
            .OrderBy(t => t.Item2)
            .ToList();
    }
}
