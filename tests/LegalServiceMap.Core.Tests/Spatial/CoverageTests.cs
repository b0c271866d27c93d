using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Coverage;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;
using static LegalServiceMap.Core.Tests.Spatial.Fixtures.SyntheticNetworks;

namespace LegalServiceMap.Core.Tests.Spatial;

public class CoverageTests
{
    private static readonly GeometryFactory Factory = new();

    private static Geometry Rectangle(double west, double south, double east, double north)
    {
        Coordinate C(double e, double n) { var p = At(e, n); return new Coordinate(p.Longitude, p.Latitude); }
        return Factory.CreatePolygon([C(west, south), C(east, south), C(east, north), C(west, north), C(west, south)]);
    }

    private static Station StationAt(string id, double east, double north, StationType type = StationType.LegalAid)
    {
        var p = At(east, north);
        return new Station { Id = id, NameZh = id, NameEn = id, Type = type, Street = "jingansi", Latitude = p.Latitude, Longitude = p.Longitude };
    }

    [Fact]
    public void EveryCellNearAStreet_WithAnUnlimitedBudget_IsFullyCovered()
    {
        var grid = new DistrictGrid(Rectangle(0, 0, 2000, 2000), [], 25);
        var calculator = new CoverageCalculator(new IsochroneOptions { ReachMetres = 60 });
        var result = calculator.Compute(grid, Grid(21, 100), new StationCatalog([StationAt("a", 1000, 1000)]), StationType.LegalAid, 60, 5);
        Assert.Equal(IsochroneMethod.Network, result.Method);
        Assert.Equal(1.0, result.District.Share, 3);
        Assert.True(result.Uncovered.IsEmpty);
    }

    [Fact]
    public void NoStationOfTheType_CoversNothing()
    {
        var grid = new DistrictGrid(Rectangle(0, 0, 2000, 2000), [], 25);
        var result = new CoverageCalculator(new IsochroneOptions()).Compute(grid, Grid(21, 100),
            new StationCatalog([StationAt("a", 1000, 1000, StationType.Notary)]), StationType.LegalAid, 15, 5);
        Assert.Equal(0, result.District.Share);
        Assert.Equal(0, result.Stations);
        Assert.Equal(4.0, result.District.AreaKm2, 1);
        // The whole district is uncovered: the same outline a station out of every reach would leave.
        var unreachable = new CoverageCalculator(new IsochroneOptions()).Compute(grid, Grid(21, 100),
            new StationCatalog([StationAt("far", 90_000, 90_000, StationType.LegalAid)]), StationType.LegalAid, 15, 5);
        Assert.Equal(0, unreachable.District.Share);
        Assert.True(result.Uncovered.EqualsExact(unreachable.Uncovered), "the uncovered outline differs");
        Assert.Same(result.Uncovered, new CoverageCalculator(new IsochroneOptions()).Compute(grid, Grid(21, 100), StationCatalog.Empty, StationType.Notary, 15, 5).Uncovered); // traced once per grid
    }

    [Fact]
    public void River_TheOtherBankIsNotCoveredUntilTheBridgeIsInReach()
    {
        var streets = new List<NamedArea> { new("west", Rectangle(0, 0, 1000, 1000)), new("east", Rectangle(1200, 0, 2200, 1000)) };
        var grid = new DistrictGrid(Rectangle(0, 0, 2200, 1000), streets, 25);
        var calculator = new CoverageCalculator(new IsochroneOptions());
        var catalog = new StationCatalog([StationAt("west-centre", 500, 500)]);

        // 900 m: the bridge (1,000 m away on foot) is out of reach.
        var near = calculator.Compute(grid, RiverWithOneBridge(), catalog, StationType.LegalAid, 900 / (5000.0 / 60), 5);
        Assert.Equal(0, near.Streets.Single(s => s.Name == "east").Share);
        Assert.True(near.Streets.Single(s => s.Name == "west").Share > 0.5);

        // 1,600 m: across the bridge and 400 m beyond it.
        var far = calculator.Compute(grid, RiverWithOneBridge(), catalog, StationType.LegalAid, 1600 / (5000.0 / 60), 5);
        Assert.InRange(far.Streets.Single(s => s.Name == "east").Share, 0.05, 0.6);
        // The river (x 1000–1200) is in the district but no street runs along it: mostly uncovered.
        Assert.True(far.District.Share < far.Streets.Single(s => s.Name == "west").Share);
    }

    [Fact]
    public void MultiSource_CoversAtLeastEachStationAloneAndAtMostTheirSum()
    {
        var grid = new DistrictGrid(Rectangle(0, 0, 2000, 2000), [], 25);
        var calculator = new CoverageCalculator(new IsochroneOptions());
        var network = Grid(21, 100);
        double Covered(params Station[] stations) =>
            calculator.Compute(grid, network, new StationCatalog(stations), StationType.LegalAid, 5, 5).District.CoveredKm2;
        var a = StationAt("a", 300, 300);
        var b = StationAt("b", 1700, 1700);
        var both = Covered(a, b);
        Assert.True(both >= Math.Max(Covered(a), Covered(b)));
        Assert.Equal(Covered(a) + Covered(b), both, 3); // far apart: no overlap
    }

    [Fact]
    public void NoNetwork_UsesCirclesOfTheDetourRadius()
    {
        var grid = new DistrictGrid(Rectangle(0, 0, 2000, 2000), [], 10);
        var options = new IsochroneOptions();
        var minutes = 650 / (5000.0 / 60); // 650 m ÷ 1.3 = a 500 m radius
        var result = new CoverageCalculator(options).Compute(grid, null, new StationCatalog([StationAt("a", 1000, 1000)]), StationType.LegalAid, minutes, 5);
        Assert.Equal(IsochroneMethod.Circle, result.Method);
        Assert.Equal(Math.PI * 0.25, result.District.CoveredKm2, 0.02);
    }

    [SkippableFact]
    public void RealDistrict_JudicialOfficesCoverSomeOfEveryStreet()
    {
        RepoPaths.RequireSharedData();
        var streets = SharedPolygons.Read(Path.Combine(RepoPaths.SharedData, "chenyifei142__openlayers-vue3-demo", "jingan_streets_wgs84.geojson"), "NAME")
            .Select(kv => new NamedArea(kv.Key, kv.Value)).ToList();
        var district = SharedPolygons.Read(Path.Combine(RepoPaths.SharedData, "tnnevol__gmap", "310106.json"), "name", CoordinateSystem.Gcj02)["静安区"];
        using var seed = File.OpenRead(RepoPaths.StationsSeed);
        var catalog = new StationCatalog(StationSeedFile.Read(seed).Stations);
        var grid = new DistrictGrid(district, streets, 50);
        var result = new CoverageCalculator(new IsochroneOptions()).Compute(grid, null, catalog, StationType.JudicialOffice, 15, 5);
        Assert.Equal(catalog.All.Count(s => s.Type == StationType.JudicialOffice), result.Stations); // one per street/town
        Assert.InRange(result.District.AreaKm2, 35, 38.5); // the district is 36.6 km²
        Assert.All(result.Streets, s => Assert.True(s.Share > 0, s.Name));
        Assert.InRange(result.District.Share, 0.3, 1.0);
    }
}
