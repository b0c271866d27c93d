using Bunit;
using LegalServiceMap.Web.Components.Map;
using LegalServiceMap.Web.Features.Map;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Components;

public sealed class MapPageTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    private IRenderedComponent<MapPage> RenderAt(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<MapPage>();
    }

    [Fact]
    public void MapPage_ListsEveryStation_AndCreatesOneMapFedFromTheStationsUrl()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();

        // The nearest page first; the rest on request, and then every station.
        var total = _db.Queries.Catalog.All.Count(s => s.InDefaultList); // not the residents' committees nobody has placed yet
        Assert.Equal(StationList.PageSize, cut.FindAll("li.station-item").Count);
        Assert.Equal($"显示全部 {total} 个", cut.Find("[data-testid=show-all]").TextContent);
        cut.Find("[data-testid=show-all]").Click();
        Assert.Equal(total, cut.FindAll("li.station-item").Count);
        Assert.Empty(cut.FindAll("[data-testid=show-all]"));
        cut.WaitForAssertion(() => Assert.Single(map.Invocations["setData"]));
        Assert.Equal("api/stations?lang=zh", map.Invocations["setData"][0].Arguments[0]);
        Assert.Single(JSInterop.Invocations["import"]);
    }

    [Fact]
    public void MapPage_TickingNotary_FiltersTheListAndTheMapData()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();

        cut.Find("input[data-type=notary]").Change(true);

        var nav = Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith("?type=notary", nav.Uri);
        cut.WaitForAssertion(() =>
        {
            var items = cut.FindAll("li.station-item");
            Assert.Equal(2, items.Count);
            Assert.All(items, li => Assert.Equal("notary", li.GetAttribute("data-type")));
        });
        cut.WaitForAssertion(() => Assert.Equal("api/stations?lang=zh&type=notary", map.Invocations["setData"][^1].Arguments[0]));
    }

    [Fact]
    public void MapPage_TwoTypesTicked_ShowsBoth()
    {
        this.AddAppServices(_db);
        var cut = RenderAt("/?type=notary,judicial-office");
        cut.Find("[data-testid=show-all]").Click();
        var types = cut.FindAll("li.station-item").Select(li => li.GetAttribute("data-type")).Distinct().Order();
        Assert.Equal(["judicial-office", "notary"], types);
        Assert.True(cut.Find("input[data-type=notary]").HasAttribute("checked"));
    }

    [Fact]
    public void MapPage_SearchQuery_FiltersByChineseSubstring()
    {
        this.AddAppServices(_db);
        var cut = RenderAt("/?q=" + Uri.EscapeDataString("彭浦"));
        var names = cut.FindAll("a.station-name").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(names);
        // The street/towns' offices, and the residents' committees of 彭浦镇 and 彭浦新村 (found by search though not placed).
        var found = cut.FindAll("li.station-item").Select(li => li.GetAttribute("data-station-id")!).ToList();
        Assert.Subset(found.ToHashSet(), new[] { "judicial-office-pengpuxincun", "rule-of-law-centre-pengpuxincun", "judicial-office-pengpu", "rule-of-law-centre-pengpu" }.ToHashSet());
        Assert.All(found, id => Assert.True(id.StartsWith("rc-") ? _db.Queries.Find(id)!.Street is "pengpu" or "pengpuxincun" || _db.Queries.Find(id)!.NameZh.Contains("彭浦")
            : id is "judicial-office-pengpuxincun" or "rule-of-law-centre-pengpuxincun" or "judicial-office-pengpu" or "rule-of-law-centre-pengpu", id));
    }

    [Fact]
    public void MapPage_SearchForAStreet_OffersThePlaceAndGoesThere()
    {
        var map = this.AddAppServices(_db);
        var cut = RenderAt("/?q=" + Uri.EscapeDataString("北站街道"));
        var place = cut.Find("[data-testid=places] button");
        Assert.Contains("北站街道", place.TextContent);
        Assert.Contains("街镇", place.TextContent); // its match type
        place.Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(map.Invocations["flyTo"]));
        Assert.Contains("judicial-office-beizhan", cut.Find("[data-testid=walk-list]").InnerHtml);
    }

    [Fact]
    public void MapPage_ClickOnTheMap_SortsTheListFromThatPoint()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();
        var leaflet = cut.FindComponent<LeafletMap>();

        // A point in Linfen Road Sub-district, the far north.
        cut.InvokeAsync(() => leaflet.Instance.OnMapClicked(31.3143, 121.4571));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("按距所选地点", cut.Find("[data-testid=list-summary]").TextContent);
            Assert.EndsWith("linfenlu", cut.FindAll("li.station-item")[0].GetAttribute("data-station-id"));
        });
        cut.WaitForAssertion(() => Assert.Equal(31.3143, map.Invocations["setOverlay"][^1].Arguments[1]));
    }

    [Fact]
    public void MapPage_UnlocatedStations_AreListedLastAndSaySo()
    {
        this.AddAppServices(_db);
        var cut = Render<MapPage>();
        cut.Find("[data-testid=show-all]").Click();
        var last = cut.FindAll("li.station-item")[^1];
        Assert.Contains("暂未标注位置", last.TextContent);
        Assert.Empty(last.QuerySelectorAll("button.show-on-map"));
    }

    [Fact]
    public void MapPage_English_ShowsEnglishNamesAndLabels()
    {
        this.AddAppServices(_db, "en");
        var cut = Render<MapPage>();
        Assert.Equal("Legal services near you", cut.Find("h1").TextContent);
        Assert.Equal($"Show all {_db.Queries.Catalog.All.Count(s => s.InDefaultList)} places", cut.Find("[data-testid=show-all]").TextContent);
        cut.Find("[data-testid=show-all]").Click();
        Assert.Contains(cut.FindAll("a.station-name"), a => a.TextContent == "Judicial Office of Linfen Road Sub-district");
        Assert.Contains("Notary office", cut.Find("fieldset.type-filter").TextContent);
    }

    [Fact]
    public void MapPage_ResidentsCommittees_AreListedUnderTheirTypeAndBySearch_NotByDefault()
    {
        this.AddAppServices(_db);
        var byDefault = Render<MapPage>();
        Assert.DoesNotContain(byDefault.FindAll("li.station-item"), li => li.GetAttribute("data-station-id")!.StartsWith("rc-"));
        Assert.Contains("267", byDefault.Find("input[data-type=residents-committee]").ParentElement!.TextContent); // the filter counts them

        var byType = RenderAt("/?type=residents-committee");
        Assert.Equal("显示全部 267 个", byType.Find("[data-testid=show-all]").TextContent);

        var bySearch = RenderAt("/?q=" + Uri.EscapeDataString("联宝里"));
        var item = Assert.Single(bySearch.FindAll("li.station-item"));
        Assert.Equal("rc-310106006005", item.GetAttribute("data-station-id"));
        Assert.Contains("江宁路街道", item.TextContent);
    }

    [Fact]
    public void MapPage_ShowOnMap_AsksTheMapToFocusThatStation()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();
        cut.WaitForAssertion(() => Assert.Single(map.Invocations["setData"]));
        cut.Find("[data-testid=show-all]").Click();
        var item = cut.Find("li.station-item[data-station-id=culture-second-congress]");
        item.QuerySelector("button[data-testid=focus]")!.ClickRowButton();
        Assert.Equal("culture-second-congress", map.Invocations["focusStation"][^1].Arguments[0]);
    }

    [Fact]
    public async Task LeafletMap_Disposed_DisposesTheJsMap()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<LeafletMap>(p => p.Add(m => m.DataUrl, "api/stations"));
        cut.WaitForAssertion(() => Assert.Single(map.Invocations["setData"]));
        await cut.InvokeAsync(DisposeComponentsAsync);
        Assert.Single(map.Invocations["dispose"]);
    }
}

