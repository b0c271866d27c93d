using System.Text.Json;
using Bunit;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Map;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Map;

/// <summary>
/// The map page as the server renders it for an address: the list, the counts, the walk and its places, the links that
/// lead to the next address, and the state the map module draws (the frame's data-map). Each test is one address, as a
/// resident's browser asks for it.
/// </summary>
public sealed class MapPageTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    private string? _culture;

    private IRenderedComponent<MapPage> At(string address, string culture = "zh-CN", bool elder = false)
    {
        if (_culture is null) this.AddAppServices(_db, culture);
        else Assert.Equal(_culture, culture); // one culture per test
        _culture = culture;
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = Render<MapPage>(p => p.AddCascadingValue(new LegalServiceMap.Web.Setup.DisplayMode(elder)));
        cut.WaitForElement("[data-testid=station-list]");
        return cut;
    }

    private static JsonElement MapState(IRenderedComponent<MapPage> cut) => cut.MapFrame();

    private static string? Text(JsonElement state, string name) => state.Text(name);

    private static List<string> Listed(IRenderedComponent<MapPage> cut) =>
        cut.FindAll("[data-testid=station-list] li").Select(li => li.GetAttribute("data-station-id")!).ToList();

    private static List<string> Inside(IRenderedComponent<MapPage> cut) =>
        cut.FindAll("[data-testid=walk-list] li").Select(li => li.GetAttribute("data-station-id")!).ToList();

    private int DefaultListCount => _db.Queries.Catalog.All.Count(s => s.InDefaultList); // not the committees nobody placed yet

    [Fact]
    public void TheBareMap_ListsTheFirstPage_LinksToAll_AndTellsTheMapWhatToDraw()
    {
        var cut = At("/");

        Assert.Equal(StationList.PageSize, Listed(cut).Count);
        var all = cut.FindByRole("link", $"显示全部 {DefaultListCount} 个");
        Assert.Equal("?all=1", all.GetAttribute("href"));
        Assert.Contains(cut.FindAllByRole("status"), s => s.TextContent.Contains("按距静安区中心"));
        Assert.Empty(cut.FindAll(".station-item .distance")); // no point chosen: no distances that would mean nothing
        var state = MapState(cut);
        Assert.Equal("map-main", Text(state, "key"));
        Assert.Equal("api/stations?lang=zh", Text(state, "stations"));
        Assert.Null(Text(state, "overlay"));
        Assert.Equal("api/isochrone?lat={lat}&lng={lng}&minutes=15&speed=normal&lang=zh&net=0", Text(state, "walkTemplate"));
        Assert.Empty(cut.FindAll("[data-testid=walk-summary]"));
    }

    [Fact]
    public void ShowAll_ListsEveryPlace()
    {
        var cut = At("/?all=1");
        Assert.Equal(DefaultListCount, Listed(cut).Count);
        Assert.DoesNotContain(cut.FindAllByRole("link"), a => a.TextContent.StartsWith("显示全部"));
        Assert.Contains(cut.FindAll("#map-form input[type=hidden]"), i => i.GetAttribute("name") == "all" && i.GetAttribute("value") == "1");
    }

    [Theory]
    [InlineData("/?type=notary,judicial-office&all=1")]
    [InlineData("/?type=notary&type=judicial-office&all=1")] // what a plain form sends
    public void ATypeFilter_ListsOnlyThoseTypes_TicksThem_AndFiltersTheMarkers(string address)
    {
        var cut = At(address);

        var types = cut.FindAll("[data-testid=station-list] li").Select(li => li.GetAttribute("data-type")).Distinct().Order();
        Assert.Equal(["judicial-office", "notary"], types);
        Assert.True(cut.Find("input[name=type][value=notary]").HasAttribute("checked"));
        Assert.False(cut.Find("input[name=type][value=mediation]").HasAttribute("checked"));
        Assert.Equal("api/stations?lang=zh&type=notary%2Cjudicial-office", Text(MapState(cut), "stations"));
        Assert.Equal("?all=1", cut.FindByRole("link", "显示全部类型").GetAttribute("href"));
    }

    [Fact]
    public void NotaryOffices_HaveNoSourcedAddress_SoTheMapSaysSoInsteadOfInventingPins()
    {
        var cut = At("/?type=notary");
        Assert.Equal(2, Listed(cut).Count);
        Assert.Equal("这些地点暂无确切位置，请查看列表。", cut.Find(".map-note").TextContent);
    }

    [Fact]
    public void ASearch_FindsByChineseSubstring_IncludingCommitteesNotPlacedYet()
    {
        var cut = At("/?q=" + Uri.EscapeDataString("彭浦") + "&all=1");
        var found = Listed(cut);
        Assert.Subset(found.ToHashSet(), new[] { "judicial-office-pengpuxincun", "rule-of-law-centre-pengpuxincun", "judicial-office-pengpu", "rule-of-law-centre-pengpu" }.ToHashSet());
        Assert.All(found, id => Assert.True(id.StartsWith("rc-") ? _db.Queries.Find(id)!.Street is "pengpu" or "pengpuxincun" || _db.Queries.Find(id)!.NameZh.Contains("彭浦")
            : id is "judicial-office-pengpuxincun" or "rule-of-law-centre-pengpuxincun" or "judicial-office-pengpu" or "rule-of-law-centre-pengpu", id));
        Assert.Equal("彭浦", cut.FindByRole("searchbox", "搜索名称或地址").GetAttribute("value"));
        Assert.EndsWith("&q=%E5%BD%AD%E6%B5%A6", Text(MapState(cut), "stations"));
    }

    [Fact]
    public void ASearchForAStreet_OffersThePlace_WhoseLinkIsAWalkFromThere()
    {
        var search = At("/?q=" + Uri.EscapeDataString("北站街道"));
        var place = search.FindByRole("region", "地点").QuerySelector("a")!;
        Assert.Contains("北站街道", place.TextContent);
        Assert.Contains("街镇", place.TextContent); // its match type
        var href = place.GetAttribute("href")!;
        Assert.Matches(@"^\?q=%E5%8C%97%E7%AB%99%E8%A1%97%E9%81%93&lat=31\.[0-9]+&lng=121\.[0-9]+$", href);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/" + href);
        var walk = Render<MapPage>();
        walk.WaitForElement("[data-testid=walk-list]");
        Assert.Contains("judicial-office-beizhan", Inside(walk));
    }

    [Fact]
    public void AWalkingPoint_ListsWhatIsInside_SortsFromThere_AndTheMapDrawsTheSameWalk()
    {
        var cut = At("/?lat=31.248121&lng=121.467748"); // Beizhan street point

        Assert.Contains("大致范围", cut.Find("[data-testid=walk-summary]").TextContent); // no network imported: a circle
        Assert.Contains("judicial-office-beizhan", Inside(cut));
        Assert.DoesNotContain("judicial-office-linfenlu", Inside(cut));
        Assert.Contains(cut.FindAllByRole("status"), s => s.TextContent.Contains("按距所选地点"));
        Assert.NotEmpty(cut.FindAll(".station-item .distance"));
        var state = MapState(cut);
        Assert.Equal("api/isochrone?lat=31.248121&lng=121.467748&minutes=15&speed=normal&lang=zh&net=0", Text(state, "overlay"));
        Assert.Equal([31.248121, 121.467748], state.GetProperty("reference").EnumerateArray().Select(e => e.GetDouble()));
        // The same request the map module builds from the template for a tap on this point.
        Assert.Equal(Text(state, "overlay"), MapView.WalkUrlFor(Text(state, "walkTemplate")!, new GeoPoint(31.248121, 121.467748)));
        // The form keeps the point when another control changes.
        var kept = cut.FindAll("#map-form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        Assert.Equal("31.248121", kept["lat"]);
        Assert.Equal("121.467748", kept["lng"]);
    }

    [Fact]
    public void APointInTheFarNorth_PutsLinfenRoadFirst()
    {
        var cut = At("/?lat=31.3143&lng=121.4571");
        Assert.EndsWith("linfenlu", Listed(cut)[0]);
        Assert.Equal("?type=judicial-office", At("/?type=judicial-office&lat=31.3143&lng=121.4571").FindByRole("link", "改为按区中心排列").GetAttribute("href"));
    }

    [Fact]
    public void EachPlace_LinksToAWalkFromItself_AndClearingTheWalkLinksBack()
    {
        var cut = At("/?all=1");
        var daning = _db.Queries.Find("judicial-office-daninglu")!;
        var link = cut.FindByRole("link", $"以“{daning.NameZh}”为起点的步行圈");
        var (lat, lng) = LegalServiceMap.Web.Features.Map.MapState.Format(daning.Location!.Value);
        Assert.Equal($"?lat={lat}&lng={lng}&all=1", link.GetAttribute("href"));

        var walk = At("/" + link.GetAttribute("href"));
        Assert.Contains("judicial-office-daninglu", Inside(walk));
        Assert.Equal("?all=1", walk.FindByRole("link", "清除步行圈").GetAttribute("href"));
    }

    [Fact]
    public void UnlocatedPlaces_AreListedLast_SaySo_AndOfferNoWalk()
    {
        var cut = At("/?all=1");
        var last = cut.FindAll("li.station-item")[^1];
        Assert.Contains("暂未标注位置", last.TextContent);
        Assert.Empty(last.QuerySelectorAll(".show-on-map"));
    }

    [Fact]
    public void InEnglish_NamesLabelsAndTheMapsLanguageAreEnglish()
    {
        var cut = At("/?all=1", "en");
        Assert.Equal("h1", cut.FindByRole("heading", "Legal services near you").LocalName);
        Assert.Equal("stations/judicial-office-linfenlu", cut.FindByRole("link", "Judicial Office of Linfen Road Sub-district").GetAttribute("href"));
        Assert.Contains("Notary office", cut.Find("fieldset.type-filter").TextContent);
        Assert.Equal("api/stations?lang=en", Text(MapState(cut), "stations"));
        Assert.Equal("Details", MapState(cut).GetProperty("settings").GetProperty("texts").GetProperty("details").GetString());
    }

    [Fact]
    public void ResidentsCommittees_AreListedUnderTheirTypeAndBySearch_NotByDefault()
    {
        var byDefault = At("/");
        Assert.DoesNotContain(Listed(byDefault), id => id.StartsWith("rc-"));
        Assert.Contains("267", byDefault.Find("input[data-type=residents-committee]").ParentElement!.TextContent); // the filter counts them

        Assert.Equal("显示全部 267 个", At("/?type=residents-committee").FindByRole("link", "显示全部 267 个").TextContent);

        var bySearch = At("/?q=" + Uri.EscapeDataString("联宝里"));
        var item = Assert.Single(bySearch.FindAll("li.station-item"));
        Assert.Equal("rc-310106006005", item.GetAttribute("data-station-id"));
        Assert.Contains("江宁路街道", item.TextContent);
    }

    [Fact]
    public void TheWalkSaysWhatIsOpenOnArrival_InWords_OnlyThoseWhenAsked_AndForALaterDeparture()
    {
        // Tuesday 10:00 (the test clock), from West Nanjing Road's point: the 二大 memorial (Tue–Sun 09:00–16:30, S30) and
        // the 恒隆广场 station (no hours on record) are inside.
        const string from = "/?lat=31.226107&lng=121.453181";
        string Answer(IRenderedComponent<MapPage> cut, string id) => cut.Find($"[data-testid=walk-list] li[data-station-id={id}] [data-testid=arrival]").TextContent;

        var now = At(from, "en");
        Assert.StartsWith("Open when you arrive (10:", Answer(now, "culture-second-congress"));
        Assert.EndsWith("until 16:30", Answer(now, "culture-second-congress"));
        Assert.Equal("Opening hours not known", Answer(now, "workstation-plaza-66"));
        Assert.True(now.FindByRole("radio", "Leave now").HasAttribute("checked"));

        var onlyOpen = At(from + "&open=1", "en");
        Assert.Contains("culture-second-congress", Inside(onlyOpen));
        Assert.DoesNotContain("workstation-plaza-66", Inside(onlyOpen));
        Assert.True(onlyOpen.FindByRole("checkbox", "Only places open when I arrive").HasAttribute("checked"));

        // Leaving next Monday morning: the memorial is closed on Mondays, so nothing inside is open on arrival.
        var monday = At(from + "&depart=2026-12-07T10:00&open=1", "en");
        Assert.Contains("None of these places is open when you arrive.", monday.Markup);
        Assert.True(monday.FindByRole("radio", "Leave at …").HasAttribute("checked"));
        Assert.Equal("2026-12-07T10:00", monday.FindByLabel("Date and time of leaving (China Standard Time)").GetAttribute("value"));
        Assert.Equal("Closed that day (Mon)", Answer(At(from + "&depart=2026-12-07T10:00", "en"), "culture-second-congress"));

        // A value the picker cannot produce (or beyond a year) is ignored, not an error.
        Assert.StartsWith("Open when you arrive", Answer(At(from + "&depart=next%20monday", "en"), "culture-second-congress"));
        Assert.StartsWith("Open when you arrive", Answer(At(from + "&depart=2028-01-01T10:00", "en"), "culture-second-congress"));
    }

    [Fact]
    public void HostAppLocationInGcj02_StartsTheWalkAtTheWgs84Point()
    {
        var wgs = new GeoPoint(31.248121, 121.467748);
        var gcj = ChinaCoordinates.WgsToGcj(wgs);
        var cut = At(FormattableString.Invariant($"/?lat={gcj.Latitude:R}&lng={gcj.Longitude:R}&coord=gcj02"));

        Assert.Contains("judicial-office-beizhan", Inside(cut));
        var reference = MapState(cut).GetProperty("reference").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(wgs.Latitude, reference[0], 1e-7);
        Assert.Equal(wgs.Longitude, reference[1], 1e-7);
    }

    [Fact]
    public void AnInvalidLocation_SaysSo_AndDrawsNothing()
    {
        var cut = At("/?lat=north&lng=121.4&coord=gcj02", "en");
        Assert.NotNull(cut.Alert("not valid"));
        Assert.Empty(cut.FindAll("[data-testid=walk-summary]"));
        Assert.Null(Text(MapState(cut), "overlay"));
    }

    [Fact]
    public void MinutesAndPace_ChangeTheWalk()
    {
        var normal = At("/?lat=31.2413&lng=121.4612&minutes=40");
        Assert.Contains("minutes=40&speed=normal", Text(MapState(normal), "overlay"));
        Assert.Equal("40", normal.FindByRole("slider", "步行时间 40 分钟").GetAttribute("value"));
        var elder = At("/?lat=31.2413&lng=121.4612&minutes=40&speed=elder");
        Assert.Contains("minutes=40&speed=elder", Text(MapState(elder), "overlay"));
        Assert.True(Inside(elder).Count < Inside(normal).Count);
        Assert.Contains("40 分钟", elder.Find("[data-testid=walk-summary]").TextContent);
    }

    [Fact]
    public void ElderMode_WalksAtTheSlowerPaceByDefault_AndMarksThatAsTheDefault()
    {
        var cut = At("/?lat=31.2494&lng=121.451", elder: true);
        var slower = cut.FindByRole("radio", "较慢，适合长者（3.6 公里/小时）");
        Assert.True(slower.HasAttribute("checked"));
        Assert.True(slower.HasAttribute("data-default")); // not written into the address
        Assert.Contains("speed=elder", Text(MapState(cut), "overlay"));
    }

    [Fact]
    public void AnOpenStation_ShowsItsCard_WithAWayBackAndAWalk_AndTheMapShowsIt()
    {
        var cut = At("/?type=culture-site&station=culture-labour-secretariat");
        var card = cut.FindAllByRole("article").Single();
        var station = _db.Queries.Find("culture-labour-secretariat")!;
        Assert.Equal(station.NameZh, card.QuerySelector("h2")!.TextContent);
        Assert.Equal("?type=culture-site", cut.FindByRole("link", "关闭详情").GetAttribute("href"));
        Assert.Equal("stations/culture-labour-secretariat", cut.FindByRole("link", "查看详情").GetAttribute("href"));
        Assert.Contains("tel:02162157732", card.InnerHtml);
        Assert.Equal("culture-labour-secretariat", Text(MapState(cut), "focus"));
        Assert.Contains(cut.FindAll("#map-form input[type=hidden]"), i => i.GetAttribute("name") == "station");
    }

    [Fact]
    public void AStationThatIsNotThere_OpensNoCard()
    {
        var cut = At("/?station=nothing-here");
        Assert.Empty(cut.FindAllByRole("article"));
        Assert.Null(Text(MapState(cut), "focus"));
    }
}

