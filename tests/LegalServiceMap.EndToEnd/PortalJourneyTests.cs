using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class PortalJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ReportAnErrorFromAStationPage_ThenReadItsStatus()
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/stations/notary-zhabei");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = fixture.Text("Report_Button") }).ClickAsync();
        await page.WaitForURLAsync("**/report?station=notary-zhabei**");
        await Assertions.Expect(page.GetByLabel("内容标题")).ToHaveValueAsync("闸北公证处");
        await Assertions.Expect(page.GetByLabel("出错页面的地址")).ToHaveValueAsync("/stations/notary-zhabei");

        await page.GetByLabel("电话错误").CheckAsync();
        await page.GetByLabel("操作经过（至少 10 个字）").FillAsync("页面没有电话号码，能否补充公证处的联系电话？");
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("测试居民");
        await page.GetByLabel("联系方式（选填）").FillAsync("13812345678");

        // A half-filled form survives a reload (kept in this browser until it is sent).
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("测试居民");
        await Assertions.Expect(page.GetByLabel("电话错误")).ToBeCheckedAsync();

        var retention = fixture.Service<Microsoft.Extensions.Options.IOptions<LegalServiceMap.Web.Features.Portal.PortalOptions>>().Value.RetentionDaysAfterClosing;
        await page.GetByRole(AriaRole.Checkbox, new() { Name = fixture.Text("Consent_Text", false, retention) }).CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "report-zh-390x844.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Form_Send") }).ClickAsync();
        await page.WaitForURLAsync("**/submitted/JA-*");
        var reference = (await page.GetByText(new System.Text.RegularExpressions.Regex(@"^JA-\d{4}-\d{6}-[A-Z0-9]{4}$")).TextContentAsync())!.Trim();
        Assert.Matches(@"^JA-\d{4}-\d{6}-[A-Z2-9]{4}$", reference);
        // The resident is told when to expect the answer (an error report: 5 working days).
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"^我们将在 \d{4}年.+前答复（5 个工作日内"))).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "submitted-zh-390x844.png"), FullPage = true });

        // The draft is gone once sent.
        await page.GotoAsync("/report?station=notary-zhabei");
        await Assertions.Expect(page.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("");

        await page.GotoAsync("/status");
        await page.GetByLabel(fixture.Text("StatusPage_Reference"), new() { Exact = true }).FillAsync(reference);
        await page.GetByLabel(fixture.Text("StatusPage_Last4")).FillAsync("5678");
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("StatusPage_Check") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "已收到，等待处理" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "（5 个工作日内）" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "status-zh-390x844.png"), FullPage = true });

        // The same in English on a desktop.
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"/status?reference={reference}&last4=5678&lang=en");
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "(within 5 working days)" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "status-en-1366x768.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
