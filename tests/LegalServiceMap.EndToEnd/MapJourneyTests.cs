using Microsoft.Playwright;
using static LegalServiceMap.EndToEnd.MapWaits;

namespace LegalServiceMap.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class MapJourneyTests(BrowserFixture fixture)
{
    private static async Task<int> MarkerCountAsync(IPage page) =>
        int.Parse(await Find.Map(page).GetAttributeAsync("data-marker-count") ?? "-1");

    [Fact]
    public async Task MapPage_Loads_MarkersAppearWithoutAnyTileServer()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForMapAsync(page);

        Assert.True(await MarkerCountAsync(page) >= 30);
        await Assertions.Expect(page.Locator(".leaflet-marker-icon").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "身边的法律服务" })).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task FilterToNotary_ListShowsOnlyNotaries_ThenJudicialOfficesAppearOnTheMap()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForMapAsync(page);

        await fixture.TypeFilter(page, LegalServiceMap.Core.Stations.StationType.Notary).CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?]type=notary$"));
        await Assertions.Expect(BrowserFixture.ListedPlaces(page)).ToHaveCountAsync(fixture.Count(LegalServiceMap.Core.Stations.StationType.Notary));
        foreach (var item in await BrowserFixture.ListedPlaces(page).AllAsync())
        {
            Assert.Contains(fixture.Text("Type_notary"), await item.TextContentAsync());
        }
        // Neither notary office has a sourced address: the map says so instead of inventing pins.
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-marker-count", "0", Slow);
        await Assertions.Expect(page.GetByText(fixture.Text("Map_NoneLocated"))).ToBeVisibleAsync();

        await fixture.TypeFilter(page, LegalServiceMap.Core.Stations.StationType.Notary).UncheckAsync();
        await fixture.TypeFilter(page, LegalServiceMap.Core.Stations.StationType.JudicialOffice).CheckAsync();
        await BrowserFixture.ShowAllPlacesAsync(page);
        await Assertions.Expect(BrowserFixture.ListedPlaces(page)).ToHaveCountAsync(fixture.Count(LegalServiceMap.Core.Stations.StationType.JudicialOffice));
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-marker-count", fixture.Count(LegalServiceMap.Core.Stations.StationType.JudicialOffice).ToString(), Slow);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task ShowOnMap_OpensThePopupWithTheApproximateLabel()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForMapAsync(page);

        await BrowserFixture.ShowAllPlacesAsync(page);
        await fixture.ShowOnMap(page, "culture-second-congress").ClickAsync();
        var popup = page.Locator(".leaflet-popup-content");
        await Assertions.Expect(popup).ToContainTextAsync("中共二大会址纪念馆", new() { Timeout = 20_000 });
        await Assertions.Expect(popup).ToContainTextAsync("位置为大致范围");
        await Assertions.Expect(page.Locator(".lsm-marker.lsm-approx").First).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task OpenStationPage_FromTheList_ShowsDetailsUnverifiedAndASmallMap()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForMapAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = fixture.StationName("culture-labour-secretariat"), Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/stations/culture-labour-secretariat");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "中国劳动组合书记部旧址陈列馆", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = fixture.Service<LegalServiceMap.Web.Features.Stations.StationQueries>().Find("culture-labour-secretariat")!.Phone })).ToHaveAttributeAsync("href", "tel:02162157732");
        await Assertions.Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = fixture.Text("Station_Unverified") })).ToBeVisibleAsync();
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-marker-count", "1", Slow);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task SwitchLanguage_ToEnglishAndBack_KeepsThePage()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/stations/judicial-office-beizhan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "北站街道司法所" })).ToBeVisibleAsync();
        await WaitForMapAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).Or(page.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true })).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Judicial Office of Beizhan Sub-district" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        // The choice persists: a plain visit to the map is now in English.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Legal services near you" })).ToBeVisibleAsync();
        await WaitForMapAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).Or(page.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true })).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "身边的法律服务" })).ToBeVisibleAsync();
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task WalkFromAStation_MarksTheMarkersInsideTheWalk_TheSameOnesTheListShows()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/?lat=31.248121&lng=121.467748");
        await WaitForMapAsync(page);
        var map = Find.Map(page);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area", "circle", Slow);
        var listed = await Find.WalkList(page).GetByRole(AriaRole.Listitem).CountAsync();
        Assert.True(listed > 0);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-inside-count", listed.ToString(), Slow);
        var markers = int.Parse((await map.GetAttributeAsync("data-marker-count"))!);
        Assert.True(markers > listed, $"{markers} markers, {listed} inside");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LeaveAtAChosenTime_EachPlaceSaysIfItIsOpenOnArrival_InWords(bool english)
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"/?lang={(english ? "en" : "zh")}&lat=31.226107&lng=121.453181"); // West Nanjing Road's point
        await WaitForMapAsync(page);
        var memorial = page.Locator("[data-testid=walk-list] li[data-station-id=culture-second-congress] [data-testid=arrival]");
        await Assertions.Expect(memorial).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // The next ordinary Monday at 10:00 (the memorial, Tue–Sun per S30, is closed on Mondays), picked in the browser's own picker.
        var monday = fixture.NextOrdinary(DayOfWeek.Monday);
        // "Leave at" shows the picker at once (no round trip); the time picked is a new address the server answers for.
        await page.GetByLabel(fixture.Text("Walk_DepartAt", english)).CheckAsync();
        await Assertions.Expect(page.GetByLabel(fixture.Text("Walk_DepartTime", english))).ToBeVisibleAsync();
        await page.GetByLabel(fixture.Text("Walk_DepartTime", english)).FillAsync(monday.ToString("yyyy-MM-dd") + "T10:00");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("depart=" + monday.ToString("yyyy-MM-dd") + "T10:00"));
        await Assertions.Expect(memorial).ToHaveTextAsync(fixture.Text("Arrival_RestDay", english, fixture.Text("Day_Mon", english)), new() { Timeout = 20_000 });

        await page.GetByLabel(fixture.Text("Walk_OnlyOpen", english)).ClickAsync();
        await Assertions.Expect(page.GetByText(fixture.Text("Walk_NoneOpen", english))).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"arrival-{(english ? "en" : "zh")}-390.png"), FullPage = true });
        await page.GetByLabel(fixture.Text("Walk_OnlyOpen", english)).ClickAsync();
        await Assertions.Expect(memorial).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByLabel(fixture.Text("Walk_DepartNow", english)).ClickAsync();
        await Assertions.Expect(page.GetByLabel(fixture.Text("Walk_DepartTime", english))).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("depart="));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task ClickTheMap_DrawsTheWalkingCircleAndListsReachablePlaces()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForMapAsync(page);

        var map = Find.Map(page);
        await MapWaits.TapMapAsync(page);
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area", "circle", Slow);
        await Assertions.Expect(page.Locator("path.leaflet-interactive, .leaflet-overlay-pane path").First).ToBeAttachedAsync();

        await page.GetByLabel(fixture.Text("Walk_SpeedElder", false, 3.6)).CheckAsync();
        await Assertions.Expect(Find.WalkSummary(page)).ToContainTextAsync("15 分钟");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area-url", new System.Text.RegularExpressions.Regex("speed=elder"), Slow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "walk-zh-1366x768.png") });

        // The circle is a view of its own: its point is in the address, and Back returns to the map without it.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]lat=3[01][.][0-9]+&lng=121[.][0-9]+"));
        await page.GoBackAsync();
        await Assertions.Expect(Find.WalkSummary(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-area", "circle", Slow);
        Assert.DoesNotContain("lat=", page.Url);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task MapModule_Gcj02Conversion_MatchesTheServer()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var js = await page.EvaluateAsync<double[]>(
            "async () => { const m = await import('/js/map.js'); return [...m.wgsToGcj(31.1774276, 121.5272106), ...m.gcjToWgs(31.17530398364597, 121.531541859215)]; }");
        var gcj = LegalServiceMap.Core.Geo.ChinaCoordinates.WgsToGcj(new(31.1774276, 121.5272106));
        Assert.Equal(gcj.Latitude, js[0], 1e-9);
        Assert.Equal(gcj.Longitude, js[1], 1e-9);
        Assert.Equal(31.1774276, js[2], 1e-7);
        Assert.Equal(121.5272106, js[3], 1e-7);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task ElderAndEmbedModes_AtPhoneSize(string lang)
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"/?lang={lang}");
        await page.GetByRole(AriaRole.Link, new() { Name = fixture.Text("Elder_On", lang == "en") }).ClickAsync();
        await Assertions.Expect(page.Locator("body.elder")).ToHaveCountAsync(1);
        await WaitForMapAsync(page);
        var size = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.station-name')).fontSize)");
        Assert.True(size >= 18 * 1.1, $"station names at {size}px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"elder-{lang}-390x844.png") });

        await page.GotoAsync($"/stations/culture-labour-secretariat?embed=1&lang={lang}");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"embed-elder-{lang}-390x844.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("联宝里", "zh", "联宝里居委会", "江宁路街道")]
    [InlineData("Lianbaoli", "en", "Lianbaoli Residents' Committee", "Jiangning Road Sub-district")]
    public async Task SearchWhereYouLive_FindsTheResidentsCommittee_ItsStreetTownAndItsCodes(string query, string lang, string name, string street)
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"/?lang={lang}");
        await WaitForMapAsync(page);
        var search = page.GetByRole(AriaRole.Searchbox);
        await search.FillAsync(query);
        await search.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]q="), new() { Timeout = 15_000 });

        var item = BrowserFixture.ListedPlaces(page);
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToContainTextAsync(name);
        await Assertions.Expect(item).ToContainTextAsync(street);
        // The place to walk from is the street/town, said honestly: the committee is not placed yet.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = fixture.Text("Places_Title", lang == "en"), Exact = true })).ToContainTextAsync($"{name} · {street}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"committee-search-{lang}-390x844.png") });

        await page.GotoAsync($"/stations/rc-310106006005?lang={lang}");
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "310106006005" })).ToContainTextAsync("310106006005");
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "310106006005" })).ToContainTextAsync("310106006");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"committee-page-{lang}-390x844.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData(390, 844, "zh")]
    [InlineData(390, 844, "en")]
    [InlineData(1366, 768, "zh")]
    [InlineData(1366, 768, "en")]
    public async Task Screenshots_MapAndStationPage(int width, int height, string lang)
    {
        var (page, errors) = await fixture.NewPageAsync(width, height);
        await page.GotoAsync($"/?lang={lang}");
        await WaitForMapAsync(page);
        Assert.True(await MarkerCountAsync(page) > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"map-{lang}-{width}x{height}.png") });

        await page.GotoAsync("/stations/culture-labour-secretariat");
        await WaitForMapAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"station-{lang}-{width}x{height}.png"), FullPage = true });

        // Nothing overflows sideways on a phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
