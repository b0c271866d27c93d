using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Tests.Features.Map;

/// <summary>The base map presets (section Map): which tiles, in which coordinate system, credited how, allowed by the CSP.</summary>
public sealed class BaseMapTests
{
    [Fact]
    public void NoProvider_DrawsNoTiles_AndContactsNoOtherHost()
    {
        var none = new MapOptions();
        Assert.Equal("none", none.EffectiveProvider);
        Assert.Empty(BaseMap.For(none, english: false).Layers);
        Assert.Empty(BaseMap.Origins(none));
    }

    [Fact]
    public void Tianditu_IsWgs84_WithItsLabelLayerInThePagesLanguage_AndTheKeyInEachUrl()
    {
        var o = new MapOptions { Provider = "tianditu", TiandituKey = "k&ey", ReviewNumber = "GS(2026)0000号<script>" };
        var zh = BaseMap.For(o, english: false);
        var en = BaseMap.For(o, english: true);
        Assert.Equal("wgs84", zh.CoordinateSystem);
        Assert.Equal(["vec", "cva"], zh.Layers.Select(l => Layer(l.Url)));
        Assert.Equal(["vec", "eva"], en.Layers.Select(l => Layer(l.Url)));
        Assert.All(zh.Layers, l => Assert.EndsWith("&tk=k%26ey", l.Url));
        Assert.Equal("01234567", zh.Layers[0].Subdomains);
        // The review number is shown, as text (never markup), in the page's language.
        Assert.EndsWith("审图号：GS(2026)0000号&lt;script&gt;", zh.Attribution);
        Assert.EndsWith("Map review no. GS(2026)0000号&lt;script&gt;", en.Attribution);
        Assert.Equal(["https://*.tianditu.gov.cn"], BaseMap.Origins(o));

        static string Layer(string url) => System.Text.RegularExpressions.Regex.Match(url, "LAYER=([a-z]+)").Groups[1].Value;
    }

    [Fact]
    public void Amap_IsGcj02_WithLabelsInThePagesLanguage()
    {
        var o = new MapOptions { Provider = "amap" };
        Assert.Equal("gcj02", BaseMap.For(o, false).CoordinateSystem);
        Assert.Contains("lang=zh_cn", BaseMap.For(o, false).Layers.Single().Url);
        Assert.Contains("lang=en", BaseMap.For(o, true).Layers.Single().Url);
        Assert.Equal(["https://*.is.autonavi.com"], BaseMap.Origins(o));
    }

    [Fact]
    public void OpenStreetMap_AndACustomTileUrl_AreCreditedAndAllowed()
    {
        var osm = new MapOptions { Provider = "osm" };
        Assert.Contains("OpenStreetMap", BaseMap.For(osm, true).Attribution);
        Assert.Equal(["https://tile.openstreetmap.org"], BaseMap.Origins(osm));

        var custom = new MapOptions { TileUrl = "https://{s}.tiles.example.org/{z}/{x}/{y}.png", Attribution = "© Example", TileCoordinateSystem = "gcj02" };
        Assert.Equal("custom", custom.EffectiveProvider);
        Assert.Equal("gcj02", BaseMap.For(custom, false).CoordinateSystem);
        Assert.Equal(["https://*.tiles.example.org"], BaseMap.Origins(custom));
    }

    [Theory]
    [InlineData("tianditu", null, null)]                 // no key
    [InlineData("custom", null, null)]                   // no URL
    [InlineData("custom", null, "ftp://tiles/{z}/{x}/{y}")]
    [InlineData("google", null, null)]                   // not a preset
    public void AnIncompleteProvider_StopsTheAppFromStarting(string provider, string? key, string? url)
    {
        using var app = new AppFactory { Settings = new() { ["Map:Provider"] = provider, ["Map:TiandituKey"] = key, ["Map:TileUrl"] = url } };
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Map", error.Message);
    }

    [Fact]
    public async Task TheChosenProvider_ReachesThePage_AndItsHostsTheContentSecurityPolicy()
    {
        using var app = new AppFactory { Settings = new() { ["Map:Provider"] = "tianditu", ["Map:TiandituKey"] = "test-key", ["Map:ReviewNumber"] = "GS(2026)0000号" } };
        var response = await app.CreateClient().GetAsync("/?lang=en");
        Assert.Contains("https://*.tianditu.gov.cn", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("eva_w/wmts", html);
        Assert.Contains("Map review no. GS(2026)0000号", html);
    }
}