public sealed class WalkPanelTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    [Fact]
    public void ClickOnTheMap_DrawsTheWalkingAreaAndListsWhatIsWithinReach()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();
        var leaflet = cut.FindComponent<LeafletMap>();

        cut.InvokeAsync(() => leaflet.Instance.OnMapClicked(31.248121, 121.467748)); // Beizhan street point

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("大致范围", cut.Find("[data-testid=walk-summary]").TextContent); // no network: circle
            Assert.NotEmpty(cut.FindAll("[data-testid=walk-list] li[data-station-id=judicial-office-beizhan]"));
            Assert.Empty(cut.FindAll("[data-testid=walk-list] li[data-station-id=judicial-office-linfenlu]"));
        });
        cut.WaitForAssertion(() =>
            Assert.Contains("api/isochrone?lat=31.248121&lng=121.467748&minutes=15&speed=normal&lang=zh", (string?)map.Invocations["setOverlay"][^1].Arguments[0]));
    }

    [Fact]
    public void WhatTheAddressDoesNotHold_IsPersistedWithTheCircuit_AndRestored()
    {
        this.AddAppServices(_db, "en");
        var state = this.AddBunitPersistentComponentState(); // the one the page is given (replaces the setup's)
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?lat=31.226107&lng=121.453181");
        var cut = Render<MapPage>();
        cut.Find("[data-testid=walk-minutes]").Change("10");
        cut.Find("[data-testid=only-open]").Change(true);
        cut.Find("[data-testid=show-all]").Click();
        // Navigating (a filter) keeps the choices: nothing re-supplies an old value.
        cut.Find("input[data-type=notary]").Change(true);
        Assert.Equal("10", cut.Find("[data-testid=walk-minutes]").GetAttribute("value"));

        state.TriggerOnPersisting(); // what a pause or an eviction does
        Assert.True(state.TryTake<MapPage.WalkChoice>(MapPage.ChoiceKey, out var persisted));
        Assert.Equal(new MapPage.WalkChoice(10, false, null, true, true), persisted);

        // A page that resumes from that state starts with the same choices.
        state.Persist(MapPage.ChoiceKey, persisted);
        var resumed = Render<MapPage>();
        Assert.Equal("10", resumed.Find("[data-testid=walk-minutes]").GetAttribute("value"));
        Assert.True(resumed.Find("[data-testid=only-open]").HasAttribute("checked"));
    }

    [Fact]
    public void TheWalkSaysWhatIsOpenOnArrival_InWords_AndCanShowOnlyThose_AndLeaveLater()
    {
        // Tuesday 10:00 (the test clock), from West Nanjing Road's point: the 二大 memorial (Tue–Sun 09:00–16:30, S30) and
        // the 恒隆广场 station (no hours on record) are inside.
        this.AddAppServices(_db, "en");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?lat=31.226107&lng=121.453181");
        var cut = Render<MapPage>();
        string Answer(string id) => cut.Find($"[data-testid=walk-list] li[data-station-id={id}] [data-testid=arrival]").TextContent;
        cut.WaitForAssertion(() => Assert.StartsWith("Open when you arrive (10:", Answer("culture-second-congress")));
        Assert.EndsWith("until 16:30", Answer("culture-second-congress"));
        Assert.Equal("Opening hours not known", Answer("workstation-plaza-66"));

        cut.Find("[data-testid=only-open]").Change(true);
        Assert.NotEmpty(cut.FindAll("[data-testid=walk-list] li[data-station-id=culture-second-congress]"));
        Assert.Empty(cut.FindAll("[data-testid=walk-list] li[data-station-id=workstation-plaza-66]"));

        // Leaving next Monday morning: the memorial is closed on Mondays, so nothing inside is open on arrival.
        cut.Find("[data-testid=depart-at]").Change(true);
        cut.Find("[data-testid=depart-time]").Change("2026-12-07T10:00:00"); // as Blazor's browser code sends it, with seconds
        Assert.Contains("No", cut.Find("[data-testid=none-open]").TextContent);
        cut.Find("[data-testid=only-open]").Change(false);
        Assert.Equal("Closed that day (Mon)", Answer("culture-second-congress"));

        // A value the picker cannot produce (or beyond a year) is ignored, not an error.
        cut.Find("[data-testid=depart-time]").Change("next monday");
        cut.Find("[data-testid=depart-time]").Change("2028-01-01T10:00");
        Assert.Equal("Closed that day (Mon)", Answer("culture-second-congress"));
        cut.Find("[data-testid=depart-now]").Change(true);
        Assert.StartsWith("Open when you arrive", Answer("culture-second-congress"));
    }

    [Fact]
    public void HostAppLocationInGcj02_StartsTheCircleAtTheWgs84Point()
    {
        var map = this.AddAppServices(_db);
        var wgs = new LegalServiceMap.Core.Geo.GeoPoint(31.248121, 121.467748);
        var gcj = LegalServiceMap.Core.Geo.ChinaCoordinates.WgsToGcj(wgs);
        Services.GetRequiredService<NavigationManager>().NavigateTo(
            FormattableString.Invariant($"/?lat={gcj.Latitude:R}&lng={gcj.Longitude:R}&coord=gcj02"));
        var cut = Render<MapPage>();

        Assert.NotEmpty(cut.FindAll("[data-testid=walk-list] li[data-station-id=judicial-office-beizhan]"));
        cut.WaitForAssertion(() =>
        {
            var args = map.Invocations["setOverlay"][^1].Arguments;
            Assert.Equal(wgs.Latitude, (double)args[1]!, 1e-7);
            Assert.Equal(wgs.Longitude, (double)args[2]!, 1e-7);
        });
    }

    [Fact]
    public void HostAppLocation_Invalid_SaysSoAndDrawsNothing()
    {
        this.AddAppServices(_db, "en");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?lat=north&lng=121.4&coord=gcj02");
        var cut = Render<MapPage>();
        Assert.Contains("not valid", cut.Find("[data-testid=walk-message]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=walk-summary]"));
    }

    [Fact]
    public void MinutesAndPace_RecomputeTheArea()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();
        cut.InvokeAsync(() => cut.FindComponent<LeafletMap>().Instance.OnMapClicked(31.2413, 121.4612));

        cut.Find("[data-testid=walk-minutes]").Change("40");
        cut.WaitForAssertion(() => Assert.Contains("minutes=40", (string?)map.Invocations["setOverlay"][^1].Arguments[0]));
        var normal = cut.FindAll("[data-testid=walk-list] li").Count;

        cut.Find("[data-testid=speed-elder]").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("speed=elder", (string?)map.Invocations["setOverlay"][^1].Arguments[0]));
        Assert.True(cut.FindAll("[data-testid=walk-list] li").Count < normal);
        Assert.Contains("40 分钟", cut.Find("[data-testid=walk-summary]").TextContent);
    }

    [Fact]
    public void MyLocation_StartsTheCircleAtTheDevicePosition()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();
        cut.WaitForAssertion(() => Assert.Single(map.Invocations["setData"]));
        cut.Find("[data-testid=my-location]").Click();
        cut.WaitForAssertion(() => Assert.Contains("lat=31.2494&lng=121.451&", (string?)map.Invocations["setOverlay"][^1].Arguments[0]));
    }

    [Fact]
    public void WalkFromAStation_UsesItsLocation_AndClearRemovesTheArea()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>();
        cut.Find("[data-testid=show-all]").Click();
        cut.Find("li.station-item[data-station-id=judicial-office-daninglu] button[data-testid=walk-from]").ClickRowButton();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=walk-list] li[data-station-id=judicial-office-daninglu]")));

        // The point is in the address (a history entry of its own); clearing removes it again.
        var nav = Services.GetRequiredService<NavigationManager>();
        Assert.Contains("lat=", nav.Uri);
        cut.FindAll("button.link-button").First(b => b.TextContent.Contains("清除步行圈")).Click();
        cut.WaitForAssertion(() => Assert.Null(map.Invocations["setOverlay"][^1].Arguments[0]));
        Assert.Empty(cut.FindAll("[data-testid=walk-summary]"));
        Assert.DoesNotContain("lat=", nav.Uri);
    }

    [Fact]
    public void WalkingPoint_InTheAddress_StartsTheCircle_AndLeavingItClearsIt()
    {
        var map = this.AddAppServices(_db);
        var nav = Services.GetRequiredService<NavigationManager>();
        var cut = Render<MapPage>();
        nav.NavigateTo("/?lat=31.2494&lng=121.451");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=walk-summary]")));
        nav.NavigateTo("/"); // what Back does
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=walk-summary]")));
        cut.WaitForAssertion(() => Assert.Null(map.Invocations["setOverlay"][^1].Arguments[0]));
    }

    [Fact]
    public void ElderMode_WalksAtTheSlowerPaceByDefault()
    {
        var map = this.AddAppServices(_db);
        var cut = Render<MapPage>(p => p.AddCascadingValue(new LegalServiceMap.Web.Setup.DisplayMode(Elder: true)));
        Assert.True(cut.Find("[data-testid=speed-elder]").HasAttribute("checked"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?lat=31.2494&lng=121.451");
        cut.WaitForAssertion(() => Assert.Contains("speed=elder", (string?)map.Invocations["setOverlay"][^1].Arguments[0]));
    }
}
