using System.Text.Json;
using System.Text.RegularExpressions;
using LegalServiceMap.Core.Geo;
using Microsoft.Playwright;
using static LegalServiceMap.EndToEnd.MapWaits;

namespace LegalServiceMap.EndToEnd;

/// <summary>
/// On a base map whose tiles are in GCJ-02 (高德 and most Chinese providers), what the map draws lands on the tiles where
/// the place really is, and a tap is read back as the place under the finger. Data is WGS-84; the ≈ 500 m between the
/// two in Jing'an is tens of pixels at street zoom, so a missing shift either way is seen. The page's map settings are
/// changed on their way to the browser to tiles in GCJ-02 served by the test (no third-party host), and positions are
/// read against those tiles' own grid (Web Mercator, 256 px tiles).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BaseMapJourneyTests(BrowserFixture fixture)
{
    private const string TilePath = "/e2e-tiles/";

    [Fact]
    public async Task OnGcj02Tiles_AStationsMarker_SitsOnItsPlace()
    {
        var (page, errors, rewritten) = await GcjPageAsync(p => p.StartsWith("/stations/", StringComparison.Ordinal));
        const string id = "culture-labour-secretariat";
        var feature = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/stations/" + id)).TextAsync()).RootElement;
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        var station = new GeoPoint(coordinates[1].GetDouble(), coordinates[0].GetDouble());

        await page.GotoAsync("/stations/" + id);
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-marker-count", "1", Slow);
        var grid = await TileGridAsync(page);
        var marker = (await page.Locator(".leaflet-marker-icon").First.BoundingBoxAsync())!;

        var drawn = (X: marker.X + marker.Width / 2, Y: marker.Y + marker.Height / 2);
        AssertDrawnAt(grid, drawn, station);
        Assert.True(rewritten.Count > 0 && rewritten.All(r => r), "the page's map settings were not in the expected form");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task OnGcj02Tiles_AWalksStart_IsDrawnOnItsPlace_AndATapIsReadAsThePlaceUnderTheFinger()
    {
        var (page, errors, rewritten) = await GcjPageAsync(p => p == "/");
        var start = new GeoPoint(31.2301, 121.4612);
        await page.GotoAsync($"/?lat={start.Latitude:R}&lng={start.Longitude:R}");
        var map = Find.Map(page);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area", new Regex("^(network|circle)$"), Slow);

        // The walk's starting point is a circle marker (an SVG path with its tooltip: the only interactive path).
        var grid = await TileGridAsync(page);
        var circle = (await page.Locator(".leaflet-overlay-pane path.leaflet-interactive").First.BoundingBoxAsync())!;
        AssertDrawnAt(grid, (circle.X + circle.Width / 2, circle.Y + circle.Height / 2), start);

        // A tap: the page moves to the WGS-84 point under the finger on these GCJ-02 tiles.
        var before = page.Url;
        var (x, y) = await TapMapAsync(page, 0.3, 0.6);
        // Polled (an enhanced navigation changes the address within the document: no load event to wait for).
        await Assertions.Expect(page).Not.ToHaveURLAsync(before, new() { Timeout = 20_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]lat="));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        var tapped = new GeoPoint(double.Parse(query["lat"]!, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(query["lng"]!, System.Globalization.CultureInfo.InvariantCulture));
        AssertDrawnAt(grid, (x, y), tapped);
        Assert.True(rewritten.Count > 0 && rewritten.All(r => r), "the page's map settings were not in the expected form");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>
    /// A page whose map (on the pages <paramref name="mapPage"/> accepts) has GCJ-02 tiles served by the test; for each
    /// page answered, whether its settings had the expected form and were changed.
    /// </summary>
    private async Task<(IPage Page, List<string> Errors, List<bool> Rewritten)> GcjPageAsync(Func<string, bool> mapPage)
    {
        var rewritten = new List<bool>();
        // No service worker: the page's own requests are the ones changed here.
        var (page, errors) = await fixture.NewPageAsync(1366, 768, serviceWorkers: false);
        await page.RouteAsync(url => url.Contains(TilePath, StringComparison.Ordinal), route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "image/png", BodyBytes = OnePixelPng,
        }));
        await page.RouteAsync(url => mapPage(new Uri(url).AbsolutePath), async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            const string none = "&quot;tiles&quot;:[]", wgs = "&quot;tileCoordinateSystem&quot;:&quot;wgs84&quot;";
            lock (rewritten) rewritten.Add(html.Contains(none) && html.Contains(wgs));
            html = html
                .Replace(none, $"&quot;tiles&quot;:[{{&quot;url&quot;:&quot;{TilePath}{{z}}/{{x}}/{{y}}.png&quot;,&quot;subdomains&quot;:&quot;&quot;,&quot;maxNativeZoom&quot;:19}}]")
                .Replace(wgs, "&quot;tileCoordinateSystem&quot;:&quot;gcj02&quot;");
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        return (page, errors, rewritten);
    }

    /// <summary>Where the tile grid is on the screen: its zoom and the grid's pixel at the screen's (0, 0).</summary>
    private sealed record TileGrid(int Zoom, double OriginX, double OriginY);

    private static async Task<TileGrid> TileGridAsync(IPage page)
    {
        // Settled: every tile of the newest level loaded and no zoom animation under way.
        await page.WaitForFunctionAsync(
            "p => { const t = [...document.querySelectorAll('.leaflet-tile-pane img')].filter(i => i.src.includes(p)); " +
            "return t.length > 0 && t.every(i => i.classList.contains('leaflet-tile-loaded')) && !document.querySelector('.leaflet-zoom-anim'); }",
            TilePath);
        var t = await page.EvaluateAsync<double[]>(
            "p => { const tiles = [...document.querySelectorAll('.leaflet-tile-pane img')].filter(i => i.src.includes(p)).map(i => { " +
            "const m = i.src.match(/(\\d+)\\/(\\d+)\\/(\\d+)\\.png/); const r = i.getBoundingClientRect(); return [+m[1], +m[2], +m[3], r.left, r.top, r.width]; }); " +
            "const z = Math.max(...tiles.map(t => t[0])); return tiles.find(t => t[0] === z); }",
            TilePath);
        Assert.Equal(256, t[5], 0.5);
        return new TileGrid((int)t[0], t[1] * 256 - t[3], t[2] * 256 - t[4]);
    }

    /// <summary>The point <paramref name="wgs"/> is drawn at <paramref name="screen"/> on GCJ-02 tiles (within 2 px), and the
    /// same point unshifted would be far from there (so the test sees a shift left out).</summary>
    private static void AssertDrawnAt(TileGrid grid, (double X, double Y) screen, GeoPoint wgs)
    {
        var (gx, gy) = Mercator(ChinaCoordinates.WgsToGcj(wgs), grid.Zoom);
        var (wx, wy) = Mercator(wgs, grid.Zoom);
        var (sx, sy) = (grid.OriginX + screen.X, grid.OriginY + screen.Y);
        var off = Math.Sqrt((sx - gx) * (sx - gx) + (sy - gy) * (sy - gy));
        var unshifted = Math.Sqrt((sx - wx) * (sx - wx) + (sy - wy) * (sy - wy));
        Assert.True(off <= 2, $"drawn {off:F1} px from its GCJ-02 place at zoom {grid.Zoom} ({unshifted:F1} px from the unshifted one)");
        Assert.True(unshifted >= 10, $"at zoom {grid.Zoom} the shift is only {unshifted:F1} px: too small to tell");
    }

    /// <summary>Web Mercator: a point's pixel in the 256 px tile grid of one zoom.</summary>
    private static (double X, double Y) Mercator(GeoPoint p, int zoom)
    {
        var size = 256 * Math.Pow(2, zoom);
        var phi = p.Latitude * Math.PI / 180;
        return ((p.Longitude + 180) / 360 * size, (1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * size);
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
