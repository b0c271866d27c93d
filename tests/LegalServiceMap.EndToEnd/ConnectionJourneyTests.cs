using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>
/// A staff member's laptop that sleeps: the workspace's connection drops, the network is gone for longer than the server
/// keeps the circuit, then it comes back. The page shows the calm, localized reconnect notice meanwhile and afterwards
/// works again with its filters (the circuit is evicted after 2 s in the test host, .NET 10 resumes it from its persisted
/// state; were that gone too, ReconnectModal.razor.js reloads, and the filters live in the URL). Residents' pages hold no
/// connection at all (PlainHttpJourneyTests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionJourneyTests(BrowserFixture fixture)
{
    // Lets the test drop the page's live connection the way a sleeping machine's network does.
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
    public async Task AfterTheCircuitIsGone_TheStaffPageRecoversWithItsFilters()
    {
        var offline = false;
        var (page, _) = await fixture.NewPageAsync(1366, 768, staffOffline: () => offline);
        await page.AddInitScriptAsync(TrackSockets);
        await fixture.SignInAsync(page, "e2e-sleep@example.org", "/staff/requests?status=received");
        var chips = page.GetByTestId("status-chips");
        await TapUntilAsync(page, chips.Locator(".mud-chip[data-status=answered]"), new System.Text.RegularExpressions.Regex("status=answered")); // the circuit is up

        // Sleep: no network (a new circuit socket is refused) and the live socket closes.
        offline = true;
        var tracker = fixture.Service<CircuitTracker>();
        var down = tracker.NextConnectionDown;
        await page.EvaluateAsync("() => window.__lsmSockets.forEach((s) => s.close())");

        var notice = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(notice).ToContainTextAsync("重新连接");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reconnect-zh-1366.png") });

        // Until the server has given up the dropped circuit (after 2 s in the test host).
        await tracker.ClosedAsync(await down.WaitAsync(TimeSpan.FromSeconds(30))).WaitAsync(TimeSpan.FromSeconds(30));
        offline = false;

        // Wake: the page comes back (resumed or cleanly reloaded), still filtered, and interactive again.
        await Assertions.Expect(notice).Not.ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=answered"));
        // A tap in the moment the resumed page is wired up again can be lost (a person taps again); one of five must take.
        await TapUntilAsync(page, chips.Locator(".mud-chip").First, new System.Text.RegularExpressions.Regex("/staff/requests$"));
    }

    /// <summary>Taps until the address shows the circuit took it (a tap while the page is wired up is the browser's alone).</summary>
    internal static async Task TapUntilAsync(IPage page, ILocator target, System.Text.RegularExpressions.Regex address)
    {
        for (var tap = 0; tap < 5 && !address.IsMatch(page.Url); tap++)
        {
            await target.ClickAsync(new() { Timeout = 60_000 });
            try { await page.WaitForURLAsync(address, new() { Timeout = 4_000 }); } catch (TimeoutException) { }
        }
        Assert.Matches(address, page.Url);
    }
}
