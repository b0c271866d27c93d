using System.ComponentModel.DataAnnotations;
using System.Net;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// Map settings (section "Map"). The base map comes from a provider preset: <c>none</c> (no base map and no third-party
/// host contacted: the default outside Development), <c>osm</c> (OpenStreetMap's tiles, for development: their tile
/// policy does not allow heavy production use), <c>tianditu</c> (天地图, the national platform: WGS-84/CGCS2000, a key
/// from https://console.tianditu.gov.cn in <see cref="TiandituKey"/>, labels in Chinese or English with the page),
/// <c>amap</c> (高德, GCJ-02, labels in the page's language) or <c>custom</c> (<see cref="TileUrl"/>, its
/// <see cref="Attribution"/> and <see cref="TileCoordinateSystem"/>). A map published in China shows its map review
/// number (审图号), <see cref="ReviewNumber"/>, in the attribution. Markers and walks are stored in WGS-84 and shifted
/// for GCJ-02 tiles in the browser.
/// </summary>
public sealed class MapOptions : IValidatableObject
{
    public const string Section = "Map";

    /// <summary>none, osm, tianditu, amap or custom. Unset: custom when <see cref="TileUrl"/> is set, else none.</summary>
    [RegularExpression("^(none|osm|tianditu|amap|custom)$")]
    public string? Provider { get; set; }

    /// <summary>The tile URL template of the custom provider ({z}/{x}/{y}, optionally {s} for subdomains a, b, c).</summary>
    public string? TileUrl { get; set; }

    /// <summary>The custom provider's attribution (HTML, as the provider asks for it).</summary>
    public string? Attribution { get; set; }

    /// <summary>The custom provider's tiles: "wgs84" or "gcj02" (most Chinese providers).</summary>
    [RegularExpression("^(wgs84|gcj02)$")]
    public string TileCoordinateSystem { get; set; } = "wgs84";

    /// <summary>The 天地图 key (required for the tianditu provider; a browser key restricted to this site's domain).</summary>
    public string? TiandituKey { get; set; }

    /// <summary>The map review number (审图号) of the published map, e.g. as the provider or the authority issued it; shown in the attribution.</summary>
    [MaxLength(60)]
    public string? ReviewNumber { get; set; }

    /// <summary>Centre of the district (WGS-84), where the map opens.</summary>
    [Range(-90, 90)]
    public double CenterLatitude { get; set; } = 31.2494;

    [Range(-180, 180)]
    public double CenterLongitude { get; set; } = 121.4510;

    [Range(1, 19)]
    public int Zoom { get; set; } = 13;

    [Range(10, 22)]
    public int MaxZoom { get; set; } = 19;

    /// <summary>The provider in use (see <see cref="Provider"/>).</summary>
    public string EffectiveProvider => Provider ?? (string.IsNullOrWhiteSpace(TileUrl) ? "none" : "custom");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EffectiveProvider == "tianditu" && string.IsNullOrWhiteSpace(TiandituKey))
            yield return new ValidationResult("Map:Provider tianditu needs Map:TiandituKey.", [nameof(TiandituKey)]);
        if (EffectiveProvider == "custom" && (string.IsNullOrWhiteSpace(TileUrl) || BaseMap.Origin(TileUrl) is null))
            yield return new ValidationResult("Map:Provider custom needs an http(s) Map:TileUrl.", [nameof(TileUrl)]);
    }
}

/// <summary>One tile layer: a URL template, its subdomains ({s}) and the deepest zoom it has tiles for.</summary>
public sealed record TileLayer(string Url, string Subdomains, int MaxNativeZoom);

/// <summary>
/// The base map a page draws: its tile layers (a base and, for 天地图, a label layer in the page's language), its
/// attribution (HTML) and the coordinate system of its tiles. Built from <see cref="MapOptions"/> for one language.
/// </summary>
public sealed record BaseMap(IReadOnlyList<TileLayer> Layers, string Attribution, string CoordinateSystem)
{
    private const string Osm = "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    public static BaseMap For(MapOptions o, bool english)
    {
        var review = string.IsNullOrWhiteSpace(o.ReviewNumber) ? "" : " · " + (english ? "Map review no. " : "审图号：") + WebUtility.HtmlEncode(o.ReviewNumber.Trim());
        var key = Uri.EscapeDataString(o.TiandituKey?.Trim() ?? "");
        return o.EffectiveProvider switch
        {
            "osm" => new([new("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "", 19)], Osm + (english ? " contributors" : " 贡献者") + review, "wgs84"),
            "tianditu" => new(
                [new(Tianditu("vec", key), "01234567", 18), new(Tianditu(english ? "eva" : "cva", key), "01234567", 18)],
                "© <a href=\"https://www.tianditu.gov.cn\">" + (english ? "Tianditu" : "天地图") + "</a>" + review, "wgs84"),
            "amap" => new(
                [new($"https://webrd0{{s}}.is.autonavi.com/appmaptile?lang={(english ? "en" : "zh_cn")}&size=1&scale=1&style=8&x={{x}}&y={{y}}&z={{z}}", "1234", 18)],
                "© <a href=\"https://www.amap.com\">" + (english ? "AutoNavi" : "高德地图") + "</a>" + review, "gcj02"),
            "custom" => new([new(o.TileUrl!, "abc", o.MaxZoom)], (o.Attribution ?? "") + review, o.TileCoordinateSystem),
            _ => new([], Osm + review, "wgs84"), // no base map: markers and walks still draw (their data is OpenStreetMap's)
        };
    }

    /// <summary>Every host a provider's tiles may come from (both languages), for the Content-Security-Policy's img-src.</summary>
    public static IEnumerable<string> Origins(MapOptions o) =>
        For(o, false).Layers.Concat(For(o, true).Layers).Select(l => Origin(l.Url)).OfType<string>().Distinct();

    /// <summary>The scheme and host of a tile URL template ("https://{s}.tile.example.org/{z}/…" → "https://*.tile.example.org").</summary>
    public static string? Origin(string? template)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        var schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return null;
        var hostEnd = template.IndexOf('/', schemeEnd + 3);
        var host = (hostEnd < 0 ? template[(schemeEnd + 3)..] : template[(schemeEnd + 3)..hostEnd]).Split('.');
        // A subdomain placeholder anywhere in the first label ("t{s}", "webrd0{s}") makes the whole label a wildcard.
        if (host[0].Contains("{s}")) host[0] = "*";
        if (host.Skip(1).Any(l => l.Contains('{'))) return null;
        var origin = template[..(schemeEnd + 3)] + string.Join('.', host);
        return Uri.TryCreate(origin.Replace("*", "x"), UriKind.Absolute, out var u) && u.Scheme is "https" or "http" ? origin : null;
    }

    private static string Tianditu(string layer, string key) =>
        $"https://t{{s}}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={key}";
}
