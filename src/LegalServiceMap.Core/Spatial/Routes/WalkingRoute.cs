using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Spatial.Routes;

/// <summary>A place the walk visits. <paramref name="Precise"/> is false when its position is only approximate.</summary>
public sealed record RouteStop(string Id, GeoPoint Point, bool Precise);

/// <summary>One leg of the walk: metres between two stops, on the street network or estimated (straight line × detour).</summary>
public sealed record RouteLeg(RouteStop From, RouteStop To, double Metres, bool OnNetwork, IReadOnlyList<GeoPoint> Path);

/// <summary>
/// A suggested walk through every stop, in the order that keeps it shortest. <see cref="Approximate"/> is true when a
/// stop's position is approximate or a leg had to be estimated off the network.
/// </summary>
public sealed record WalkingRoute(IReadOnlyList<RouteStop> Stops, IReadOnlyList<RouteLeg> Legs, double SpeedKmh)
{
    public double TotalMetres => Legs.Sum(l => l.Metres);
    public double TotalSeconds => TotalMetres / (SpeedKmh * 1000.0 / 3600.0);
    public bool OnNetwork => Legs.Count > 0 && Legs.All(l => l.OnNetwork);
    public bool Approximate => Stops.Any(s => !s.Precise) || Legs.Any(l => !l.OnNetwork);
}

/// <summary>Walking distances between a set of points, computed once for all pairs.</summary>
public interface ILegDistances
{
    /// <summary>Distances (and paths) between every pair of <paramref name="points"/>.</summary>
    LegMatrix Measure(IReadOnlyList<GeoPoint> points);
}

/// <summary>All-pairs result of <see cref="ILegDistances.Measure"/>.</summary>
public sealed class LegMatrix(int count)
{
    public int Count { get; } = count;
    public double[,] Metres { get; } = new double[count, count];
    public bool[,] OnNetwork { get; } = new bool[count, count];
    public IReadOnlyList<GeoPoint>[,] Paths { get; } = new IReadOnlyList<GeoPoint>[count, count];
}

/// <summary>Estimates each leg as the straight line times a detour factor (no street network needed).</summary>
public sealed class StraightLineLegs(double detourFactor = 1.3) : ILegDistances
{
    public LegMatrix Measure(IReadOnlyList<GeoPoint> points)
    {
        var m = new LegMatrix(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < points.Count; j++)
            {
                m.Metres[i, j] = i == j ? 0 : points[i].DistanceTo(points[j]) * detourFactor;
                m.Paths[i, j] = [points[i], points[j]];
            }
        }
        return m;
    }
}

/// <summary>
/// Orders stops into the shortest open walk (no return to the start): exact (Held–Karp dynamic programming) up to
/// <see cref="ExactLimit"/> stops, nearest neighbour improved by 2-opt beyond. With a fixed start, the walk begins there.
/// </summary>
public static class WalkingRoutePlanner
{
    public const int ExactLimit = 12;

    public static WalkingRoute Plan(IReadOnlyList<RouteStop> stops, ILegDistances distances, double speedKmh, RouteStop? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedKmh);
        var all = start is null ? stops.ToList() : [start, .. stops];
        if (all.Count == 0)
        {
            return new WalkingRoute([], [], speedKmh);
        }
        var matrix = distances.Measure(all.Select(s => s.Point).ToList());
        var order = all.Count <= ExactLimit
            ? ExactOrder(matrix.Metres, all.Count, fixedStart: start is not null)
            : HeuristicOrder(matrix.Metres, all.Count, fixedStart: start is not null);
        var legs = new List<RouteLeg>(order.Length - 1);
        for (var k = 1; k < order.Length; k++)
        {
            var (a, b) = (order[k - 1], order[k]);
            legs.Add(new RouteLeg(all[a], all[b], matrix.Metres[a, b], matrix.OnNetwork[a, b], matrix.Paths[a, b]));
        }
        return new WalkingRoute(order.Select(i => all[i]).ToList(), legs, speedKmh);
    }

    /// <summary>Total length of visiting <paramref name="order"/> in sequence.</summary>
    public static double Length(double[,] d, IReadOnlyList<int> order)
    {
        var total = 0.0;
        for (var k = 1; k < order.Count; k++) total += d[order[k - 1], order[k]];
        return total;
    }

    private static int[] ExactOrder(double[,] d, int n, bool fixedStart)
    {
        if (n == 1) return [0];
        var full = 1 << n;
        var best = new double[full, n];
        var previous = new int[full, n];
        for (var s = 0; s < full; s++)
            for (var j = 0; j < n; j++) best[s, j] = double.PositiveInfinity;
        for (var j = 0; j < n; j++)
        {
            if (!fixedStart || j == 0) best[1 << j, j] = 0;
        }
        for (var s = 1; s < full; s++)
        {
            for (var j = 0; j < n; j++)
            {
                if ((s & (1 << j)) == 0 || double.IsPositiveInfinity(best[s, j])) continue;
                for (var k = 0; k < n; k++)
                {
                    if ((s & (1 << k)) != 0) continue;
                    var next = s | (1 << k);
                    var length = best[s, j] + d[j, k];
                    if (length < best[next, k])
                    {
                        best[next, k] = length;
                        previous[next, k] = j;
                    }
                }
            }
        }
        var last = 0;
        for (var j = 1; j < n; j++)
        {
            if (best[full - 1, j] < best[full - 1, last]) last = j;
        }
        var order = new int[n];
        var set = full - 1;
        for (var k = n - 1; k >= 0; k--)
        {
            order[k] = last;
            var p = previous[set, last];
            set &= ~(1 << last);
            last = p;
        }
        return order;
    }

    private static int[] HeuristicOrder(double[,] d, int n, bool fixedStart)
    {
        int[]? best = null;
        var bestLength = double.PositiveInfinity;
        for (var first = 0; first < (fixedStart ? 1 : n); first++)
        {
            var order = new List<int> { first };
            var used = new bool[n];
            used[first] = true;
            while (order.Count < n)
            {
                var from = order[^1];
                var next = Enumerable.Range(0, n).Where(k => !used[k]).MinBy(k => d[from, k]);
                used[next] = true;
                order.Add(next);
            }
            TwoOpt(d, order);
            var length = Length(d, order);
            if (length < bestLength) (best, bestLength) = (order.ToArray(), length);
        }
        return best!;
    }

    /// <summary>Reverses stretches of an open path while that shortens it; the first stop stays first.</summary>
    private static void TwoOpt(double[,] d, List<int> order)
    {
        bool improved;
        do
        {
            improved = false;
            for (var i = 1; i < order.Count - 1; i++)
            {
                for (var j = i + 1; j < order.Count; j++)
                {
                    var before = d[order[i - 1], order[i]] + (j + 1 < order.Count ? d[order[j], order[j + 1]] : 0);
                    var after = d[order[i - 1], order[j]] + (j + 1 < order.Count ? d[order[i], order[j + 1]] : 0);
                    if (after < before - 1e-9)
                    {
                        order.Reverse(i, j - i + 1);
                        improved = true;
                    }
                }
            }
        } while (improved);
    }
}