public sealed class StationListItemTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    [Fact]
    public void AListedPlace_EncodesWhatItShows_AndNamesItsLinksAfterThePlace()
    {
        this.AddAppServices(_db, "en");
        var s = new Station { Id = "x&\"y", NameZh = "<b>调解</b>", NameEn = "A & B <i>", AddressEn = "\"Quoted\" <br>", Latitude = 31.24, Longitude = 121.45 };
        var cut = Render<StationListItem>(p => p.Add(c => c.Station, s).Add(c => c.Distance, "120 m").Add(c => c.WalkHref, "?lat=31.24&lng=121.45"));

        var row = cut.Find("li.station-item");
        Assert.Equal("x&\"y", row.GetAttribute("data-station-id"));
        Assert.Equal("A & B <i>", row.QuerySelector(".station-name")!.TextContent);
        Assert.Empty(row.QuerySelectorAll("i, br, b"));
        Assert.Equal("\"Quoted\" <br>", row.QuerySelector(".station-address")!.TextContent);
        Assert.Equal("stations/x%26%22y", cut.FindByRole("link", "A & B <i>").GetAttribute("href"));
        Assert.Equal("?lat=31.24&lng=121.45", cut.FindByRole("link", "Walking circle from A & B <i>").GetAttribute("href"));
        Assert.Equal("x&\"y", cut.FindByRole("button", "Show A & B <i> on the map").GetAttribute("data-focus"));
        Assert.Contains("120 m", row.TextContent);
    }
}
