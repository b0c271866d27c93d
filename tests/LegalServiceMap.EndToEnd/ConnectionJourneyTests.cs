using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>
/// A phone that sleeps: the connection drops, the network is gone for longer than the server keeps the circuit,
/// then it comes back. The page shows the calm, localized reconnect notice meanwhile and afterwards works again
/// with its state restored. (Server log of this test: the circuit is evicted after 2 s, the reconnect is refused,
/// and .NET 10 resumes the circuit from its persisted state; were that gone too, ReconnectModal.razor.js reloads,
/// and the filters live in the URL.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionJourneyTests(BrowserFixture fixture)
{
    // Lets the test drop the page's live connection the way a sleeping phone's network does.
    internal const string TrackSockets = """
        (() => {
          const Native = window.WebSocket;
          window.__lsmSockets = [];
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); window.__lsmSockets.push(this); }
          };
        })();
        """;

    [Fact]
    public async Task AfterTheCircuitIsGone_ThePageRecoversWithItsFilters()
    {
        var (page, _) = await fixture.NewPageAsync(390, 844);
        await page.AddInitScriptAsync(TrackSockets);
        await page.GotoAsync("/?embed=1&type=judicial-office");
        var map = page.GetByTestId("map").First;
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 20_000 });
        await Assertions.Expect(BrowserFixture.ListedPlaces(page)).ToHaveCountAsync(BrowserFixture.FirstPage(fixture.Count(LegalServiceMap.Core.Stations.StationType.JudicialOffice)));

        // Sleep: no network (a new circuit socket is refused) and the live socket closes.
        var offline = true;
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            if (offline) ws.CloseAsync();
            else ws.ConnectToServer();
        });
        var tracker = fixture.Service<CircuitTracker>();
        var down = tracker.NextConnectionDown;
        await page.EvaluateAsync("() => window.__lsmSockets.forEach((s) => s.close())");

        var notice = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(notice).ToContainTextAsync("重新连接");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reconnect-zh-390.png") });

        // Until the server has given up the dropped circuit (after 2 s in the test host).
        await tracker.ClosedAsync(await down.WaitAsync(TimeSpan.FromSeconds(30))).WaitAsync(TimeSpan.FromSeconds(30));
        offline = false;

        // Wake: the page comes back (resumed or cleanly reloaded), still filtered, and interactive again.
        await Assertions.Expect(fixture.TypeFilter(page, LegalServiceMap.Core.Stations.StationType.Notary)).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(notice).Not.ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("type=judicial-office"));
        await Assertions.Expect(BrowserFixture.ListedPlaces(page)).ToHaveCountAsync(BrowserFixture.FirstPage(fixture.Count(LegalServiceMap.Core.Stations.StationType.JudicialOffice)));
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 60_000 });
        // A tap in the moment the resumed page is wired up again can be lost (a resident taps again); one of five must take.
        var notary = new System.Text.RegularExpressions.Regex("type=.*notary");
        for (var tap = 0; tap < 5 && !notary.IsMatch(page.Url); tap++)
        {
            await fixture.TypeFilter(page, LegalServiceMap.Core.Stations.StationType.Notary).ClickAsync(new() { Timeout = 60_000 });
            try { await page.WaitForURLAsync(notary, new() { Timeout = 4_000 }); } catch (TimeoutException) { }
        }
        Assert.Matches(notary, page.Url);
    }
}
