using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;

namespace LegalServiceMap.Core.Tests.Spatial.Fixtures;

/// <summary>Street networks with known answers, laid out in local metres around a point in Jing'an.</summary>
public static class SyntheticNetworks
{
    public static readonly LocalProjection Projection = LocalProjection.Shanghai;
    public static readonly (double X, double Y) Origin = Projection.Project(new GeoPoint(31.25, 121.45));

    public static GeoPoint At(double eastMetres, double northMetres) =>
        Projection.Unproject(Origin.X + eastMetres, Origin.Y + northMetres);

    /// <summary>Index of the node at (east, north) metres.</summary>
    public static int NodeAt(WalkingNetwork g, double east, double north)
    {
        var p = At(east, north);
        var best = Enumerable.Range(0, g.NodeCount).MinBy(n => g.Node(n).DistanceTo(p));
        Assert.True(g.Node(best).DistanceTo(p) < 0.5, $"no node at ({east}, {north})");
        return best;
    }

    /// <summary>A square grid of n × n nodes, <paramref name="spacing"/> metres apart; node (i, j) has id idBase + j*n + i.</summary>
    public static void AddGrid(WalkingNetworkBuilder b, int n, double spacing, double offsetEast = 0, double offsetNorth = 0, long idBase = 0)
    {
        long Id(int i, int j) => idBase + j * n + i;
        GeoPoint P(int i, int j) => At(offsetEast + i * spacing, offsetNorth + j * spacing);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                if (i + 1 < n) b.AddSegment(Id(i, j), P(i, j), Id(i + 1, j), P(i + 1, j));
                if (j + 1 < n) b.AddSegment(Id(i, j), P(i, j), Id(i, j + 1), P(i, j + 1));
            }
        }
    }

    public static WalkingNetwork Grid(int n, double spacing)
    {
        var b = new WalkingNetworkBuilder();
        AddGrid(b, n, spacing);
        return b.Build();
    }

    /// <summary>
    /// Two 11 × 11 grids (100 m spacing) either side of a 200 m wide river (west bank x ∈ [0, 1000], east bank
    /// x ∈ [1200, 2200]), joined by a single bridge along the south edge (y = 0).
    /// </summary>
    public static WalkingNetwork RiverWithOneBridge()
    {
        var b = new WalkingNetworkBuilder();
        AddGrid(b, 11, 100, 0, 0, 0);
        AddGrid(b, 11, 100, 1200, 0, 1000);
        b.AddSegment(10, At(1000, 0), 1000, At(1200, 0)); // the bridge
        return b.Build();
    }

    /// <summary>A grid with an island 150 m east of it that no way reaches.</summary>
    public static WalkingNetwork GridAndUnreachableIsland()
    {
        var b = new WalkingNetworkBuilder();
        AddGrid(b, 11, 100, 0, 0, 0);
        AddGrid(b, 3, 100, 1150, 400, 1000);
        return b.Build();
    }

    /// <summary>A single closed block: a 600 m square ring road, nothing inside.</summary>
    public static WalkingNetwork RingRoad()
    {
        var b = new WalkingNetworkBuilder();
        (double, double)[] corners = [(0, 0), (600, 0), (600, 600), (0, 600)];
        var id = 0L;
        for (var k = 0; k < 4; k++)
        {
            var (x1, y1) = corners[k];
            var (x2, y2) = corners[(k + 1) % 4];
            for (var s = 0; s < 6; s++)
            {
                var a = At(x1 + (x2 - x1) * s / 6, y1 + (y2 - y1) * s / 6);
                var c = At(x1 + (x2 - x1) * (s + 1) / 6, y1 + (y2 - y1) * (s + 1) / 6);
                var next = (id + 1) % 24;
                b.AddSegment(id, a, next, c);
                id++;
            }
        }
        return b.Build();
    }
}
