using Bunit;
using LegalServiceMap.Web.Features.Culture;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Culture;

public sealed class CulturePageTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    [Fact]
    public void CulturePage_ShowsTheWalkInOrder_TheCitedDescriptions_AndWhatIsNotPlaced()
    {
        this.AddAppServices(_db, "en");
        var cut = Render<CulturePage>();

        var seeded = _db.Queries.PublicCatalog.All.Where(s => s.Type == LegalServiceMap.Core.Stations.StationType.CultureSite).ToList();
        var placed = seeded.Count(s => s.Location is not null && CultureJson.OnRoute().Contains(s.Id));
        var stops = cut.FindAll("[data-testid=route-stops] > li");
        Assert.Equal(placed, stops.Count);
        Assert.Matches($@"^{placed} stops · [\d.]+ k?m · about \d+ min at 5 km/h$", cut.Find("[data-testid=route-summary]").TextContent.Trim());
        Assert.Contains("indicative until staff place their pins", cut.Markup);
        Assert.Contains("Site of the Preparatory Meeting of the National Soviet Areas Congress", cut.Markup);

        Assert.Contains("2024 report names two of them", cut.Markup);
        var military = cut.Find("[data-testid=culture-sites] > li[data-id=culture-central-military-commission]");
        Assert.Contains("[S0]", military.QuerySelector(".site-sources")!.TextContent);
        var sites = cut.FindAll("[data-testid=culture-sites] > li");
        Assert.Equal(seeded.Count, sites.Count);
        var congress = cut.Find("[data-testid=culture-sites] > li[data-id=culture-second-congress]");
        Assert.Contains("Red rule-of-law resource", congress.TextContent); // said in words, not by colour alone
        Assert.Contains("[S15]", congress.QuerySelector(".site-sources")!.TextContent);
        Assert.Contains("Not on the map: no source gives its address.",
            cut.Find("[data-testid=culture-sites] > li[data-id=culture-soviet-congress-committee-office]").TextContent);

        Assert.Equal("api/culture?pace=normal&lang=en", cut.MapFrame().Text("overlay"));
        Assert.Equal("api/stations?type=culture-site&lang=en", cut.MapFrame().Text("stations"));
    }

    [Fact]
    public void CulturePage_ElderPace_IsInTheAddressAndSlowsTheTimes()
    {
        this.AddAppServices(_db, "zh-CN");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/culture?pace=elder");
        var cut = Render<CulturePage>();

        Assert.Contains("3.6 公里", cut.Find("[data-testid=route-summary]").TextContent);
        Assert.True(cut.Find("input[name=pace][value=elder]").HasAttribute("checked"));
        Assert.Contains("法治路线行走", cut.Markup);
        Assert.Equal("api/culture?pace=elder&lang=zh", cut.MapFrame().Text("overlay"));
    }

    [Fact]
    public void CulturePage_InElderMode_DefaultsToTheSlowerPace()
    {
        this.AddAppServices(_db, "en");
        var cut = Render<CulturePage>(p => p.AddCascadingValue(new LegalServiceMap.Web.Setup.DisplayMode(Elder: true)));
        Assert.Contains("at 3.6 km/h", cut.Find("[data-testid=route-summary]").TextContent);
        Assert.True(cut.Find("input[name=pace][value=elder]").HasAttribute("checked"));
    }
}
