using LegalServiceMap.Core.Text;
using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Stations;

/// <summary>The properties of a station feature in the public API (GeoJSON, WGS-84 [lng, lat]).</summary>
public sealed record StationProperties(
    string Id,
    string Type,
    string TypeName,
    string Name,
    string? Address,
    string? Street,
    string? StreetName,
    string? StreetCode,
    string? DivisionCode,
    string? Phone,
    string Tier,
    bool Approximate,
    bool Verified,
    string? LastVerified,
    string OpenNow,
    string Status,
    string Url,
    double? DistanceMetres = null,
    StationDetails? Details = null);

public sealed record StationDetails(
    string NameZh,
    string NameEn,
    IReadOnlyList<HoursDto> Hours,
    string? HoursNote,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Languages,
    string? Accessibility,
    string? LocationNote,
    string? Note,
    IReadOnlyList<string> Sources);

public sealed record HoursDto(string Day, string Opens, string Closes);

public static class StationGeoJson
{
    public static GeoFeature ToFeature(Station s, bool english, IStringLocalizer localizer, DateTimeOffset now, HolidayCalendar calendar,
        double? distance = null, bool details = false)
    {
        var location = s.Location;
        var props = new StationProperties(
            s.Id,
            s.Type.ToSlug(),
            localizer["Type_" + s.Type.ToSlug()],
            s.Name(english),
            s.Address(english),
            s.Street,
            s.StreetTown?.Name(english),
            s.StreetCode,
            s.DivisionCode,
            s.Phone,
            s.LocationTier.ToSlug(),
            s.IsApproximate,
            s.IsVerified,
            s.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            OpeningHours.StatusAt(s, now, calendar).State.ToString().ToLowerInvariant(),
            WireName.Of(s.Status),
            "/" + Features.Stations.StationLinks.Path(s.Id),
            distance is null ? null : Math.Round(distance.Value, 1),
            details ? Details(s, english) : null);
        return new GeoFeature(location is { } p ? GeoJson.Point(p) : null, props, s.Id);
    }

    private static StationDetails Details(Station s, bool english) => new(
        s.NameZh,
        s.NameEn,
        s.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens)
            .Select(h => new HoursDto(h.Day.ToString()[..3].ToLowerInvariant(), h.Opens.ToString("HH:mm"), h.Closes.ToString("HH:mm"))).ToList(),
        s.HoursNote(english),
        s.Services(english),
        s.Languages,
        s.Accessibility(english),
        s.LocationNote(english),
        s.Note(english),
        s.Sources);
}
