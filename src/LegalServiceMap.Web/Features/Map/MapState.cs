using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using Microsoft.Extensions.Primitives;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>Where a walk starts, as the address gives it: nowhere, a WGS-84 point, or a location that could not be read.</summary>
public readonly record struct MapLocation(GeoPoint? Point, bool Invalid)
{
    public static readonly MapLocation None = new(null, false);
}

/// <summary>
/// Everything a resident chose on the map page, read from its address and written back into links: the type filter,
/// the search, the walk's starting point (converted to WGS-84 from <c>coord=wgs84|gcj02|bd09</c>), its length, pace and
/// departure, "only open when I arrive", "show all" and the station whose details are open. The address is the page's
/// only state: a shared link, Back, a reload or another server show the same page.
/// <para>
/// Read leniently (bad values are dropped, never an error page; an unreadable location is <see cref="MapLocation.Invalid"/>),
/// from the canonical address the page writes (<c>?type=notary,mediation&amp;minutes=10</c>) and from what a plain HTML form
/// sends without script (<c>?q=&amp;type=notary&amp;type=mediation&amp;leave=now&amp;depart=…</c>). Written canonically: defaults
/// left out, types comma-separated in a fixed order, points with 7 decimals (about 1 cm).
/// </para>
/// </summary>
public sealed record MapState(
    IReadOnlySet<StationType> Types,
    string? Search,
    MapLocation Location,
    string? StationId,
    int? Minutes = null,
    bool? Elder = null,
    DateTime? DepartLocal = null,
    bool OnlyOpen = false,
    bool ShowAll = false)
{
    public static readonly MapState Empty = new(new HashSet<StationType>(), null, MapLocation.None, null);

    /// <summary>The parameters, by name (the API's names where the API has the same thing).</summary>
    public const string TypeKey = "type", SearchKey = "q", LatKey = "lat", LngKey = "lng", CoordKey = "coord", StationKey = "station",
        MinutesKey = "minutes", SpeedKey = "speed", DepartKey = "depart", LeaveKey = "leave", OnlyOpenKey = "open", ShowAllKey = "all";

    /// <summary>The order <see cref="Href"/> writes the parameters in (the map module writes a form's address in the same order).</summary>
    public const string Order = TypeKey + " " + SearchKey + " " + LatKey + " " + LngKey + " " + StationKey + " " + MinutesKey + " " + SpeedKey + " " +
        DepartKey + " " + OnlyOpenKey + " " + ShowAllKey;

    /// <param name="query">The request's query values (a name may repeat: a form's checkboxes).</param>
    /// <param name="options">The walking options (the range of minutes).</param>
    /// <param name="nowLocal">Now in China Standard Time: a departure more than a minute ago or more than a year ahead is dropped.</param>
    public static MapState Parse(Func<string, StringValues> query, IsochroneOptions options, DateTime nowLocal)
    {
        string? One(string key) => query(key) is { Count: > 0 } v ? v[^1] : null;

        var types = new HashSet<StationType>();
        foreach (var csv in query(TypeKey))
        {
            if (StationTypes.TryParseList(csv, out var some, out _)) types.UnionWith(some);
            else foreach (var slug in (csv ?? "").Split(',')) if (StationTypes.TryParse(slug.Trim(), out var t)) types.Add(t);
        }
        var q = One(SearchKey)?.Trim();
        if (string.IsNullOrEmpty(q)) q = null;
        else if (q.Length > SearchText.MaxQueryLength) q = q[..SearchText.MaxQueryLength];
        var station = One(StationKey) is { Length: > 0 and <= 100 } s ? s : null;
        var minutes = QueryValues.Int(One(MinutesKey), int.MinValue, int.MaxValue) is { } m ? Math.Clamp(m, options.MinMinutes, options.MaxMinutes) : (int?)null;
        bool? elder = One(SpeedKey) switch { "elder" => true, "normal" => false, _ => null };
        DateTime? depart = null;
        if (One(LeaveKey) != "now" && DateTime.TryParseExact(One(DepartKey), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d >= nowLocal.AddMinutes(-1) && d <= nowLocal.AddYears(1))
        {
            depart = new DateTime(d.Year, d.Month, d.Day, d.Hour, d.Minute, 0);
        }
        return new MapState(types, q, ParseLocation(One(LatKey), One(LngKey), One(CoordKey)), station, minutes, elder, depart,
            One(OnlyOpenKey) is "1" or "true" or "on", One(ShowAllKey) is "1" or "true");
    }

    public static MapLocation ParseLocation(string? lat, string? lng, string? coord)
    {
        if (string.IsNullOrEmpty(lat) && string.IsNullOrEmpty(lng)) return MapLocation.None;
        var latitude = QueryValues.Finite(lat);
        var longitude = QueryValues.Finite(lng);
        var system = CoordinateSystems.Parse(coord);
        if (latitude is null || longitude is null || system is null || !new GeoPoint(latitude.Value, longitude.Value).IsValid) return new MapLocation(null, true);
        return new MapLocation(ChinaCoordinates.Convert(new GeoPoint(latitude.Value, longitude.Value), system.Value, CoordinateSystem.Wgs84), false);
    }

    /// <summary>A point as the address writes it (7 decimals, about 1 cm), so what is written reads back as the same point.</summary>
    public static (string Lat, string Lng) Format(GeoPoint point) =>
        (point.Latitude.ToString("0.#######", CultureInfo.InvariantCulture), point.Longitude.ToString("0.#######", CultureInfo.InvariantCulture));

    /// <summary>The type filter as the address writes it ("notary,legal-aid"), or null for none.</summary>
    public static string? TypeParameter(IEnumerable<StationType> types) =>
        types.Any() ? string.Join(",", types.Order().Select(t => t.ToSlug())) : null;

    /// <summary>
    /// A value as the address writes it: percent-encoded except for the comma between types and the colon of a time, which
    /// a query may hold as they are (js/resident.js writes the same).
    /// </summary>
    public static string Escape(string value) => Uri.EscapeDataString(value).Replace("%2C", ",").Replace("%3A", ":");

    /// <summary>The walk's length in minutes: the chosen one or the default.</summary>
    public int WalkMinutes(IsochroneOptions options) => Minutes ?? options.DefaultMinutes;

    /// <summary>Whether the walk is at the slower pace: as chosen, else as the display mode suggests (长者模式 walks slower).</summary>
    public bool ElderPace(bool elderMode) => Elder ?? elderMode;

    public MapState WithPoint(GeoPoint? point) => this with { Location = point is { } p ? new MapLocation(p, false) : MapLocation.None };

    public MapState WithStation(string? id) => this with { StationId = id };

    /// <summary>The page's address for this state: "?…" with the defaults left out, or "." for none (the map page is the site's root).</summary>
    public string Href
    {
        get
        {
            var parts = new List<string>();
            void Add(string key, string? value)
            {
                if (value is not null) parts.Add(key + "=" + Escape(value));
            }
            Add(TypeKey, TypeParameter(Types));
            Add(SearchKey, Search);
            if (Location.Point is { } p)
            {
                var (lat, lng) = Format(p);
                Add(LatKey, lat);
                Add(LngKey, lng);
            }
            Add(StationKey, StationId);
            Add(MinutesKey, Minutes?.ToString(CultureInfo.InvariantCulture));
            Add(SpeedKey, Elder switch { true => "elder", false => "normal", null => null });
            Add(DepartKey, DepartLocal?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            Add(OnlyOpenKey, OnlyOpen ? "1" : null);
            Add(ShowAllKey, ShowAll ? "1" : null);
            return parts.Count == 0 ? "." : "?" + string.Join("&", parts);
        }
    }
}
