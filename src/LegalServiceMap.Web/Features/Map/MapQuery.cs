using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>Where a walk starts, as the address gives it: nowhere, a WGS-84 point, or a location that could not be read.</summary>
public readonly record struct MapLocation(GeoPoint? Point, bool Invalid)
{
    public static readonly MapLocation None = new(null, false);
}

/// <summary>
/// The map page's address, read once: type filter, search text (cut to the longest query taken), the walk's starting
/// point (?lat=&amp;lng=&amp;coord=wgs84|gcj02|bd09, converted to WGS-84) and the station whose details are open. Bad values
/// never fail: unknown types are dropped, an unreadable location is <see cref="MapLocation.Invalid"/>.
/// </summary>
public sealed record MapQuery(IReadOnlySet<StationType> Types, string? Search, MapLocation Location, string? StationId)
{
    public static MapQuery Parse(string? type, string? q, string? lat, string? lng, string? coord, string? station) => new(
        StationTypes.TryParseList(type, out var types, out _) ? types : new HashSet<StationType>(),
        q is { Length: > SearchText.MaxQueryLength } ? q[..SearchText.MaxQueryLength] : q,
        ParseLocation(lat, lng, coord),
        station);

    public static MapLocation ParseLocation(string? lat, string? lng, string? coord)
    {
        if (lat is null && lng is null) return MapLocation.None;
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
        types.Any() ? string.Join(",", types.OrderBy(t => t).Select(t => t.ToSlug())) : null;
}
