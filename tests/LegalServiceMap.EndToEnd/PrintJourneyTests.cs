using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>Community workers print for older residents: a station page and a walk's places, one A4 page each.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintJourneyTests(BrowserFixture fixture)
{
    /// <summary>Pages of a PDF Chromium printed (its page objects, not the page tree).</summary>
    private static int PageCount(byte[] pdf) => Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])").Count;

    private static async Task<byte[]> PrintAsync(IPage page, string name)
    {
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, name), pdf);
        return pdf;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AStationPage_PrintsOnOnePage_WithAddressPhoneHoursQrDateAndUnverified(bool english)
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync($"/stations/culture-second-congress?lang={(english ? "en" : "zh")}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Print_Button", english) })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(fixture.Text("Print_PrintedOn", english, "|").Split('|')[0])))).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Print_Button", english) })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".app-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(fixture.Text("Print_PrintedOn", english, "|").Split('|')[0])))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(fixture.Text("Print_PrintedOn", english, "|").Split('|')[0])))).ToContainTextAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"));
        await Assertions.Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = fixture.Text("Station_Unverified", english) })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Figure)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("021-51311515");
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync(english ? "North Laochengdu Road" : "老成都北路");
        Assert.Equal(1, PageCount(await PrintAsync(page, $"print-station-{(english ? "en" : "zh")}.pdf")));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AWalksPlaces_PrintOnOnePage_WithoutTheMap_WithDetailsQrAndDate(bool english)
    {
        var (page, errors) = await fixture.NewPageAsync(1366, 768);
        await page.GotoAsync($"/?lang={(english ? "en" : "zh")}&lat=31.226107&lng=121.453181");
        await MapWaits.WaitForMapAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Print_Button", english) })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Find.Map(page)).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".walk-controls")).ToBeHiddenAsync();
        await Assertions.Expect(Find.WalkPrintHead(page)).ToBeVisibleAsync();
        var qr = Find.WalkPrintHead(page).Locator("img");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code did not load");
        var memorial = page.Locator("[data-testid=walk-list] li[data-station-id=culture-second-congress]");
        await Assertions.Expect(memorial).ToContainTextAsync("021-51311515");
        await Assertions.Expect(memorial).ToContainTextAsync(fixture.Text("Station_Unverified", english));
        Assert.Equal(1, PageCount(await PrintAsync(page, $"print-walk-{(english ? "en" : "zh")}.pdf")));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
