using Bunit;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Map;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Components;

/// <summary>The map page's parts, each on its own.</summary>
public sealed class MapComponentTests : BunitContext
{
    private readonly TestDatabase _db = new();

    public MapComponentTests() => this.AddAppServices(_db, "en");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    private IReadOnlyList<Station> Located => _db.Queries.PublicCatalog.All.Where(s => s.Location is not null).ToList();

    [Fact]
    public void StationList_ShowsTheNearestPage_ThenAll_AndHandsBackTheChosenPoint()
    {
        var origin = new GeoPoint(31.2494, 121.4510);
        var ranked = StationCatalog.SortByDistance(_db.Queries.PublicCatalog.All, origin);
        GeoPoint? walkFrom = null;
        var showAll = false;
        IRenderedComponent<StationList>? cut = null;
        cut = Render<StationList>(p => p.Add(c => c.Ranked, ranked).Add(c => c.FromPoint, true).Add(c => c.OnWalkFrom, (GeoPoint g) => walkFrom = g)
            .Add(c => c.OnShowAll, () => showAll = true));

        Assert.Equal(StationList.PageSize, cut.FindAll("li.station-item").Count);
        Assert.Contains("nearest to the point you c", cut.Find("[data-testid=list-summary]").TextContent);
        cut.Find("[data-testid=show-all]").Click();
        Assert.True(showAll); // the page keeps the choice and hands it back
        cut.Render(p => p.Add(c => c.ShowAll, true));
        Assert.Equal(ranked.Count, cut.FindAll("li.station-item").Count);
        Assert.Empty(cut.FindAll("[data-testid=show-all]"));
        cut.FindAll("[data-testid=walk-from]")[0].ClickRowButton();
        Assert.Equal(ranked[0].Station.Location, walkFrom);
    }

    [Fact]
    public void StationRow_EncodesWhatItShows_AndItsButtonsNameTheirActionAndStation()
    {
        var s = new Station { Id = "x&\"y", NameZh = "<b>调解</b>", NameEn = "A & B <i>", AddressEn = "\"Quoted\" <br>", Latitude = 31.24, Longitude = 121.45 };
        GeoPoint? walkFrom = null;
        string? focused = null;
        var cut = Render<StationList>(p => p.Add(c => c.Ranked, [new RankedStation(s, 120)])
            .Add(c => c.OnWalkFrom, (GeoPoint g) => walkFrom = g).Add(c => c.OnFocus, (string id) => focused = id));

        var row = cut.Find("li.station-item");
        Assert.Equal("x&\"y", row.GetAttribute("data-station-id"));
        Assert.Equal("A & B <i>", row.QuerySelector(".station-name")!.TextContent);
        Assert.Empty(row.QuerySelectorAll("i, br"));
        Assert.Equal("\"Quoted\" <br>", row.QuerySelector(".station-address")!.TextContent);
        Assert.Equal("stations/x%26%22y", row.QuerySelector(".station-name")!.GetAttribute("href"));
        Assert.Contains("A & B <i>", row.QuerySelector("[data-testid=walk-from]")!.GetAttribute("aria-label"));

        row.QuerySelector("[data-testid=focus]")!.ClickRowButton();
        Assert.Equal(s.Id, focused);
        Assert.Null(walkFrom);
        row.QuerySelector("[data-testid=walk-from]")!.ClickRowButton();
        Assert.Equal(s.Location, walkFrom);
    }

    [Fact]
    public void WalkPanel_ShowsTheWalkAndItsPlaces_AndClampsTheMinutes()
    {
        var walking = Services.GetRequiredService<LegalServiceMap.Web.Spatial.WalkingAreaService>();
        var origin = Located.First(s => s.Id == "judicial-office-beizhan").Location!.Value;
        var area = walking.Compute(new IsochroneRequest(origin, 15, 5)).Value!;
        var minutes = 0;
        var cut = Render<WalkPanel>(p => p.Add(c => c.Options, walking.Options).Add(c => c.Minutes, 15)
            .Add(c => c.Walk, new MapWalk(origin, area, null, null)).Add(c => c.OnMinutes, (int m) => minutes = m));

        Assert.Contains($"{area.Stations.Count}", cut.Find("[data-testid=walk-summary]").TextContent);
        Assert.Contains("Approxim", cut.Find("[data-testid=walk-summary] .flag-warn").TextContent); // no network: a circle
        Assert.Equal(area.Stations.Count, cut.FindAll("[data-testid=walk-list] li").Count);
        Assert.Empty(cut.FindAll("[data-testid=outside-district]"));
        cut.Find("[data-testid=walk-minutes]").Change("600");
        Assert.Equal(walking.Options.MaxMinutes, minutes);
    }

