using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Spatial;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class CoverageJourneyTests(BrowserFixture fixture)
{
    private static string SharedStreets =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDirectory)!, "..", "..", "shared", "data",
            "chenyifei142__openlayers-vue3-demo", "jingan_streets_wgs84.geojson"));

    [Fact]
    public async Task CoveragePage_ShowsSharesPerTypeAndTheGapsOfTheChosenType()
    {
        if (!File.Exists(SharedStreets))
        {
            Assert.NotEqual("true", Environment.GetEnvironmentVariable("CI"));
            return; // the street polygons live in ../shared; without them there is no district to cover
        }
        await using (var stream = File.OpenRead(SharedStreets))
        {
            await fixture.Service<SpatialStore>().ImportBoundariesAsync(GeoJson.ReadAreas(stream, "NAME"), "street");
        }

        var (page, errors) = await fixture.NewPageAsync();
        await page.GotoAsync("/coverage?type=judicial-office");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "法律服务覆盖情况" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("coverage-types").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(LegalServiceMap.Core.Stations.StationTypes.All.Count);
        await Assertions.Expect(page.GetByTestId("coverage-streets").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(LegalServiceMap.Core.Stations.StreetTown.All.Count);
        var share = await page.GetByTestId("coverage-types").GetByRole(AriaRole.Listitem).Filter(new() { HasText = fixture.Text("Type_judicial-office") }).GetByTestId("share").TextContentAsync();
        Assert.Matches("^[0-9.]+%$", share);
        Assert.NotEqual("0.0%", share);

        var map = Find.Map(page);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area", "circle", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "coverage-zh-1366x768.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
