using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

public class StationCatalogTests
{
    private static Station Make(string id, StationType type, double? lat, double? lng) => new()
    {
        Id = id,
        Type = type,
        NameZh = id,
        NameEn = id,
        Latitude = lat,
        Longitude = lng,
        Street = lat is null ? null : "jingansi",
    };

    private static readonly StationCatalog Catalog = new(
    [
        Make("notary-near", StationType.Notary, 31.2500, 121.4500),
        Make("notary-far", StationType.Notary, 31.3000, 121.4500),
        Make("aid-nearest", StationType.LegalAid, 31.2501, 121.4501),
        Make("aid-unlocated", StationType.LegalAid, null, null),
        Make("culture", StationType.CultureSite, 31.2600, 121.4600),
    ]);

    [Fact]
    public void Nearest_NoTypeFilter_ReturnsClosestFirst()
    {
        var result = Catalog.Nearest(new GeoPoint(31.25, 121.45), 2);
        Assert.Equal(["notary-near", "aid-nearest"], result.Select(r => r.Station.Id));
    }

    [Fact]
    public void Nearest_WithTypes_ReturnsOnlyThoseTypes()
    {
        var result = Catalog.Nearest(new GeoPoint(31.25, 121.45), 10, new HashSet<StationType> { StationType.Notary });
        Assert.Equal(["notary-near", "notary-far"], result.Select(r => r.Station.Id));
    }

    [Fact]
    public void Nearest_SeveralTypes_MergesAndTruncatesToK()
    {
        var types = new HashSet<StationType> { StationType.Notary, StationType.CultureSite };
        var result = Catalog.Nearest(new GeoPoint(31.26, 121.46), 2, types);
        Assert.Equal(["culture", "notary-near"], result.Select(r => r.Station.Id));
    }

    [Fact]
    public void Filter_Box_LeavesOutUnlocatedAndOutsideStations()
    {
        var result = Catalog.Filter(box: new GeoBox(121.44, 31.24, 121.455, 31.255));
        Assert.Equal(["aid-nearest", "notary-near"], result.Select(s => s.Id).Order());
    }

    [Fact]
    public void WithinRadius_ReturnsOnlyStationsInsideTheRadiusAndOfTheTypes()
    {
        var origin = new GeoPoint(31.25, 121.45);
        Assert.Equal(["notary-near", "aid-nearest"], Catalog.WithinRadius(origin, 100).Select(r => r.Station.Id));
        Assert.Equal(["aid-nearest"], Catalog.WithinRadius(origin, 100, new HashSet<StationType> { StationType.LegalAid }).Select(r => r.Station.Id));
        Assert.Equal(3, Catalog.WithinRadius(origin, 2_000).Count); // the far notary is 5.5 km away
    }

    [Fact]
    public void SortByDistance_PutsUnlocatedStationsLast()
    {
        var ranked = StationCatalog.SortByDistance(Catalog.All, new GeoPoint(31.30, 121.45));
        Assert.Equal("notary-far", ranked[0].Station.Id);
        Assert.Equal("aid-unlocated", ranked[^1].Station.Id);
        Assert.Null(ranked[^1].DistanceMetres);
    }

    [Fact]
    public void Find_IsCaseInsensitiveAndNullWhenMissing()
    {
        Assert.NotNull(Catalog.Find("NOTARY-NEAR"));
        Assert.Null(Catalog.Find("nope"));
    }

    [Theory]
    [InlineData("notary,legal-aid", true, null)]
    [InlineData(" notary , culture-site ", true, null)]
    [InlineData("notary,spaceport", false, "spaceport")]
    public void StationTypes_TryParseList_ReportsTheUnknownSlug(string csv, bool ok, string? unknown)
    {
        Assert.Equal(ok, StationTypes.TryParseList(csv, out _, out var bad));
        Assert.Equal(unknown, bad);
    }

    [Fact]
    public void StationTypes_SlugsRoundTrip()
    {
        foreach (var t in StationTypes.All)
        {
            Assert.True(StationTypes.TryParse(t.ToSlug(), out var back));
            Assert.Equal(t, back);
        }
    }
}
