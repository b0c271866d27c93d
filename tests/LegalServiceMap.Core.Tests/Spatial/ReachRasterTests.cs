using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Tests.Spatial;

public class ReachRasterTests
{
    private static readonly GeometryFactory Factory = new();
    // At the equator 1 m east/north is a fixed angle: areas compare directly.
    private static readonly LocalProjection Equator = new(0);
    private static readonly double SquareMetresPerSquareDegree = Math.Pow(Math.PI * GeoPoint.EarthRadiusMetres / 180, 2);

    private static ReachRaster Raster(params (int I, int J)[] cells)
    {
        var r = new ReachRaster(0, 0, 100, 100, 10);
        foreach (var (i, j) in cells) r[i, j] = true;
        return r;
    }

    [Fact]
    public void OneBlock_GivesOnePolygonWithTheBlocksArea()
    {
        var r = Raster((1, 1), (2, 1), (1, 2), (2, 2), (3, 2));
        var g = r.ToGeometry(Factory, Equator);
        var p = Assert.IsType<Polygon>(g);
        Assert.True(p.IsValid);
        Assert.Equal(500, p.Area * SquareMetresPerSquareDegree, 1);
        Assert.Equal(500, r.FilledAreaSquareMetres);
    }

    [Fact]
    public void CellsTouchingOnlyAtACorner_AreJoinedIntoOneValidPolygon()
    {
        var g = Raster((1, 1), (2, 2)).ToGeometry(Factory, Equator);
        var p = Assert.IsType<Polygon>(g);
        Assert.True(p.IsValid);
        Assert.Equal(300, p.Area * SquareMetresPerSquareDegree, 1);
    }

    [Fact]
    public void ALoopClosedOnlyAtACorner_IsValid()
    {
        // A "C" of cells whose ends meet diagonally: without closing the saddle the ring would touch itself.
        var cells = new List<(int, int)>();
        for (var i = 2; i <= 6; i++) cells.Add((i, 2));
        for (var j = 3; j <= 6; j++) cells.Add((6, j));
        for (var i = 3; i <= 5; i++) cells.Add((i, 6));
        for (var j = 4; j <= 5; j++) cells.Add((2, j)); // (2,5) touches (3,6) only at a corner
        var g = Raster([.. cells]).ToGeometry(Factory, Equator);
        Assert.True(g.IsValid);
        Assert.Equal(1, g.NumGeometries);
    }

    [Fact]
    public void RandomFills_AlwaysGiveValidGeometryWithTheFilledArea()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var r = new ReachRaster(0, 0, 120, 120, 10);
            for (var k = 0; k < 60; k++) r[random.Next(12), random.Next(12)] = true;
            var g = r.ToGeometry(Factory, Equator);
            Assert.True(g.IsValid, $"round {round}");
            Assert.Equal(r.FilledAreaSquareMetres, g.Area * SquareMetresPerSquareDegree, 1);
        }
    }

    [Fact]
    public void ARingOfCells_HasAHole()
    {
        var cells = new List<(int, int)>();
        for (var i = 2; i <= 6; i++) for (var j = 2; j <= 6; j++) if (i is 2 or 6 || j is 2 or 6) cells.Add((i, j));
        var p = Assert.IsType<Polygon>(Raster([.. cells]).ToGeometry(Factory, Equator));
        Assert.Equal(1, p.NumInteriorRings);
        Assert.True(p.IsValid);
        Assert.Equal(16 * 100, p.Area * SquareMetresPerSquareDegree, 1);
    }

    [Fact]
    public void AnIslandInsideAHole_IsItsOwnPolygon()
    {
        var cells = new List<(int, int)> { (4, 4) };
        for (var i = 2; i <= 6; i++) for (var j = 2; j <= 6; j++) if (i is 2 or 6 || j is 2 or 6) cells.Add((i, j));
        var m = Assert.IsType<MultiPolygon>(Raster([.. cells]).ToGeometry(Factory, Equator));
        Assert.Equal(2, m.NumGeometries);
        Assert.True(m.IsValid);
    }

    [Fact]
    public void StampSegment_FillsCellsWithinTheRadiusOnly()
    {
        var r = new ReachRaster(0, 0, 200, 200, 10);
        r.StampSegment(50, 100, 150, 100, 20);
        Assert.True(r[10, 10]);   // centre (105, 105): 5 m from the segment
        Assert.True(r[10, 11]);   // (105, 115): 15 m
        Assert.False(r[10, 12]);  // (105, 125): 25 m
        Assert.False(r[2, 10]);   // (25, 105): 25.5 m beyond the end
        Assert.True(r[3, 10]);    // (35, 105): 15.8 m from the end point
    }

    [Fact]
    public void Empty_GivesAnEmptyGeometry()
    {
        Assert.True(new ReachRaster(0, 0, 10, 10, 1).ToGeometry(Factory, Equator).IsEmpty);
    }
}