    [Fact]
    public void WalkPanel_WithAMessageAndNoWalk_SaysWhy()
    {
        var walking = Services.GetRequiredService<LegalServiceMap.Web.Spatial.WalkingAreaService>();
        var cut = Render<WalkPanel>(p => p.Add(c => c.Options, walking.Options).Add(c => c.Minutes, 15).Add(c => c.Message, "The location could not be read."));
        Assert.Equal("The location could not be read.", cut.Find("[data-testid=walk-message]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=walk-summary]"));
    }

    [Fact]
    public void SelectedStation_OffersDetailsAndAWalk_AndCloses()
    {
        var station = Located.First();
        var closed = false;
        GeoPoint? walkFrom = null;
        var cut = Render<SelectedStation>(p => p.Add(c => c.Station, station).Add(c => c.OnClose, () => closed = true)
            .Add(c => c.OnWalkFrom, (GeoPoint g) => walkFrom = g));
        Assert.Equal(station.NameEn, cut.Find("#selected-title").TextContent);
        Assert.Equal($"stations/{station.Id}", cut.Find("[data-testid=selected-details]").GetAttribute("href"));
        Assert.Contains("Unverified", cut.Markup);
        cut.Find("button.action-button").Click();
        Assert.Equal(station.Location, walkFrom);
        cut.Find("[data-testid=selected-close]").Click();
        Assert.True(closed);
    }

    [Fact]
    public void PlaceSuggestions_ShowNothingWithoutPlaces_AndHandBackTheChosenOne()
    {
        Assert.Empty(Render<PlaceSuggestions>(p => p.Add(c => c.Places, [])).FindAll("[data-testid=places]"));
        var place = new GeocodeCandidate("南京西路", "West Nanjing Road", new GeoPoint(31.2304, 121.4737), GeocodeMatchType.Road, 0.8, "osm");
        GeocodeCandidate? chosen = null;
        var cut = Render<PlaceSuggestions>(p => p.Add(c => c.Places, [place]).Add(c => c.OnGo, (GeocodeCandidate c) => chosen = c));
        Assert.Contains("West Nanjing Road", cut.Find(".place-label").TextContent);
        cut.Find("button.place-button").Click();
        Assert.Same(place, chosen);
    }

    [Fact]
    public void TypeFilter_CountsEachType_AndHandsBackTheChange()
    {
        var all = _db.Queries.PublicCatalog.All;
        (StationType, bool)? change = null;
        var cut = Render<TypeFilter>(p => p.Add(c => c.Selected, new HashSet<StationType>()).Add(c => c.Matching, all)
            .Add(c => c.OnToggle, ((StationType Type, bool Selected) c) => change = c));
        var offices = cut.Find("input[data-type=judicial-office]").ParentElement!;
        Assert.Equal(all.Count(s => s.Type == StationType.JudicialOffice).ToString(), offices.QuerySelector(".type-count")!.TextContent);
        cut.Find("input[data-type=notary]").Change(true);
        Assert.Equal((StationType.Notary, true), change);
        Assert.Empty(cut.FindAll("button.link-button"));
    }

    [Fact]
    public void SearchBox_OnChange_CutsTheQuery_AndIgnoresNoChange()
    {
        var searches = new List<string?>();
        var cut = Render<SearchBox>(p => p.Add(c => c.Value, "静安").Add(c => c.OnSearch, (string? q) => searches.Add(q)));
        cut.Find("[data-testid=search]").Change("静安");
        cut.Find("[data-testid=search]").Change(new string('法', 150));
        cut.Find("[data-testid=search]").Change("   ");
        Assert.Equal([new string('法', 100), null], searches);
    }

    [Fact]
    public void MapQuery_ReadsTheAddress_AndNeverFailsOnBadValues()
    {
        var gcj = ChinaCoordinates.WgsToGcj(new GeoPoint(31.2304, 121.4737));
        var q = MapQuery.Parse("notary,nonsense", new string('x', 500), gcj.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            gcj.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "GCJ02", "notary-jingan");
        Assert.Empty(q.Types); // an unknown type drops the filter rather than failing
        Assert.Equal(100, q.Search!.Length);
        Assert.Equal(31.2304, q.Location.Point!.Value.Latitude, 1e-6);
        Assert.Equal(121.4737, q.Location.Point!.Value.Longitude, 1e-6);
        Assert.True(MapQuery.ParseLocation("north", "121.4", null).Invalid);
        Assert.True(MapQuery.ParseLocation("31.2", "121.4", "mars").Invalid);
        Assert.True(MapQuery.ParseLocation("95", "121.4", null).Invalid);
        Assert.Equal(MapLocation.None, MapQuery.ParseLocation(null, null, "gcj02"));
        var (lat, lng) = MapQuery.Format(new GeoPoint(31.23041234567, 121.47371234567));
        Assert.Equal(("31.2304123", "121.4737123"), (lat, lng));
        Assert.Equal(MapQuery.ParseLocation(lat, lng, null), MapQuery.ParseLocation(lat, lng, null));
    }
}
