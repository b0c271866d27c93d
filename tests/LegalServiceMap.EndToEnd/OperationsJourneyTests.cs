using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>What the operator's Prometheus sees while residents use the map: Blazor's circuits and event handlers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Metrics_ShowTheOpenCircuit_AndItsEventHandlers()
    {
        var (page, _) = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await MapWaits.WaitForMapAsync(page);
        await fixture.TypeFilter(page, LegalServiceMap.Core.Stations.StationType.Notary).CheckAsync(); // an event handler runs
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("type=notary"));

        // The test host listens on loopback, so the scrape is allowed.
        var scrape = await (await page.APIRequest.GetAsync("/metrics")).TextAsync();
        Assert.Matches(@"aspnetcore_components_circuit_active\{[^}]*\} [1-9]", scrape);
        Assert.Contains("aspnetcore_components_handle_event_duration_seconds_bucket", scrape);
        Assert.Contains("http_server_request_duration_seconds_bucket", scrape);
    }
}
