using Bunit;
using LegalServiceMap.Web.Components.Layout;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Tests.Infrastructure;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Stations;

public sealed class StationPageTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    [Fact]
    public void StationPage_ShowsFactsTelLinkAndOpenNowInShanghaiTime()
    {
        this.AddAppServices(_db, now: BunitSetup.TuesdayMorning);
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "culture-labour-secretariat"));

        Assert.Equal("h1", cut.FindByRole("heading", "中国劳动组合书记部旧址陈列馆").LocalName);
        Assert.Equal("tel:02162157732", cut.FindByRole("link", "021-62157732").GetAttribute("href"));
        Assert.Equal("正在开放，11:30 结束", cut.Find("[data-testid=open-now]").TextContent.Trim());
        Assert.Equal(7, cut.FindAll(".hours-table tr").Count);
        Assert.Contains(cut.FindAllByRole("note"), n => n.TextContent.Contains("未核实"));
    }

    [Fact]
    public void StationPage_OnMonday_SaysClosedAndWhenItOpens()
    {
        this.AddAppServices(_db, now: new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)));
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "culture-labour-secretariat"));
        Assert.Equal("现在休息，周二 09:00 开放", cut.Find("[data-testid=open-now]").TextContent.Trim());
    }

    [Fact]
    public void StationPage_NoHoursNoPhone_SaysNotYetKnownRatherThanInventing()
    {
        this.AddAppServices(_db, "en");
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "notary-zhabei"));
        Assert.Equal("h1", cut.FindByRole("heading", "Zhabei Notary Office").LocalName);
        Assert.Empty(cut.FindAll("a.tel-link"));
        Assert.Contains("Unknown: opening hours not confirmed", cut.Find("[data-testid=open-now]").TextContent);
        Assert.Contains("not yet known, so it is not on the map", cut.Markup);
        Assert.Empty(cut.FindAll("[data-map]")); // no small map without a location
    }

    [Fact]
    public void StationPage_StreetLevelStation_ShowsTheTierAndASmallMap()
    {
        this.AddAppServices(_db, "en");
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "judicial-office-beizhan"));
        Assert.Contains("street/town only (approximate)", cut.Find(".location-note").TextContent);
        var map = cut.MapFrame();
        Assert.Equal("api/stations/judicial-office-beizhan?lang=en", map.Text("stations"));
        Assert.False(map.GetProperty("settings").GetProperty("interactive").GetBoolean()); // a picture of where it is, not a second map to use
        Assert.Equal(14, map.GetProperty("settings").GetProperty("zoom").GetInt32()); // approximate: zoomed out
    }

    [Fact]
    public void StationPage_OnAPublicHoliday_SaysWhichAndWhenItOpens()
    {
        // Thursday 2026-10-01, National Day: the museum's Thursday hours do not apply.
        this.AddAppServices(_db, "en", now: new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "culture-labour-secretariat"));
        Assert.Equal("Closed for National Day; opens 2026-10-08 09:00", cut.Find("[data-testid=open-now]").TextContent.Trim());
    }

    [Fact]
    public async Task StationPage_TemporarilyClosed_ShowsTheClosureDatesAndReason()
    {
        this.AddAppServices(_db);
        await using (var db = _db.Factory.CreateDbContext())
        {
            var s = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Stations, x => x.Id == "culture-labour-secretariat");
            s.Status = LegalServiceMap.Core.Stations.StationStatus.TemporarilyClosed;
            s.ClosedFrom = new DateOnly(2026, 11, 30);
            s.ClosedUntil = new DateOnly(2026, 12, 6);
            s.ClosureReasonZh = "场馆修缮";
            await db.SaveChangesAsync();
        }
        await _db.Store.LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "culture-labour-secretariat"));
        var alert = cut.Find("[data-testid=closure]").TextContent;
        Assert.Contains("暂停服务", alert);
        Assert.Contains("2026-11-30 至 2026-12-06", alert);
        Assert.Contains("场馆修缮", alert);
        Assert.Equal("暂停服务，2026-12-07 起恢复", cut.Find("[data-testid=open-now]").TextContent.Trim());
    }

    [Fact]
    public async Task StationPage_SpecialDay_IsListedAndDecidesOpenNow()
    {
        this.AddAppServices(_db, now: BunitSetup.TuesdayMorning); // Tuesday 2026-12-01 10:00
        var service = new LegalServiceMap.Web.Features.Staff.Stations.StationEditService(_db.Factory, _db.Store, TimeProvider.System, _db.Security);
        var loaded = (await service.LoadAsync("culture-labour-secretariat"))!;
        var form = loaded.Copy();
        form["exceptions"] = "2026-12-01 closed\n2026-12-07 09:00-11:30";
        Assert.Equal(LegalServiceMap.Web.Features.Staff.Stations.SaveOutcome.Saved, (await service.SaveAsync(form, loaded, "editor")).Outcome);

        var cut = Render<StationPage>(p => p.Add(s => s.Id, "culture-labour-secretariat"));
        Assert.Equal(2, cut.FindAll("[data-testid=special-days] li").Count);
        Assert.StartsWith("现在休息", cut.Find("[data-testid=open-now]").TextContent.Trim());
    }

    [Fact]
    public void StationPage_HasAQrCodeAndDirectionsInGcj02ForAmap()
    {
        this.AddAppServices(_db);
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "judicial-office-beizhan"));
        Assert.Contains("<svg", cut.FindAllByRole("figure").Single().InnerHtml);
        var amap = cut.FindAllByRole("link").Single(a => a.GetAttribute("href")!.Contains("amap.com")).GetAttribute("href")!;
        var gcj = LegalServiceMap.Core.Geo.ChinaCoordinates.WgsToGcj(new LegalServiceMap.Core.Geo.GeoPoint(31.248121, 121.467748));
        Assert.Contains(FormattableString.Invariant($"position={gcj.Longitude:0.######},{gcj.Latitude:0.######}"), amap);
        Assert.Contains("coordinate=gaode", amap);
        Assert.Contains("mlat=31.248121", cut.FindAllByRole("link").Single(a => a.GetAttribute("href")!.Contains("openstreetmap.org")).GetAttribute("href"));
        Assert.Contains(cut.FindAllByRole("link"), a => a.GetAttribute("href")!.Contains("amap.com") && a.TextContent.Contains("外部链接"));
    }

    [Fact]
    public void StationPage_TextIsEncoded()
    {
        this.AddAppServices(_db);
        var cut = Render<StationPage>(p => p.Add(s => s.Id, "culture-rule-of-law-green"));
        Assert.DoesNotContain("<script", cut.Markup);
        Assert.Contains("威海路陕西北路口", cut.Markup);
    }
}

public sealed class LanguageSwitchTests : BunitContext
{
    [Theory]
    [InlineData("zh-CN", "English", "lang=en")]
    [InlineData("en", "中文", "lang=zh")]
    public void LanguageSwitch_Click_ReloadsTheSamePageInTheOtherLanguage(string culture, string label, string query)
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        Services.AddLocalization();
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/stations/notary-jingan?x=1");

        var cut = Render<LanguageSwitch>();
        var link = cut.FindByRole("link", label);
        Assert.Equal(label, link.TextContent.Trim());
        Assert.Contains(query, link.GetAttribute("href"));

        link.Click();
        var fake = (BunitNavigationManager)nav;
        Assert.True(fake.History.First().Options.ForceLoad);
        Assert.Equal($"http://localhost/stations/notary-jingan?x=1&{query}", fake.History.First().Uri);
    }
}
