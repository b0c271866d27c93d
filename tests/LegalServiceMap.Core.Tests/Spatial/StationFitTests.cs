using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Tests.Spatial;

/// <summary>How stations fit imported data: on the network, and in the street/town the boundaries say.</summary>
public sealed class StationFitTests
{
    private static readonly GeometryFactory Factory = new();

    private static NamedArea Square(string name, double lng, double lat) => new(name, Factory.CreatePolygon(
    [
        new Coordinate(lng, lat), new Coordinate(lng + 0.01, lat), new Coordinate(lng + 0.01, lat + 0.01), new Coordinate(lng, lat + 0.01), new Coordinate(lng, lat),
    ]));

    private static Station At(string id, string street, double? lat, double? lng) =>
        new() { Id = id, NameZh = id, NameEn = id, Street = street, Latitude = lat, Longitude = lng };

    [Fact]
    public void AStationInAnotherStreetTownsBoundary_OrInNone_IsAMismatch_AndOnlyPlacedStationsCount()
    {
        // Two squares side by side, named as files name them (with or without 街道, or by code).
        var streets = new[] { Square("江宁路街道", 121.40, 31.20), Square("310106011", 121.41, 31.20) };
        var stations = new[]
        {
            At("home", "jiangninglu", 31.205, 121.405),        // in its own square
            At("moved", "jiangninglu", 31.205, 121.415),       // in the other one
            At("outside", "jiangninglu", 31.30, 121.50),       // in neither
            At("unplaced", "jiangninglu", null, null),          // no location: not counted
        };
        var other = StreetTown.Resolve("310106011")!;
        var fit = StationFit.Of(stations, new HashSet<string> { "home", "unplaced" }, streets);

        Assert.Equal(3, fit.Placed);
        Assert.Equal(1, fit.OnNetwork); // "unplaced" has no location
        Assert.Equal([("moved", other), ("outside", (StreetTown?)null)], fit.Mismatches.Select(m => (m.StationId, m.Found)));
        Assert.All(fit.Mismatches, m => Assert.Equal("jiangninglu", m.Recorded!.Slug));
    }

    [Fact]
    public void WithoutBoundariesOrNetwork_NothingIsContradictedAndNothingMeetsANetwork()
    {
        var fit = StationFit.Of([At("a", "jiangninglu", 31.2, 121.4)], null, []);
        Assert.Equal((1, 0, 0), (fit.Placed, fit.OnNetwork, fit.Mismatches.Count));
    }
}
