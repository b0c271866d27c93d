using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using static LegalServiceMap.Core.Tests.Spatial.Fixtures.SyntheticNetworks;

namespace LegalServiceMap.Core.Tests.Spatial;

public class IsochroneTests
{
    private static readonly IsochroneOptions Options = new();
    private static readonly GeometryFactory Factory = new();

    private static Station StationAt(string id, double east, double north, StationType type = StationType.LegalAid)
    {
        var p = At(east, north);
        return new Station { Id = id, NameZh = id, NameEn = id, Type = type, Street = "jingansi", Latitude = p.Latitude, Longitude = p.Longitude };
    }

    private static bool Covers(Geometry area, double east, double north)
    {
        var p = At(east, north);
        return area.Covers(Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude)));
    }

    /// <summary>A request whose budget is exactly <paramref name="metres"/> at 5 km/h.</summary>
    private static IsochroneRequest Walk(double east, double north, double metres) =>
        new(At(east, north), metres / (5000.0 / 60), 5);

    [Fact]
    public void Grid_AreaFollowsTheStreetsAndListsStationsWithNetworkDistances()
    {
        var engine = new NetworkIsochroneEngine(Grid(21, 100), Options);
        var stations = new StationCatalog([
            StationAt("near", 1100, 1100),      // 200 m by street (a 141 m straight line)
            StationAt("diagonal", 1300, 1300),  // 600 m by street (424 m straight): outside a 500 m walk
            StationAt("straight", 1000, 1450),  // 450 m straight along one street
        ]);
        var result = engine.Compute(Walk(1000, 1000, 500), engine.Place(stations));

        var iso = Assert.IsType<Isochrone>(result.Value);
        Assert.Equal(IsochroneMethod.Network, iso.Method);
        Assert.True(iso.Area.IsValid);
        Assert.Equal(["near", "straight"], iso.Stations.Select(s => s.Station.Id));
        Assert.Equal(200, iso.Stations[0].WalkMetres, 2.0);
        Assert.Equal(200 / (5 / 3.6), iso.Stations[0].WalkSeconds, 2.0);
        Assert.Equal(450, iso.Stations[1].WalkMetres, 3.0);

        // Along the streets: 450 m north is in; the diagonal corner (1300, 1300) is not, though only 424 m away.
        Assert.True(Covers(iso.Area, 1000, 1450));
        Assert.False(Covers(iso.Area, 1300, 1300));
        // The middle of a block 2 blocks away is not reachable (each block is 100 m; the reach is 40 m).
        Assert.False(Covers(iso.Area, 1350, 1050 + 200));
    }

    [Fact]
    public void River_TheOtherBankIsOutsideUntilTheBridgeIsWithinReach()
    {
        var engine = new NetworkIsochroneEngine(RiverWithOneBridge(), Options);
        var eastBank = new StationCatalog([StationAt("across", 1200, 1000)]);

        // 1,500 m from the west bank's north-east corner: the opposite corner is 200 m away as the crow flies
        // but 2,200 m on foot by the only bridge.
        var short15 = engine.Compute(Walk(1000, 1000, 1500), engine.Place(eastBank)).Value!;
        Assert.False(Covers(short15.Area, 1200, 1000));
        Assert.False(Covers(short15.Area, 1100, 1000)); // the river itself
        Assert.Empty(short15.Stations);

        var long30 = engine.Compute(Walk(1000, 1000, 2300), engine.Place(eastBank)).Value!;
        Assert.True(Covers(long30.Area, 1200, 1000));
        Assert.False(Covers(long30.Area, 1100, 1000)); // still not the water
        Assert.Equal(2200, Assert.Single(long30.Stations).WalkMetres, 15.0);
    }

    [Fact]
    public void Island_IsNeverInTheAreaNorItsStationsListed()
    {
        var engine = new NetworkIsochroneEngine(GridAndUnreachableIsland(), Options);
        var catalog = new StationCatalog([StationAt("island", 1250, 500)]);
        var iso = engine.Compute(Walk(1000, 500, 5_000), engine.Place(catalog)).Value!;
        Assert.True(Covers(iso.Area, 1000, 500));
        Assert.False(Covers(iso.Area, 1250, 500));
        Assert.Empty(iso.Stations);
    }

    [Fact]
    public void RingRoad_TheClosedBlockIsAHole()
    {
        var engine = new NetworkIsochroneEngine(RingRoad(), Options);
        var iso = engine.Compute(Walk(0, 0, 3_000), engine.Place(StationCatalog.Empty)).Value!;
        var polygon = Assert.IsType<Polygon>(iso.Area);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.True(Covers(iso.Area, 300, 0));
        Assert.False(Covers(iso.Area, 300, 300));
    }

    [Fact]
    public void PartialEdge_IsCoveredUpToWhereTheBudgetRunsOut()
    {
        var engine = new NetworkIsochroneEngine(Grid(2, 1_000), Options); // a 1 km square
        var iso = engine.Compute(Walk(0, 0, 600), engine.Place(StationCatalog.Empty)).Value!;
        Assert.True(Covers(iso.Area, 550, 0));
        Assert.False(Covers(iso.Area, 700, 0));
        Assert.True(Covers(iso.Area, 0, 550));
        Assert.False(Covers(iso.Area, 0, 700));
    }

    [Fact]
    public void OriginInTheMiddleOfAnEdge_WalksBothWays()
    {
        var engine = new NetworkIsochroneEngine(Grid(2, 1_000), Options);
        var iso = engine.Compute(Walk(500, 0, 300), engine.Place(StationCatalog.Empty)).Value!;
        Assert.True(Covers(iso.Area, 250, 0));
        Assert.True(Covers(iso.Area, 750, 0));
        Assert.False(Covers(iso.Area, 100, 0));
        Assert.Equal(0, iso.SnapDistanceMetres!.Value, 0.5);
    }

    [Fact]
    public void OriginOffTheNetwork_IsAnError()
    {
        var engine = new NetworkIsochroneEngine(Grid(3, 100), Options);
        var result = engine.Compute(Walk(2_000, 2_000, 500), engine.Place(StationCatalog.Empty));
        Assert.Null(result.Value);
        Assert.Equal(IsochroneError.OffNetwork, result.Error);
    }

    [Fact]
    public void Circle_HasTheDetourRadiusAndIsLabelledCircle()
    {
        var engine = new CircleIsochroneEngine(Options);
        var catalog = new StationCatalog([StationAt("in", 900, 0), StationAt("out", 1_000, 0)]);
        var iso = engine.Compute(new IsochroneRequest(At(0, 0), 15, 5), engine.Place(catalog)).Value!;
        Assert.Equal(IsochroneMethod.Circle, iso.Method);
        // 5 km/h × 15 min = 1,250 m of walking; ÷ 1.3 = 961.5 m radius.
        Assert.True(Covers(iso.Area, 955, 0));
        Assert.False(Covers(iso.Area, 970, 0));
        var station = Assert.Single(iso.Stations);
        Assert.Equal("in", station.Station.Id);
        Assert.Equal(900 * 1.3, station.WalkMetres, 5.0);
    }
}
