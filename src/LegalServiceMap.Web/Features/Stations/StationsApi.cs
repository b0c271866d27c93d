using LegalServiceMap.Web.Setup;
using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Features.Stations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Stations;

/// <summary>
/// The public JSON API for the host app and the map module. Every parameter arrives as a string and is
/// validated here, so bad input always gets a 400 problem+json with a localized message, never a 500.
/// </summary>
public static class StationsApi
{
    public const int MaxK = 100;

    public static IEndpointRouteBuilder MapStationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stations").WithTags("Stations");
        group.MapGet("/", List);
        group.MapGet("/nearest", Nearest);
        group.MapGet("/{id}", Get);
        return app;
    }

    private static async Task<Results<JsonHttpResult<GeoFeatureCollection>, ValidationProblem>> List(
        string? type, string? q, string? bbox, string? lang,
        StationQueries queries, IStringLocalizer<SharedResource> L, TimeProvider clock, HolidayCalendar calendar, HttpContext http, CancellationToken ct)
    {
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        var types = errors.Types(type);
        GeoBox? box = null;
        if (bbox is not null)
        {
            var parts = bbox.Split(',');
            if (parts.Length != 4 || !parts.All(p => QueryValues.Finite(p) is not null))
            {
                errors.Add("bbox", "Api_BboxFormat");
            }
            else
            {
                var v = parts.Select(p => QueryValues.Finite(p)!.Value).ToArray();
                var b = new GeoBox(v[0], v[1], v[2], v[3]);
                if (!b.IsValid)
                {
                    errors.Add("bbox", "Api_BboxRange");
                }
                box = b;
            }
        }
        if (q is { Length: > SearchText.MaxQueryLength })
        {
            errors.Add("q", "Api_QueryTooLong", SearchText.MaxQueryLength);
        }
        if (errors.Any)
        {
            return errors.Problem();
        }

        var stations = await queries.ListAsync(new StationFilter(types, q, box), ct);
        stations = StationCatalog.Listed(stations, types, q).ToList(); // the types are applied already; this leaves out unplaced committees when nothing was asked for
        var now = clock.GetUtcNow();
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Json(
            new GeoFeatureCollection(stations.Select(s => StationGeoJson.ToFeature(s, english, L, now, calendar)).ToList()),
            contentType: "application/geo+json");
    }

    private static Results<JsonHttpResult<GeoFeatureCollection>, ValidationProblem> Nearest(
        string? lat, string? lng, string? k, string? type, string? coord, string? lang,
        StationQueries queries, IStringLocalizer<SharedResource> L, TimeProvider clock, HolidayCalendar calendar)
    {
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        var types = errors.Types(type);
        // The host app may send GCJ-02 or BD-09 locations; everything is stored and answered in WGS-84.
        var origin = errors.Point(lat, lng, coord);
        var count = errors.Count("k", k, 1, MaxK, 10, "Api_KRange");
        if (errors.Any)
        {
            return errors.Problem();
        }

        var now = clock.GetUtcNow();
        var hits = queries.Nearest(origin, count, types);
        return TypedResults.Json(
            new GeoFeatureCollection(hits.Select(h => StationGeoJson.ToFeature(h.Station, english, L, now, calendar, h.DistanceMetres)).ToList()),
            contentType: "application/geo+json");
    }

    private static Results<JsonHttpResult<GeoFeature>, ValidationProblem, ProblemHttpResult> Get(
        string id, string? lang, StationQueries queries, IStringLocalizer<SharedResource> L, TimeProvider clock, HolidayCalendar calendar)
    {
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        if (errors.Any)
        {
            return errors.Problem();
        }
        if (queries.Find(id) is not { } station)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: L["Api_NotFound"], detail: L["Api_NotFoundDetail", id]);
        }
        return TypedResults.Json(StationGeoJson.ToFeature(station, english, L, clock.GetUtcNow(), calendar, details: true), contentType: "application/geo+json");
    }

    private static bool TryParseFinite(string? s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
