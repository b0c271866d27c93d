using System.ComponentModel.DataAnnotations;

namespace LegalServiceMap.Web.Setup;

/// <summary>Map settings (section "Map"). The default tile server is OpenStreetMap; leave TileUrl empty for no base map.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    public string? TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    [Required]
    public string Attribution { get; set; } = "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /// <summary>Centre of the district (WGS-84), where the map opens.</summary>
    [Range(-90, 90)]
    public double CenterLatitude { get; set; } = 31.2494;

    [Range(-180, 180)]
    public double CenterLongitude { get; set; } = 121.4510;

    [Range(1, 19)]
    public int Zoom { get; set; } = 13;

    [Range(10, 22)]
    public int MaxZoom { get; set; } = 19;

    /// <summary>"wgs84" (OpenStreetMap) or "gcj02" for Chinese tile providers such as Amap: markers are then shifted for display.</summary>
    [RegularExpression("^(wgs84|gcj02)$")]
    public string TileCoordinateSystem { get; set; } = "wgs84";
}
