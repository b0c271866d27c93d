using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Tests.Spatial.Fixtures;

namespace LegalServiceMap.Core.Tests.Spatial;

public class NetworkTests
{
    [Fact]
    public void Builder_Grid_HasTheExpectedNodesEdgesAndLengths()
    {
        var g = SyntheticNetworks.Grid(5, 100);
        Assert.Equal(25, g.NodeCount);
        Assert.Equal(2 * 5 * 4, g.EdgeCount);
        Assert.All(g.EdgeLength, l => Assert.InRange(l, 99.5, 100.5));
    }

    [Fact]
    public void Builder_DuplicateAndReversedSegments_AreAddedOnce()
    {
        var b = new WalkingNetworkBuilder();
        var a = SyntheticNetworks.At(0, 0);
        var c = SyntheticNetworks.At(100, 0);
        b.AddSegment(1, a, 2, c);
        b.AddSegment(2, c, 1, a);
        b.AddSegment(1, a, 1, a);
        Assert.Equal(1, b.Build().EdgeCount);
    }

    [Fact]
    public void Dijkstra_OnAGrid_ReachesTheManhattanDiamondWithExactDistances()
    {
        var g = SyntheticNetworks.Grid(21, 100);
        var centre = SyntheticNetworks.NodeAt(g, 1000, 1000);
        var w = ShortestPaths.Rent(g);
        ShortestPaths.Run(g, [(centre, 0)], 505, w);

        // |di| + |dj| <= 5 around the centre: 1 + 4·(1+2+3+4+5) = 61 nodes.
        Assert.Equal(61, w.Reached.Count);
        for (var j = 0; j < 21; j++)
        {
            for (var i = 0; i < 21; i++)
            {
                var manhattan = (Math.Abs(i - 10) + Math.Abs(j - 10)) * 100.0;
                var d = w.Distance[SyntheticNetworks.NodeAt(g, i * 100, j * 100)];
                if (manhattan <= 500) Assert.Equal(manhattan, d, manhattan * 0.005 + 0.01);
                else Assert.True(float.IsPositiveInfinity(d));
            }
        }
    }

    [Fact]
    public void Dijkstra_WorkspaceReuse_GivesTheSameAnswer()
    {
        var g = SyntheticNetworks.Grid(21, 100);
        var w = ShortestPaths.Rent(g);
        ShortestPaths.Run(g, [(0, 0)], 1_000, w);
        var first = w.Distance.ToArray();
        ShortestPaths.Run(g, [(SyntheticNetworks.NodeAt(g, 2000, 2000), 0)], 300, w);
        ShortestPaths.Run(g, [(0, 0)], 1_000, w);
        Assert.Equal(first, w.Distance);
    }

    [Fact]
    public void Dijkstra_AcrossTheRiver_GoesRoundByTheOnlyBridge()
    {
        var g = SyntheticNetworks.RiverWithOneBridge();
        var w = ShortestPaths.Rent(g);
        // From the west bank's north-east corner (1000, 1000) to the east bank's north-west corner (1200, 1000):
        // 1000 m south, 200 m over the bridge, 1000 m north.
        var start = SyntheticNetworks.NodeAt(g, 1000, 1000);
        var across = SyntheticNetworks.NodeAt(g, 1200, 1000);
        ShortestPaths.Run(g, [(start, 0)], 5_000, w);
        Assert.Equal(2200, w.Distance[across], 15.0);
    }

    [Fact]
    public void Dijkstra_Island_IsNeverReached()
    {
        var g = SyntheticNetworks.GridAndUnreachableIsland();
        var w = ShortestPaths.Rent(g);
        ShortestPaths.Run(g, [(SyntheticNetworks.NodeAt(g, 500, 500), 0)], 100_000, w);
        Assert.Equal(121, w.Reached.Count);
    }

    [Fact]
    public void Snapper_SnapsToTheNearestEdgeInteriorNotTheNearestNode()
    {
        var g = SyntheticNetworks.Grid(3, 100);
        var snapper = new NetworkSnapper(g);
        // 30 m north of the middle of the south-west edge (0,0)-(100,0).
        var snap = snapper.Snap(SyntheticNetworks.At(50, 30), 100);
        Assert.NotNull(snap);
        Assert.Equal(30, snap.Value.OffsetMetres, 0.5);
        Assert.Equal(0.5, snap.Value.Fraction, 0.01);
        var ends = new[] { g.EdgeFrom[snap.Value.Edge], g.EdgeTo[snap.Value.Edge] }.Select(n => g.Node(n)).ToList();
        Assert.All(ends, p => Assert.True(p.DistanceTo(SyntheticNetworks.At(0, 0)) < 1 || p.DistanceTo(SyntheticNetworks.At(100, 0)) < 1));
    }

    [Fact]
    public void Snapper_PointFarFromAnyStreet_IsNotSnapped()
    {
        var snapper = new NetworkSnapper(SyntheticNetworks.Grid(3, 100));
        Assert.Null(snapper.Snap(SyntheticNetworks.At(1_500, 1_500), 300));
        Assert.Null(new NetworkSnapper(WalkingNetwork.Empty).Snap(SyntheticNetworks.At(0, 0), 300));
    }

    [Fact]
    public void Serialization_RoundTrips()
    {
        var g = SyntheticNetworks.RiverWithOneBridge();
        using var stream = new MemoryStream();
        g.WriteTo(stream);
        stream.Position = 0;
        var back = WalkingNetwork.ReadFrom(stream);
        Assert.Equal(g.Latitudes, back.Latitudes);
        Assert.Equal(g.EdgeFrom, back.EdgeFrom);
        Assert.Equal(g.EdgeTo, back.EdgeTo);
        Assert.Equal(g.AdjacencyStart, back.AdjacencyStart);
    }

    [Fact]
    public void Serialization_CorruptData_Throws()
    {
        using var stream = new MemoryStream([1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0]);
        Assert.ThrowsAny<Exception>(() => WalkingNetwork.ReadFrom(stream));
        using var wrongVersion = new MemoryStream([9, 0, 0, 0]);
        Assert.Throws<InvalidDataException>(() => WalkingNetwork.ReadFrom(wrongVersion));
    }
}
