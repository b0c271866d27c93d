using LegalServiceMap.Web.Setup;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Spatial;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Geocoding;

/// <summary>
/// GET /api/geocode?q=&amp;lang=&amp;limit=5 → ranked candidates (WGS-84, match type, confidence, components);
/// GET /api/reverse?lat=&amp;lng=&amp;coord=&amp;lang= → nearest road, estimated number, street/town and district.
/// </summary>
public static class GeocodingApi
{
    public const int MaxQueryLength = 200;
    public const int MaxLimit = 20;

    public static IEndpointRouteBuilder MapGeocodingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/geocode", Geocode).WithTags("Geocoding");
        app.MapGet("/api/reverse", Reverse).WithTags("Geocoding");
        return app;
    }

    private static IResult Geocode(string? q, string? lang, string? limit, SpatialState state, Gazetteer gazetteer, Setup.AppMetrics metrics, IStringLocalizer<SharedResource> L)
    {
        var errors = new ParameterErrors(L);
        if (string.IsNullOrWhiteSpace(q)) errors.Add("q", "Api_Required");
        else if (q.Length > MaxQueryLength) errors.Add("q", "Api_QueryTooLong", MaxQueryLength);
        var english = errors.English(lang);
        var n = errors.Count("limit", limit, 1, MaxLimit, 5, "Api_KRange");
        if (errors.Any) return errors.Problem();

        var results = metrics.TimeGeocode(() => state.Current.Geocoder.Geocode(q!, n));
        return TypedResults.Json(new
        {
            query = q,
            results = results.Select(c => new
            {
                label = english ? c.LabelEn ?? c.Label : c.Label,
                lat = Math.Round(c.Location.Latitude, 7),
                lng = Math.Round(c.Location.Longitude, 7),
                matchType = WireName.Of(c.MatchType),
                matchTypeName = L["Match_" + WireName.Of(c.MatchType)].Value,
                confidence = Math.Round(c.Confidence, 2),
                source = c.Source,
                stationId = c.StationId,
                components = new
                {
                    road = c.Road is null ? null : english ? gazetteer.EnglishRoadName(c.Road) ?? c.Road : c.Road,
                    number = c.Number,
                    streetTown = StreetTown.Find(c.StreetTown)?.Name(english),
                    streetCode = StreetTown.Find(c.StreetTown)?.Code,
                    district = c.District is null ? null : english ? "Jing'an District" : c.District,
                },
            }),
        });
    }

    private static IResult Reverse(string? lat, string? lng, string? coord, string? lang, SpatialState state, Setup.AppMetrics metrics, IStringLocalizer<SharedResource> L)
    {
        var errors = new ParameterErrors(L);
        var point = errors.Point(lat, lng, coord);
        var english = errors.English(lang);
        if (errors.Any) return errors.Problem();

        var r = metrics.TimeGeocode(() => state.Current.Geocoder.Reverse(point));
        var road = r.RoadName(english);
        var label = string.Join(english ? ", " : "", new[]
        {
            english ? (r.EstimatedNumber is null ? road : $"{r.EstimatedNumber} {road}") : road + (r.EstimatedNumber is null ? "" : r.EstimatedNumber + "号"),
            r.StreetTown?.Name(english),
            r.InDistrict == true ? (english ? "Jing'an District" : "静安区") : null,
        }.Where(s => !string.IsNullOrEmpty(s)));
        return TypedResults.Json(new
        {
            lat = Math.Round(point.Latitude, 7),
            lng = Math.Round(point.Longitude, 7),
            label = label.Length == 0 ? null : label,
            road,
            roadDistanceMetres = r.RoadDistanceMetres,
            estimatedNumber = r.EstimatedNumber,
            streetTown = r.StreetTown is null ? null : new { id = r.StreetTown.Slug, name = r.StreetTown.Name(english) },
            district = r.InDistrict == true ? (english ? "Jing'an District" : "静安区") : null,
            inDistrict = r.InDistrict,
        });
    }
}
