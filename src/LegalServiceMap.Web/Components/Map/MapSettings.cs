using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Components;
using LegalServiceMap.Web.Setup;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Components.Map;

/// <summary>
/// Settings for one map instance, given once to wwwroot/js/map.js's <c>createMap</c> (camelCase JSON): where it opens,
/// the base map's tile layers and attribution (<see cref="BaseMap"/>), whether markers cluster, whether a person can pan
/// and zoom it, the texts of its popups and the type glyphs of its markers (the same as <see cref="TypeBadge"/>).
/// </summary>
public sealed record MapSettings(
    double Latitude,
    double Longitude,
    int Zoom,
    int MaxZoom,
    IReadOnlyList<TileLayer> Tiles,
    string Attribution,
    bool Cluster,
    bool Interactive,
    MapTexts Texts,
    string TileCoordinateSystem,
    IReadOnlyDictionary<string, string> Glyphs)
{
    private static readonly IReadOnlyDictionary<string, string> AllGlyphs = StationTypes.All.ToDictionary(t => t.ToSlug(), TypeBadge.Glyph);

    public static MapSettings For(MapOptions o, IStringLocalizer L, bool english, double? latitude = null, double? longitude = null, int? zoom = null,
        bool cluster = true, bool interactive = true)
    {
        var baseMap = BaseMap.For(o, english);
        return new MapSettings(latitude ?? o.CenterLatitude, longitude ?? o.CenterLongitude, zoom ?? o.Zoom, o.MaxZoom, baseMap.Layers, baseMap.Attribution,
            cluster, interactive,
            new MapTexts(L["Map_Details"], L["Map_Approximate"], L["Map_Unverified"], L["Map_Call"], L["Map_Reference"], L["Map_Pin"]),
            baseMap.CoordinateSystem, AllGlyphs);
    }
}

/// <summary>Localized texts the JS module puts in popups and marker titles.</summary>
public sealed record MapTexts(string Details, string Approximate, string Unverified, string Call, string Reference, string? Pin = null);

/// <summary>
/// One map on a server-rendered page, as <see cref="MapFrame"/> writes it for wwwroot/js/resident.js: the map's
/// settings and what it shows for this address. The module draws the markers of <see cref="Stations"/> and the GeoJSON of
/// <see cref="Overlay"/> (a walk, a route, the uncovered parts of the district) with its starting point
/// <see cref="Reference"/> ([lat, lng], WGS-84), shows <see cref="Focus"/>'s marker, and, where <see cref="WalkTemplate"/>
/// is set, answers a tap by drawing the walk from there at once and moving the page to the tap's address (where the
/// server lists what is inside). A new <see cref="Key"/> makes a new map.
/// </summary>
public sealed record MapFrameState(
    string Key,
    MapSettings Settings,
    string AriaLabel,
    string? Stations,
    string? Overlay = null,
    double[]? Reference = null,
    string? Focus = null,
    string? WalkTemplate = null);
