using LegalServiceMap.Core.Geo;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Api;

/// <summary>GET /api/coords?lat=&amp;lng=&amp;from=wgs84|gcj02|bd09&amp;to=… → the point in the other system (points outside China pass through).</summary>
public static class CoordsApi
{
    public static IEndpointRouteBuilder MapCoordsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/coords", Convert).WithTags("Coordinates");
        return app;
    }

    private static IResult Convert(string? lat, string? lng, string? from, string? to, IStringLocalizer<SharedResource> L)
    {
        var errors = new Dictionary<string, string[]>();
        var latitude = ApiParameters.Number(errors, "lat", lat, -90, 90, L);
        var longitude = ApiParameters.Number(errors, "lng", lng, -180, 180, L);
        var source = CoordinateSystems.Parse(from);
        var target = CoordinateSystems.Parse(to);
        if (from is null || source is null) errors["from"] = [L["Api_CoordInvalid"]];
        if (to is null || target is null) errors["to"] = [L["Api_CoordInvalid"]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: L["Api_InvalidTitle"]);

        var input = new GeoPoint(latitude, longitude);
        var output = ChinaCoordinates.Convert(input, source!.Value, target!.Value);
        return TypedResults.Json(new
        {
            from = Name(source.Value),
            to = Name(target.Value),
            inChina = ChinaCoordinates.IsInChina(input),
            lat = Math.Round(output.Latitude, 8),
            lng = Math.Round(output.Longitude, 8),
        });
    }

    private static string Name(CoordinateSystem system) => system switch
    {
        CoordinateSystem.Gcj02 => "gcj02",
        CoordinateSystem.Bd09 => "bd09",
        _ => "wgs84",
    };
}
