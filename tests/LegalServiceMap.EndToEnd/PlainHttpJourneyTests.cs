using LegalServiceMap.Web.Features.Staff.Accounts;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using Microsoft.Playwright;
using static LegalServiceMap.EndToEnd.MapWaits;

namespace LegalServiceMap.EndToEnd;

/// <summary>
/// Residents over plain HTTP, as behind a proxy that refuses WebSockets (every page of the fixture refuses them outside
/// the staff workspace): nothing asks for a connection, Back walks the walks, and what was read stays readable offline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlainHttpJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NoResidentPage_OpensAWebSocket_WhileTheStaffWorkspaceStillDoes()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, Locale = "zh-CN" });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, ws) => sockets.Add(ws.Url);

        foreach (var url in new[] { "/", "/?type=judicial-office&lat=31.248121&lng=121.467748", "/stations/culture-labour-secretariat", "/culture", "/coverage", "/help",
                     "/help?problem=work", "/consult", "/legal-aid", "/report", "/status", "/offline" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        // Through enhanced navigation too: a tap, a filter, a link.
        await page.GotoAsync("/");
        await WaitForMapAsync(page);
        await TapMapAsync(page);
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync();
        await fixture.TypeFilter(page, LegalServiceMap.Core.Stations.StationType.Mediation).CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("type=mediation"));
        await page.GetByRole(AriaRole.Link, new() { Name = fixture.Text("Culture_Title") }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/culture$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(sockets);

        // The detector works: a signed-in staff page opens its circuit.
        const string email = "e2e-sockets@example.org", password = "a long enough passphrase";
        Assert.True((await StaffAuthentication.CreateAccountAsync(fixture.Service<IServiceProvider>(), email, password, StaffRoles.Editor)).Ok);
        await page.GotoAsync("/staff/login?returnUrl=%2Fstaff");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "工作人员登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/staff$"));
        for (var deadline = DateTime.UtcNow.AddSeconds(20); sockets.Count == 0 && DateTime.UtcNow < deadline;) await Task.Delay(100);
        Assert.Contains(sockets, s => s.Contains("/_blazor"));
    }

    [Fact]
    public async Task FromTheWorkspacesSignInPage_TheSiteLinkOpensAWorkingMap()
    {
        // The sign-in page is static too, so this link is an enhanced navigation: the map's module must already be there.
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await page.Locator(".app-header a.brand").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = fixture.Text("Map_Heading"), Level = 1 })).ToBeVisibleAsync();
        await WaitForMapAsync(page);
        await TapMapAsync(page);
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task TwoTapsOnTheMap_AreTwoWalks_AndBackReturnsToTheFirst_WithMarkersAndListInStep()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await WaitForMapAsync(page);
        var map = Find.Map(page);

        static string Lat(string url) => Regex.Match(url, "[?&]lat=([0-9.]+)").Groups[1].Value;

        await TapMapAsync(page, 0.35, 0.4);
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?]lat=3[01]\.[0-9]+&lng=121\.[0-9]+$"));
        var first = page.Url;
        var firstSummary = await Find.WalkSummary(page).TextContentAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area-url", new Regex("lat=" + Regex.Escape(Lat(first)) + "&"), Slow);

        await TapMapAsync(page, 0.65, 0.6);
        await Assertions.Expect(page).Not.ToHaveURLAsync(first);
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync();
        var second = page.Url;
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area-url", new Regex("lat=" + Regex.Escape(Lat(second)) + "&"), Slow);

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(first);
        await Assertions.Expect(Find.WalkSummary(page)).ToHaveTextAsync(firstSummary!);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area-url", new Regex("lat=" + Regex.Escape(Lat(first)) + "&"), Slow);
        // The markers the map marks as inside are the places the server lists.
        var listed = await Find.WalkList(page).GetByRole(AriaRole.Listitem).CountAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-inside-count", listed.ToString(), Slow);

        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(second);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task AfterOneVisit_TheMapAndAStationPage_ReadOffline_WithTheBanner_AndAFormIsNotSentOffline()
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/?type=culture-site");
        await WaitForMapAsync(page);
        // The service worker has kept what this first visit loaded (before it ran).
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline-ready", "true", new() { Timeout = 20_000 });
        var listed = await BrowserFixture.ListedPlaces(page).CountAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = fixture.StationName("culture-labour-secretariat"), Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(fixture.StationName("culture-labour-secretariat"));
        await page.GotoAsync("/consult");
        await page.GetByLabel(fixture.Text("Consult_Question")).FillAsync("邻居装修噪音问题，想咨询如何处理。");

        await page.Context.SetOfflineAsync(true);
        // A form sent with no network: not sent, said so, the text kept.
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Form_Send") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = fixture.Text("Offline_NotSent") })).ToBeVisibleAsync();
        Assert.Equal("邻居装修噪音问题，想咨询如何处理。", await page.GetByLabel(fixture.Text("Consult_Question")).InputValueAsync());

        // The station page, reloaded with no network: its kept copy, with the banner, its phone still a link.
        await page.GotoAsync("/stations/culture-labour-secretariat");
        var banner = page.Locator("[data-offline-banner]");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync(new Regex(@"离线 · 截至 \d{4}-\d\d-\d\d \d\d:\d\d"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "021-62157732" })).ToHaveAttributeAsync("href", "tel:02162157732");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "offline-station-zh-390x844.png"), FullPage = true });

        // The list last seen, with its markers (the stations' data was kept too).
        await page.GotoAsync("/?type=culture-site");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(BrowserFixture.ListedPlaces(page)).ToHaveCountAsync(listed);
        await WaitForMapAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "offline-map-zh-390x844.png") });

        // A page never opened here: the offline page, not the browser's error.
        await page.GotoAsync("/stations/notary-jingan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(fixture.Text("Offline_Title"));

        // The network back (a phone woken up), on the list read offline: the first tap is answered, with nothing to
        // reconnect first, and the new page is the network's.
        await page.GotoAsync("/?type=culture-site");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await WaitForMapAsync(page);
        await page.Context.SetOfflineAsync(false);
        await TapMapAsync(page, 0.5, 0.25);
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(banner).ToBeHiddenAsync();

        await page.GotoAsync("/stations/culture-labour-secretariat");
        await Assertions.Expect(banner).ToBeHiddenAsync();
        Assert.True(errors.All(e => e.Contains("ERR_INTERNET_DISCONNECTED") || e.Contains("Failed to fetch") || e.Contains("Failed to load resource")),
            string.Join("\n", errors));
    }
}
