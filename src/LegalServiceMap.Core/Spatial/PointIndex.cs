using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Spatial;

/// <summary>
/// A static spatial index of items with WGS-84 positions: a uniform grid of buckets in <see cref="LocalProjection"/>
/// metres (about two items per cell), searched ring by ring for nearest neighbours. Built once; querying a built
/// index is thread-safe. Ranking uses projected metres (error well under 0.5 % across a city); reported distances
/// are great-circle metres.
/// </summary>
public sealed class PointIndex<T>
{
    private readonly T[] _items;
    private readonly GeoPoint[] _points;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly int[] _cellStart;
    private readonly LocalProjection _projection;
    private readonly double _minX, _minY, _cell;
    private readonly int _width, _height;

    public int Count { get; }

    /// <param name="items">Items; those whose position is null or invalid are left out.</param>
    public PointIndex(IEnumerable<T> items, Func<T, GeoPoint?> position, LocalProjection? projection = null)
    {
        _projection = projection ?? LocalProjection.Shanghai;
        var kept = new List<(T Item, GeoPoint Point, double X, double Y)>();
        foreach (var item in items)
        {
            if (position(item) is not { IsValid: true } p) continue;
            var (x, y) = _projection.Project(p);
            kept.Add((item, p, x, y));
        }
        Count = kept.Count;
        if (Count == 0)
        {
            _items = [];
            _points = [];
            _x = _y = [];
            _cellStart = [0, 0];
            _width = _height = 1;
            _cell = 1;
            return;
        }

        _minX = kept.Min(k => k.X);
        _minY = kept.Min(k => k.Y);
        var spanX = Math.Max(kept.Max(k => k.X) - _minX, 1);
        var spanY = Math.Max(kept.Max(k => k.Y) - _minY, 1);
        // About two items per cell, at least 10 m, and never more than 4 cells per item.
        _cell = Math.Max(10, Math.Sqrt(spanX * spanY * 2 / Count));
        while ((spanX / _cell + 1) * (spanY / _cell + 1) > 4.0 * Count + 16) _cell *= 1.5;
        _width = (int)(spanX / _cell) + 1;
        _height = (int)(spanY / _cell) + 1;

        // Counting sort of the items by cell (compressed rows).
        var cellOf = new int[Count];
        _cellStart = new int[_width * _height + 1];
        for (var i = 0; i < Count; i++)
        {
            cellOf[i] = CellIndex(kept[i].X, kept[i].Y);
            _cellStart[cellOf[i] + 1]++;
        }
        for (var c = 0; c < _width * _height; c++) _cellStart[c + 1] += _cellStart[c];
        var fill = (int[])_cellStart.Clone();
        _items = new T[Count];
        _points = new GeoPoint[Count];
        _x = new double[Count];
        _y = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var slot = fill[cellOf[i]]++;
            (_items[slot], _points[slot], _x[slot], _y[slot]) = kept[i];
        }
    }

    private int CellIndex(double x, double y) => CellY(y) * _width + CellX(x);
    private int CellX(double x) => Math.Clamp((int)((x - _minX) / _cell), 0, _width - 1);
    private int CellY(double y) => Math.Clamp((int)((y - _minY) / _cell), 0, _height - 1);

    /// <summary>The <paramref name="k"/> items nearest to <paramref name="origin"/>, nearest first.</summary>
    public IReadOnlyList<(T Item, double DistanceMetres)> Nearest(GeoPoint origin, int k)
    {
        if (k <= 0 || Count == 0) return [];
        k = Math.Min(k, Count);
        var (ox, oy) = _projection.Project(origin);
        int ci = CellX(ox), cj = CellY(oy);
        // Best k so far, sorted by squared projected distance.
        var best = new int[k];
        var bestD = new double[k];
        var found = 0;
        var maxRing = Math.Max(_width, _height);
        for (var r = 0; r <= maxRing; r++)
        {
            for (var j = cj - r; j <= cj + r; j++)
            {
                if (j < 0 || j >= _height) continue;
                var edgeRow = j == cj - r || j == cj + r;
                for (var i = ci - r; i <= ci + r; i += edgeRow ? 1 : 2 * r)
                {
                    if (i >= 0 && i < _width) Scan(j * _width + i);
                    if (r == 0) break;
                }
            }
            // Everything in rings beyond r is at least r cells away.
            if (found == k && bestD[k - 1] <= (r * _cell) * (r * _cell)) break;
        }

        var result = new (T, double)[found];
        for (var n = 0; n < found; n++) result[n] = (_items[best[n]], origin.DistanceTo(_points[best[n]]));
        Array.Sort(result, (a, b) => a.Item2.CompareTo(b.Item2));
        return result;

        void Scan(int cell)
        {
            for (var s = _cellStart[cell]; s < _cellStart[cell + 1]; s++)
            {
                double dx = _x[s] - ox, dy = _y[s] - oy, d = dx * dx + dy * dy;
                if (found == k && d >= bestD[k - 1]) continue;
                var pos = found == k ? k - 1 : found++;
                while (pos > 0 && bestD[pos - 1] > d)
                {
                    best[pos] = best[pos - 1];
                    bestD[pos] = bestD[pos - 1];
                    pos--;
                }
                best[pos] = s;
                bestD[pos] = d;
            }
        }
    }

    /// <summary>Items inside a WGS-84 box, unordered.</summary>
    public IReadOnlyList<T> Within(GeoBox box)
    {
        if (Count == 0) return [];
        var (x1, y1) = _projection.Project(new GeoPoint(box.South, box.West));
        var (x2, y2) = _projection.Project(new GeoPoint(box.North, box.East));
        var result = new List<T>();
        foreach (var s in SlotsIn(x1, y1, x2, y2))
        {
            if (box.Contains(_points[s])) result.Add(_items[s]);
        }
        return result;
    }

    /// <summary>Items within <paramref name="radiusMetres"/> great-circle metres, nearest first.</summary>
    public IReadOnlyList<(T Item, double DistanceMetres)> WithinRadius(GeoPoint origin, double radiusMetres)
    {
        if (Count == 0 || !(radiusMetres >= 0)) return [];
        var (x, y) = _projection.Project(origin);
        // Pad the search box by 1 % for the projection's small scale error.
        var r = radiusMetres * 1.01;
        var result = new List<(T, double)>();
        foreach (var s in SlotsIn(x - r, y - r, x + r, y + r))
        {
            var d = origin.DistanceTo(_points[s]);
            if (d <= radiusMetres) result.Add((_items[s], d));
        }
        result.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return result;
    }

    private IEnumerable<int> SlotsIn(double x1, double y1, double x2, double y2)
    {
        if (x2 < _minX || y2 < _minY || x1 > _minX + _width * _cell || y1 > _minY + _height * _cell) yield break;
        int i0 = CellX(x1), i1 = CellX(x2), j0 = CellY(y1), j1 = CellY(y2);
        for (var j = j0; j <= j1; j++)
        {
            for (var s = _cellStart[j * _width + i0]; s < _cellStart[j * _width + i1 + 1]; s++)
            {
                yield return s;
            }
        }
    }
}
