using LegalServiceMap.Web.Setup;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Core.Geo;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Geocoding;

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
        var errors = new ParameterErrors(L);
        var latitude = errors.Number("lat", lat, -90, 90);
        var longitude = errors.Number("lng", lng, -180, 180);
        var source = errors.System("from", from, required: true);
        var target = errors.System("to", to, required: true);
        if (errors.Any) return errors.Problem();

        var input = new GeoPoint(latitude, longitude);
        var output = ChinaCoordinates.Convert(input, source, target);
        return TypedResults.Json(new
        {
            from = WireName.Of(source),
            to = WireName.Of(target),
            inChina = ChinaCoordinates.IsInChina(input),
            lat = Math.Round(output.Latitude, 8),
            lng = Math.Round(output.Longitude, 8),
        });
    }
}
