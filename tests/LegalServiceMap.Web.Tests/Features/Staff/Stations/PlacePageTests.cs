using LegalServiceMap.Web.Features.Staff.Stations;
using Bunit;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Testing;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Staff.Stations;

/// <summary>"Place the unplaced": candidates from each address on the real OSM sample's roads, one click to place.</summary>
public sealed class PlacePageTests : AsyncBunitContext
{
    private async Task<IRenderedComponent<PlacePage>> RenderWithRoadsAsync(string which = "")
    {
        this.AddAppServices(Db);
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        // The shared OSM extract of the district's south-east corner gives the geocoder its roads and address points.
        OsmImport import;
        using (var osm = File.OpenRead(Path.Combine(Repository.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm")))
        {
            import = OsmImporter.ImportAll(osm, OsmFormat.Xml);
        }
        await Services.GetRequiredService<SpatialStore>().SaveNetworkAsync(import.Network, import.Roads, "shanghai.osm");
        if (which.Length > 0) Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/staff/place?which=" + which);
        return Render<PlacePage>();
    }

    [SkippableFact]
    public async Task AnUnplacedStation_IsPlacedFromACandidateOfItsAddress_AndTheProgressMoves()
    {
        Skip.IfNot(Repository.SharedDataPresent(), "../shared/data is not present on this machine");
        var cut = await RenderWithRoadsAsync();
        var total = Db.Queries.Catalog.All.Count(s => s.Status != StationStatus.Closed);
        var placedBefore = Db.Queries.Catalog.All.Count(s => s.Status != StationStatus.Closed && s.IsPlaced);
        Assert.Contains($"已定位 {placedBefore} 个，共 {total} 个", cut.Markup);

        // 中国劳动组合书记部旧址 (成都北路893弄): its address is on a road of the extract.
        var row = cut.FindAll("tr").Single(tr => tr.QuerySelector("[data-station-id=culture-labour-secretariat]") is not null);
        var accept = row.QuerySelector("button")!;
        Assert.Contains("成都北路", accept.TextContent);
        accept.Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAllByRole("status")));
        var placed = Db.Queries.Find("culture-labour-secretariat")!;
        Assert.True(placed.IsPlaced);
        Assert.NotEqual(LocationTier.StreetLevel, placed.LocationTier);
        // (The text after the click is in the renderer's culture, not the test's: compare the figures.)
        var progress = System.Text.RegularExpressions.Regex.Match(cut.Markup, @"已定位 \d+ 个，共 \d+ 个|\d+ of \d+ placed").Value;
        Assert.Contains($"{placedBefore + 1}", progress);
        Assert.Contains($"{total}", progress);
        Assert.Empty(cut.FindAll("[data-station-id=culture-labour-secretariat]")); // off the list once placed
        await using var db = Db.Factory.CreateDbContext();
        var audit = await db.StationChanges.AsNoTracking().Where(c => c.StationId == "culture-labour-secretariat").ToListAsync();
        Assert.Equal(["latitude", "locationTier", "longitude"], audit.Select(a => a.Field).Order());
        Assert.All(audit, a => Assert.Equal(("place", "editor@example.org"), (a.Action, a.User)));
    }

    [SkippableFact]
    public async Task Committees_CountAgainstTheRegister_AndWithoutAnAddressOfferOnlyTheEditor()
    {
        Skip.IfNot(Repository.SharedDataPresent(), "../shared/data is not present on this machine");
        var cut = await RenderWithRoadsAsync("committees");
        Assert.Equal("已定位 0 个，共 267 个", System.Text.RegularExpressions.Regex.Match(cut.Markup, @"已定位 \d+ 个，共 \d+ 个").Value.Trim());
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(20, rows.Count); // a page of them
        Assert.All(rows, r => Assert.Empty(r.QuerySelectorAll("button")));
        Assert.Contains("登记册没有给出地址", rows[0].TextContent);
    }
}
