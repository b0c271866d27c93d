using LegalServiceMap.Core.Text;
using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Stations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Api;

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

    private static async Task<Results<JsonHttpResult<FeatureCollection>, ValidationProblem>> List(
        string? type, string? q, string? bbox, string? lang,
        StationQueries queries, IStringLocalizer<SharedResource> L, TimeProvider clock, HolidayCalendar calendar, HttpContext http, CancellationToken ct)
    {
        var errors = new Errors(L);
        var english = errors.Language(lang);
        var types = errors.Types(type);
        GeoBox? box = null;
        if (bbox is not null)
        {
            var parts = bbox.Split(',');
            if (parts.Length != 4 || !parts.All(p => TryParseFinite(p, out _)))
            {
                errors.Add("bbox", "Api_BboxFormat");
            }
            else
            {
                var v = parts.Select(p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
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
        var now = clock.GetUtcNow();
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Json(
            new FeatureCollection(stations.Select(s => StationGeoJson.ToFeature(s, english, L, now, calendar)).ToList()),
            contentType: "application/geo+json");
    }

    private static Results<JsonHttpResult<FeatureCollection>, ValidationProblem> Nearest(
        string? lat, string? lng, string? k, string? type, string? coord, string? lang,
        StationQueries queries, IStringLocalizer<SharedResource> L, TimeProvider clock, HolidayCalendar calendar)
    {
        var errors = new Errors(L);
        var english = errors.Language(lang);
        var types = errors.Types(type);
        var latitude = errors.Coordinate("lat", lat, 90);
        var longitude = errors.Coordinate("lng", lng, 180);
        var count = 10;
        if (k is not null && (!int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxK))
        {
            errors.Add("k", "Api_KRange", MaxK);
        }
        var system = CoordinateSystems.Parse(coord);
        if (system is null)
        {
            errors.Add("coord", "Api_CoordInvalid");
        }
        if (errors.Any)
        {
            return errors.Problem();
        }

        var now = clock.GetUtcNow();
        // The host app may send GCJ-02 or BD-09 locations; everything is stored and answered in WGS-84.
        var origin = ChinaCoordinates.Convert(new GeoPoint(latitude, longitude), system!.Value, CoordinateSystem.Wgs84);
        var hits = queries.Nearest(origin, count, types);
        return TypedResults.Json(
            new FeatureCollection(hits.Select(h => StationGeoJson.ToFeature(h.Station, english, L, now, calendar, h.DistanceMetres)).ToList()),
            contentType: "application/geo+json");
    }

    private static Results<JsonHttpResult<StationFeature>, ValidationProblem, ProblemHttpResult> Get(
        string id, string? lang, StationQueries queries, IStringLocalizer<SharedResource> L, TimeProvider clock, HolidayCalendar calendar)
    {
        var errors = new Errors(L);
        var english = errors.Language(lang);
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

    /// <summary>Collects localized validation errors per parameter.</summary>
    private sealed class Errors(IStringLocalizer L)
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public bool Any => _errors.Count > 0;

        public void Add(string parameter, string key, params object[] args)
        {
            if (!_errors.TryGetValue(parameter, out var list))
            {
                _errors[parameter] = list = [];
            }
            list.Add(L[key, args]);
        }

        public bool Language(string? lang)
        {
            if (lang is null)
            {
                return Localization.IsEnglish;
            }
            if (Localization.Parse(lang) is not { } culture)
            {
                Add("lang", "Api_LangUnknown");
                return false;
            }
            return culture.TwoLetterISOLanguageName == "en";
        }

        public IReadOnlySet<StationType>? Types(string? csv)
        {
            if (csv is null)
            {
                return null;
            }
            if (!StationTypes.TryParseList(csv, out var types, out var unknown))
            {
                Add("type", "Api_TypeUnknown", unknown ?? "", string.Join(", ", StationTypes.All.Select(t => t.ToSlug())));
                return null;
            }
            return types;
        }

        public double Coordinate(string parameter, string? raw, double limit)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                Add(parameter, "Api_Required");
                return 0;
            }
            if (!TryParseFinite(raw, out var value))
            {
                Add(parameter, "Api_NotANumber");
                return 0;
            }
            if (value < -limit || value > limit)
            {
                Add(parameter, "Api_OutOfRange", -limit, limit);
            }
            return value;
        }

        public ValidationProblem Problem() =>
            TypedResults.ValidationProblem(
                _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
                title: L["Api_InvalidTitle"]);
    }
}
