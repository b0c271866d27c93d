using Bunit;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Features.Coverage;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Web.Tests.Features.Coverage;

public sealed class CoveragePageTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    [Fact]
    public void CoveragePage_WithoutABoundary_ExplainsWhatToImport()
    {
        using var noOutline = new TestDatabase(settings: new Dictionary<string, string?> { ["Boundaries:OutlineFile"] = "" });
        this.AddAppServices(noOutline, "en");
        var cut = Render<CoveragePage>();
        Assert.Contains(cut.FindAllByRole("note"), n => n.TextContent.Contains("No district boundary has been imported yet."));
        Assert.Empty(cut.FindAll("[data-testid=coverage-types] li"));
    }

    [Fact]
    public async Task CoveragePage_OnTheShippedOutline_ShowsTheSharesAndSaysTheBoundaryIsApproximate()
    {
        this.AddAppServices(_db, "en");
        await Services.GetRequiredService<SpatialStore>().LoadAsync(LegalServiceMap.Web.Data.DataPart.Boundaries); // nothing imported: the outline in data/
        var cut = Render<CoveragePage>();
        Assert.Contains("approximate outline (© OpenStreetMap contributors; geoBoundaries)", cut.Markup);
        Assert.Equal(LegalServiceMap.Core.Stations.StationTypes.All.Count, cut.FindAll("[data-testid=coverage-types] li").Count);
        Assert.Empty(cut.FindAllByRole("note"));
    }

    [Fact]
    public async Task CoveragePage_WithABoundary_ShowsABarPerTypeAndStreetsOfTheChosenType()
    {
        this.AddAppServices(_db);
        var f = new GeometryFactory();
        var square = f.CreatePolygon([new(121.44, 31.24), new(121.48, 31.24), new(121.48, 31.26), new(121.44, 31.26), new(121.44, 31.24)]);
        await Services.GetRequiredService<LegalServiceMap.Web.Spatial.SpatialStore>().ImportBoundariesAsync([new NamedArea("北站街道", square)], "street");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/coverage?type=judicial-office&minutes=20");

        var cut = Render<CoveragePage>();
        Assert.Equal(LegalServiceMap.Core.Stations.StationTypes.All.Count, cut.FindAll("[data-testid=coverage-types] li").Count);
        Assert.Equal("0.0%", cut.Find("[data-testid=coverage-types] li[data-type=notary] [data-testid=share]").TextContent);
        Assert.NotEqual("0.0%", cut.Find("[data-testid=coverage-types] li[data-type=judicial-office] [data-testid=share]").TextContent);
        Assert.Equal("北站街道", cut.Find("[data-testid=coverage-streets] li .bar-label").TextContent.Trim());
        Assert.DoesNotContain("approximate outline", cut.Markup); // an imported boundary is not called approximate
        Assert.Equal("api/coverage/uncovered?type=judicial-office&minutes=20&speed=normal", cut.MapFrame().Text("overlay"));
        // Another type is a link to this page's address with that type (the minutes kept).
        Assert.Equal("coverage?minutes=20&type=notary", cut.Find("[data-testid=coverage-types] li[data-type=notary] a").GetAttribute("href"));
    }
}
