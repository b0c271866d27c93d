using LegalServiceMap.Web.Features.Staff.Stations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>"Which legal help do I need?" used the way residents use it: on a phone, by describing the problem or by choosing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task UnpaidWages_DescribedInChinese_ReachTheLegalAidPreApplication_WithTheLabourMatterFilledIn()
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "我该找哪类法律服务？" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我该找哪类法律服务？", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("用一句话说说您遇到的问题").FillAsync("老板三个月没发工资");
        await page.GetByRole(AriaRole.Button, new() { Name = "帮我找对的服务" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("我们理解为“工作与工资”");
        Assert.DoesNotContain("老板三个月", Uri.UnescapeDataString(page.Url)); // what was typed is not in the address

        await page.GetByRole(AriaRole.Link, new() { Name = "没有", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "工资被拖欠" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "法律援助（免费律师）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "您的回答" })).ToContainTextAsync("工资被拖欠");

        await page.GetByRole(AriaRole.Link, new() { Name = "法律援助预申请（已填好您的回答）" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "法律援助预申请", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("事项类型")).ToHaveValueAsync("labour");
        await Assertions.Expect(page.GetByLabel(fixture.Text("Waived_migrant-worker"))).ToBeCheckedAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task AnEnglishSpeaker_WhoNeedsADocumentCertified_SeesTheNearestNotaryOpenWhenTheyArrive()
    {
        // Test data: the Jing'an notary office placed in Nanjing West Road and open every day (the shipped record has
        // neither: no source gives them). Restored afterwards.
        using var scope = fixture.Service<IServiceScopeFactory>().CreateScope();
        var edits = scope.ServiceProvider.GetRequiredService<StationEditService>();
        var original = (await edits.LoadAsync("notary-jingan"))!;
        var form = original.Copy();
        (form["street"], form["latitude"], form["longitude"], form["locationTier"], form["hours"]) =
            ("nanjingxilu", "31.2295", "121.4560", "approximate", "mon-sun 00:00-23:59");
        Assert.Equal(SaveOutcome.Saved, (await edits.SaveAsync(form, original, "e2e")).Outcome);
        try
        {
            var (page, errors) = await fixture.NewPageAsync(390, 844);
            await page.Context.GrantPermissionsAsync(["geolocation"]);
            await page.Context.SetGeolocationAsync(new Geolocation { Latitude = 31.2290f, Longitude = 121.4550f });
            await page.GotoAsync("/help?lang=en");
            await page.GetByRole(AriaRole.Link, new() { Name = "Documents to certify (notary)" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Certificates or translations for abroad" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who can help" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notary office", Level = 3 })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Walk_MyLocation", english: true) }).ClickAsync();
            await page.WaitForURLAsync("**lat=31.229**");
            var notary = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = fixture.StationName("notary-jingan", english: true) }) });
            await Assertions.Expect(notary).ToContainTextAsync("min walk");
            var today = DateOnly.FromDateTime(LegalServiceMap.Core.Stations.OpeningHours.ToShanghai(DateTimeOffset.UtcNow));
            if (fixture.Service<LegalServiceMap.Core.Stations.HolidayCalendar>().HolidayOn(today) is null)
                await Assertions.Expect(notary).ToContainTextAsync("Open when you arrive");
            // The notary is the first place listed.
            await Assertions.Expect(page.Locator(".help-places > li").First).ToContainTextAsync(fixture.StationName("notary-jingan", english: true));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            var now = (await edits.LoadAsync("notary-jingan"))!;
            var back = now.Copy();
            foreach (var (key, value) in original.Values) back[key] = value;
            await edits.SaveAsync(back, now, "e2e");
        }
    }

    [Fact]
    public async Task NotSure_EndsWithTheHotlineAndThePublicLegalServiceCentre()
    {
        var (page, errors) = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/help");
        await page.GetByRole(AriaRole.Link, new() { Name = "不确定，需要有人帮我判断" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "可以找这些服务" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公共法律服务中心（站）", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "12348" }).First).ToHaveAttributeAsync("href", "tel:12348");
        // Back goes back one answer: the address is the path.
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我该找哪类法律服务？", Level = 1 })).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
