using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>What the operator's Prometheus sees: the staff workspace's circuits and event handlers; residents hold none.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsJourneyTests(BrowserFixture fixture)
{
    private static int Gauge(string scrape, string name) =>
        Regex.Match(scrape, "^" + name + @"(\{[^}]*\})? ([0-9.]+)", RegexOptions.Multiline) is { Success: true } m ? (int)double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public async Task Metrics_ShowTheStaffCircuit_AndItsEventHandlers_AndNoneForResidents()
    {
        // The test host listens on loopback, so the scrape is allowed.
        var (resident, _) = await fixture.NewPageAsync();
        var before = Gauge(await (await resident.APIRequest.GetAsync("/metrics")).TextAsync(), "aspnetcore_components_circuit_active");
        await resident.GotoAsync("/?type=notary");
        await MapWaits.WaitForMapAsync(resident);
        await fixture.TypeFilter(resident, LegalServiceMap.Core.Stations.StationType.Mediation).CheckAsync();
        await Assertions.Expect(resident).ToHaveURLAsync(new Regex("type=notary,mediation"));
        // Circuits of earlier journeys may still be let go meanwhile; a resident never adds one.
        Assert.True(Gauge(await (await resident.APIRequest.GetAsync("/metrics")).TextAsync(), "aspnetcore_components_circuit_active") <= before);

        var (page, _) = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "e2e-metrics@example.org", "/staff/requests");
        // An event handler runs (a tap before the circuit is up is the browser's alone: tap until the address changes).
        for (var tap = 0; tap < 5 && !page.Url.Contains("status="); tap++)
        {
            await page.Locator("[data-testid=status-chips] .mud-chip").Nth(1).ClickAsync();
            try { await page.WaitForURLAsync(new Regex("status="), new() { Timeout = 4_000 }); } catch (TimeoutException) { }
        }
        Assert.Contains("status=", page.Url);
        var scrape = await (await page.APIRequest.GetAsync("/metrics")).TextAsync();
        Assert.True(Gauge(scrape, "aspnetcore_components_circuit_active") >= 1, scrape);
        Assert.Contains("aspnetcore_components_handle_event_duration_seconds_bucket", scrape);
        Assert.Contains("http_server_request_duration_seconds_bucket", scrape);
    }
}
