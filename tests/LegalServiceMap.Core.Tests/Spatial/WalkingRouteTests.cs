using LegalServiceMap.Core.Tests.Fixtures;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Spatial.Routes;
using static LegalServiceMap.Core.Tests.Spatial.Fixtures.SyntheticNetworks;

namespace LegalServiceMap.Core.Tests.Spatial;

public sealed class WalkingRouteTests
{
    /// <summary>Legs given by a fixed matrix, to test the ordering alone.</summary>
    private sealed class MatrixLegs(double[,] d) : ILegDistances
    {
        public LegMatrix Measure(IReadOnlyList<GeoPoint> points)
        {
            var m = new LegMatrix(points.Count);
            for (var i = 0; i < points.Count; i++)
                for (var j = 0; j < points.Count; j++)
                {
                    m.Metres[i, j] = d[i, j];
                    m.OnNetwork[i, j] = true;
                    m.Paths[i, j] = [points[i], points[j]];
                }
            return m;
        }
    }

    private static List<RouteStop> Stops(int n) =>
        Enumerable.Range(0, n).Select(i => new RouteStop($"s{i}", At(i * 10, 0), true)).ToList();

    private static double[,] RandomSymmetric(int n, int seed)
    {
        var random = new Random(seed);
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                d[i, j] = d[j, i] = 100 + random.Next(2000);
        return d;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var p in Permutations(rest)) yield return [items[i], .. p];
        }
    }

    private static int[] Indices(WalkingRoute route) => route.Stops.Select(s => int.Parse(s.Id[1..])).ToArray();

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    [InlineData(7, 3)]
    [InlineData(8, 4)]
    public void ExactOrder_IsTheShortestOfAllOrders(int n, int seed)
    {
        var d = RandomSymmetric(n, seed);
        var route = WalkingRoutePlanner.Plan(Stops(n), new MatrixLegs(d), 5);

        var best = Permutations(Enumerable.Range(0, n).ToArray()).Min(p => WalkingRoutePlanner.Length(d, p));
        Assert.Equal(n, route.Stops.Select(s => s.Id).Distinct().Count());
        Assert.Equal(best, route.TotalMetres, 6);
        Assert.Equal(route.TotalMetres, WalkingRoutePlanner.Length(d, Indices(route)), 6);
    }

    [Fact]
    public void StopsOnALine_AreWalkedEndToEnd()
    {
        // Five stops 100 m apart on a line, listed out of order: the shortest open walk goes from one end to the other.
        var stops = new[] { 3, 0, 4, 1, 2 }.Select(i => new RouteStop($"s{i}", At(i * 100, 0), true)).ToList();
        var route = WalkingRoutePlanner.Plan(stops, new StraightLineLegs(1.0), 5);

        var order = Indices(route);
        Assert.True(order.SequenceEqual([0, 1, 2, 3, 4]) || order.SequenceEqual([4, 3, 2, 1, 0]), string.Join(",", order));
        Assert.Equal(400, route.TotalMetres, 0);
        Assert.Equal(400 / (5000.0 / 3600), route.TotalSeconds, 1);
    }

    [Fact]
    public void FixedStart_BeginsThereAndVisitsEveryStop()
    {
        var stops = Enumerable.Range(1, 4).Select(i => new RouteStop($"s{i}", At(i * 100, 0), true)).ToList();
        var start = new RouteStop("s0", At(450, 0), true); // east of every stop: walk west
        var route = WalkingRoutePlanner.Plan(stops, new StraightLineLegs(1.0), 5, start);

        Assert.Equal("s0", route.Stops[0].Id);
        Assert.Equal([0, 4, 3, 2, 1], Indices(route));
        Assert.Equal(350, route.TotalMetres, 0);
    }

    [Fact]
    public void ManyStops_UseTheHeuristic_AndStayCloseToOptimal()
    {
        // 20 stops on a line, shuffled: the exact answer is known (end to end, 1,900 m); 2-opt finds it.
        var random = new Random(7);
        var stops = Enumerable.Range(0, 20).OrderBy(_ => random.Next()).Select(i => new RouteStop($"s{i}", At(i * 100, 0), true)).ToList();
        var route = WalkingRoutePlanner.Plan(stops, new StraightLineLegs(1.0), 5);

        Assert.True(stops.Count > WalkingRoutePlanner.ExactLimit);
        Assert.Equal(20, route.Stops.Select(s => s.Id).Distinct().Count());
        Assert.Equal(1900, route.TotalMetres, 0);
    }

    [Fact]
    public void ApproximateStops_MakeTheRouteApproximate()
    {
        var stops = new List<RouteStop> { new("a", At(0, 0), true), new("b", At(100, 0), false) };
        var route = WalkingRoutePlanner.Plan(stops, new StraightLineLegs(1.3), 5);
        Assert.True(route.Approximate);
        Assert.False(route.OnNetwork);
        Assert.Equal(130, route.TotalMetres, 0);
    }

    [Fact]
    public void NoStops_GiveAnEmptyRoute()
    {
        var route = WalkingRoutePlanner.Plan([], new StraightLineLegs(), 5);
        Assert.Empty(route.Stops);
        Assert.Equal(0, route.TotalMetres);
    }

    [Fact]
    public void NetworkLegs_FollowTheGrid_WithManhattanDistancesAndConnectedPaths()
    {
        var grid = Grid(11, 100);
        var points = new[] { At(0, 0), At(300, 400), At(1000, 1000) };
        var m = new NetworkLegs(grid).Measure(points);

        Assert.Equal(700, m.Metres[0, 1], 0);
        Assert.Equal(1300, m.Metres[1, 2], 0);
        Assert.Equal(2000, m.Metres[0, 2], 0);
        Assert.True(m.OnNetwork[0, 2]);
        // The path follows streets: its length equals the network distance (no diagonal shortcuts).
        var path = m.Paths[0, 2];
        var length = path.Zip(path.Skip(1)).Sum(p => p.First.DistanceTo(p.Second));
        Assert.Equal(2000, length, 0);
        Assert.Equal(points[0], path[0]);
        Assert.Equal(points[2], path[^1]);
    }

    [Fact]
    public void NetworkLegs_CrossTheRiverOnlyByTheBridge()
    {
        var river = RiverWithOneBridge();
        // From the west bank's north-east corner to the east bank's north-west corner: 200 m as the crow flies,
        // but the only bridge is 1 km south: 1,000 + 200 + 1,000 m.
        var m = new NetworkLegs(river).Measure([At(1000, 1000), At(1200, 1000)]);
        Assert.Equal(2200, m.Metres[0, 1], 0);
    }

    [Fact]
    public void NetworkLegs_PointsOffTheNetwork_FallBackToTheEstimate()
    {
        var grid = Grid(11, 100);
        var far = At(3000, 3000); // ~2.8 km from the grid: cannot snap
        var m = new NetworkLegs(grid, maxSnapMetres: 300, detourFactor: 1.3).Measure([At(1000, 1000), far]);
        Assert.False(m.OnNetwork[0, 1]);
        Assert.Equal(At(1000, 1000).DistanceTo(far) * 1.3, m.Metres[0, 1], 3);
    }

    [Fact]
    public void NetworkLegs_SameStreetSegment_MeasureAlongIt()
    {
        var grid = Grid(11, 100);
        var m = new NetworkLegs(grid).Measure([At(120, 0), At(180, 0)]);
        Assert.Equal(60, m.Metres[0, 1], 1);
        Assert.True(m.OnNetwork[0, 1]);
    }

    [SkippableFact]
    public void RouteOnTheRealSample_IsShorterThanAnyOtherOrder()
    {
        RepoPaths.RequireSharedData();
        using var stream = File.OpenRead(Path.Combine(RepoPaths.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm"));
        var network = OsmImporter.Import(stream, OsmFormat.Xml);
        // Four points in the extract (south-east Jing'an / People's Square).
        var stops = new List<RouteStop>
        {
            new("s0", new GeoPoint(31.2245, 121.4700), true),
            new("s1", new GeoPoint(31.2330, 121.4650), true),
            new("s2", new GeoPoint(31.2290, 121.4780), true),
            new("s3", new GeoPoint(31.2380, 121.4720), true),
        };
        var legs = new NetworkLegs(network);
        var route = WalkingRoutePlanner.Plan(stops, legs, 5);
        var d = legs.Measure(stops.Select(s => s.Point).ToList()).Metres;

        Assert.True(route.OnNetwork);
        var best = Permutations([0, 1, 2, 3]).Min(p => WalkingRoutePlanner.Length(d, p));
        Assert.Equal(best, route.TotalMetres, 3);
        // Streets are never shorter than the straight line.
        foreach (var leg in route.Legs)
        {
            Assert.True(leg.Metres >= leg.From.Point.DistanceTo(leg.To.Point) - 1);
        }
    }
}
