using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>The Content-Security-Policy holds in a real browser: every kind of page works under it and nothing is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/?lang=zh", 1366, 768)]
    [InlineData("/?embed=1&lang=en", 390, 844)]
    [InlineData("/?elder=1&lang=zh", 390, 844)]
    public async Task MapPage_UnderThePolicy_DrawsItsMarkers_WithoutAViolation(string url, int width, int height)
    {
        var (page, errors) = await fixture.NewPageAsync(width, height);
        var response = await page.GotoAsync(url);
        Assert.Contains("script-src 'self' 'nonce-", response!.Headers["content-security-policy"]);
        await MapWaits.WaitForMapAsync(page);
        Assert.True(int.Parse((await Find.Map(page).GetAttributeAsync("data-marker-count"))!) > 0);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/stations/notary-jingan?lang=en")]
    [InlineData("/culture?lang=zh")]
    [InlineData("/consult?lang=zh")]
    [InlineData("/status?lang=en")]
    [InlineData("/staff/login?lang=zh")]
    public async Task OtherPages_UnderThePolicy_LoadWithoutAViolation(string url)
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Kestrel_SendsNoServerHeader()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(fixture.BaseUrl + "/api/stations");
        Assert.False(response.Headers.Contains("Server"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
