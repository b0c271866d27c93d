using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static LegalServiceMap.EndToEnd.MapWaits;

namespace LegalServiceMap.EndToEnd;

/// <summary>The phone layout: the list and details in a bottom sheet over the map, back navigation, the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneJourneyTests(BrowserFixture fixture)
{
    private static Task<double> HeightAsync(ILocator locator) =>
        locator.EvaluateAsync<double>("e => e.getBoundingClientRect().height");

    [Theory]
    [InlineData("zh", "临汾路街道司法所", "查看详情")]
    [InlineData("en", "Judicial Office of Linfen Road Sub-district", "Details")]
    public async Task Embedded_OnAPhone_TheSheetSlidesOverTheMap_AMarkerOpensDetails_AndBackWalksTheViews(string lang, string name, string details)
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"/?type=judicial-office&embed=1&lang={lang}");
        await WaitForMapAsync(page);
        var sheet = Find.Sheet(page);
        var handle = Find.SheetHandle(page);

        // Peek: a strip at the bottom with the search box; the map has the rest of the screen.
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-sheet", "peek");
        Assert.InRange(await HeightAsync(sheet), 120, 844 * 0.3);
        Assert.True(await HeightAsync(page.Locator(".map-area")) > 500);
        Assert.True(await HeightAsync(handle) >= 44);
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync(); // embedded: no site header

        // The handle steps peek → half → full → peek.
        await handle.ClickAsync();
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-sheet", "half");
        await Assertions.Expect(handle).ToHaveAttributeAsync("aria-expanded", "true");
        await handle.ClickAsync();
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-sheet", "full");
        // Once its height transition has ended, the sheet covers most of the screen.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=sheet]').getAnimations().length === 0");
        Assert.True(await HeightAsync(sheet) > 844 * 0.8);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"sheet-full-{lang}-390x844.png") });
        await handle.ClickAsync();
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-sheet", "peek");

        // Tapping the map draws the walking circle; its result shows in the peeking sheet; Back removes it.
        await MapWaits.TapMapAsync(page);
        await Assertions.Expect(Find.WalkPeek(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-sheet", "peek"); // the new address keeps the sheet where it was
        await page.GoBackAsync();
        await Assertions.Expect(Find.WalkPeek(page)).ToHaveCountAsync(0, new() { Timeout = 20_000 });

        // "Show on map" lowers the sheet; tapping the marker then opens its details in the sheet, as a history entry.
        await BrowserFixture.ShowAllPlacesAsync(page);
        await fixture.ShowOnMap(page, "judicial-office-linfenlu", lang == "en").ClickAsync();
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-sheet", "peek");
        var marker = page.Locator($".leaflet-marker-icon[title^=\"{name}\"]");
        await Assertions.Expect(marker).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // The tap goes to the marker itself: while the map is still settling from "show on map" (zoom, unclustering), a
        // tap by position could land on the map beside it and start a walk instead.
        await marker.DispatchEventAsync("click");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("station=judicial-office-linfenlu"));
        var card = page.GetByRole(AriaRole.Article);
        await Assertions.Expect(card).ToContainTextAsync(name);
        await Assertions.Expect(sheet).ToHaveAttributeAsync("data-sheet", "half");
        await Assertions.Expect(page.Locator(".leaflet-popup")).ToHaveCountAsync(0); // no popup over the small map
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"sheet-details-{lang}-390x844.png") });

        // Details page, then Back to the map with the card, then Back again to the map without it, filters intact.
        await card.GetByRole(AriaRole.Link, new() { Name = details, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/stations/judicial-office-linfenlu"));
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("station=judicial-office-linfenlu"));
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync(name, new() { Timeout = 20_000 });
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        Assert.Contains("type=judicial-office", page.Url);
        Assert.DoesNotContain("station=", page.Url);
        Assert.Contains("all=1", page.Url); // "show all" is part of the address too
        await Assertions.Expect(BrowserFixture.ListedPlaces(page)).ToHaveCountAsync(fixture.Count(LegalServiceMap.Core.Stations.StationType.JudicialOffice));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task HostAppStation_OpensItsDetails_AndTheCloseButtonReturnsToTheList()
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/?station=culture-labour-secretariat&embed=1&lang=en");
        await WaitForMapAsync(page);
        var card = page.GetByRole(AriaRole.Article);
        await Assertions.Expect(card).ToContainTextAsync("National Labor Union Secretariat");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = fixture.Service<LegalServiceMap.Web.Features.Stations.StationQueries>().Find("culture-labour-secretariat")!.Phone })).ToHaveAttributeAsync("href", "tel:02162157732");
        // The map shows the station once its markers are drawn, and the sheet drops for it: tap once that has happened
        // and the sheet has settled (a tap during the move would land on the map).
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-focused", "culture-labour-secretariat", Slow);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=sheet]').getAnimations().length === 0");
        await page.GetByRole(AriaRole.Link, new() { Name = fixture.Text("Selected_Close", true) }).ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        Assert.DoesNotContain("station=", page.Url);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task ALinkInThePeekingSheet_IsFollowedOnTheFirstTap_EvenWithoutAnimation()
    {
        // Pressing a link focuses it; the sheet rises for a control reached from the keyboard, not for one under a finger,
        // or the link would move away between press and release and the tap would be lost.
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await page.GotoAsync("/");
        await WaitForMapAsync(page);
        Assert.Equal("peek", await Find.Sheet(page).GetAttributeAsync("data-sheet"));
        await page.GetByRole(AriaRole.Link, new() { Name = "我该找哪类法律服务？" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我该找哪类法律服务？", Level = 1 })).ToBeVisibleAsync();

        // A station's name near the top of the sheet, tapped, opens its page too.
        await page.GoBackAsync();
        await WaitForMapAsync(page);
        var first = page.GetByRole(AriaRole.List).First.GetByRole(AriaRole.Link).First;
        var name = await first.TextContentAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name!.Trim(), Level = 1 })).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Keyboard_ReachesTheSheetAndTheList_AndOperatesTheHandle()
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/?lang=en");
        await WaitForMapAsync(page);

        // Start from the top of the page, as after loading it.
        await page.EvaluateAsync("() => { const s = document.querySelector('.skip-link'); s.focus(); }");
        Assert.Equal("peek", await Find.Sheet(page).GetAttributeAsync("data-sheet"));
        var reached = new List<string> { "A||||skip-link" };
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return [e.tagName, e.dataset.testid ?? '', e.dataset.type ?? '', e.className ?? '', e.getAttribute('href') ?? ''].join('|'); }"));
        }
        Assert.Contains(reached, r => r.Contains("|elder-switch|"));
        Assert.Contains(reached, r => r.Contains("|sheet-handle|"));
        Assert.Contains(reached, r => r.StartsWith("INPUT|search|"));
        Assert.Contains(reached, r => r.StartsWith("INPUT||notary|"));
        Assert.Contains(reached, r => r.Contains("station-name") && r.Contains("stations/"));
        Assert.Contains(reached, r => r.StartsWith("A|") && r.Contains("icon-walk"));
        // Tabbing into the list raised the sheet so the focused item can be seen.
        Assert.NotEqual("peek", await Find.Sheet(page).GetAttributeAsync("data-sheet"));

        // The handle works from the keyboard.
        await Find.SheetHandle(page).FocusAsync();
        var before = await Find.Sheet(page).GetAttributeAsync("data-sheet");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Find.Sheet(page)).Not.ToHaveAttributeAsync("data-sheet", before!);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("/?lang=zh")]
    [InlineData("/?lang=en&station=culture-labour-secretariat")]
    public async Task TapTargets_OnThePhoneMap_AreAtLeast44Px(string url)
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync(url);
        await WaitForMapAsync(page);
        await Find.SheetHandle(page).ClickAsync();
        await Find.SheetHandle(page).ClickAsync(); // full height: everything in the sheet laid out
        var small = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll(
            '[data-testid=sheet] button, [data-testid=sheet] input, [data-testid=sheet] .type-option, [data-testid=sheet] .action-button, .leaflet-control-zoom a, .app-header a')]
            .filter(e => e.getClientRects().length > 0)
            // A checkbox or radio is tapped through its label.
            .map(e => e.matches('input[type=checkbox], input[type=radio]') && e.closest('label') ? e.closest('label') : e)
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.height < 44 - 0.5 && !e.matches('.leaflet-control-zoom a'))
            .map(([e, r]) => `${e.tagName}.${e.className} '${e.textContent.trim().slice(0, 20)}' ${Math.round(r.width)}x${Math.round(r.height)}`)");
        Assert.True(small.Length == 0, string.Join("\n", small));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Desktop_ShowsListAndMapSideBySide_WithoutTheHandle()
    {
        var (page, errors) = await fixture.NewPageAsync(1366, 768);
        await page.GotoAsync("/?lang=zh");
        await WaitForMapAsync(page);
        var panel = await Find.Sheet(page).BoundingBoxAsync();
        var map = await page.Locator(".map-area").BoundingBoxAsync();
        Assert.NotNull(panel);
        Assert.NotNull(map);
        Assert.True(panel!.X + panel.Width <= map!.X + 1, $"panel ends at {panel.X + panel.Width}, map starts at {map.X}");
        Assert.True(map.Height > 500);
        await Assertions.Expect(Find.SheetHandle(page)).ToBeHiddenAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("zh", "法治路线行走", "{0} 个点位")]
    [InlineData("en", "Rule-of-law walk", "{0} stops")]
    public async Task CultureMap_ElderModeOnAPhone_ShowsTheWalkAndDrawsIt(string lang, string heading, string summaryFormat)
    {
        var stops = fixture.CultureStops();
        var summary = string.Format(System.Globalization.CultureInfo.InvariantCulture, summaryFormat, stops);
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"/culture?embed=1&elder=1&lang={lang}");
        await Assertions.Expect(page.Locator("body.elder")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        await Assertions.Expect(Find.RouteSummary(page)).ToContainTextAsync(summary);
        await Assertions.Expect(Find.RouteSummary(page)).ToContainTextAsync("3.6"); // elder mode: the slower pace
        await Assertions.Expect(Find.RouteStops(page).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(stops);
        // The route is drawn on the map (as an estimate, dashed: no street network in this app).
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-area", "estimate", Slow);
        await Assertions.Expect(page.Locator("path.leaflet-interactive, .leaflet-overlay-pane path").First).ToBeAttachedAsync();
        // Still the slower pace now that the page is interactive (the mode is carried into the circuit).
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-area-url", new Regex("pace=elder"), Slow);
        await Assertions.Expect(Find.RouteSummary(page)).ToContainTextAsync("3.6");
        var size = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.culture-site p')).fontSize)");
        Assert.True(size >= 18, $"text at {size}px");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"culture-elder-{lang}-390x844.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task CultureMap_Desktop_Screenshot(string lang)
    {
        var (page, errors) = await fixture.NewPageAsync(1366, 768);
        await page.GotoAsync($"/culture?lang={lang}");
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-area", "estimate", Slow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"culture-{lang}-1366x768.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
