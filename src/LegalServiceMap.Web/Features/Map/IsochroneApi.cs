using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Api;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Stations;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>
/// GET /api/isochrone?lat=&amp;lng=&amp;minutes=15&amp;speed=normal|elder|km/h&amp;coord=wgs84|gcj02|bd09&amp;type=&amp;lang=
/// → a GeoJSON FeatureCollection: the walking area (kind "area", WGS-84) and the stations inside (kind "station")
/// with walking minutes and metres; foreign members say the method ("network" or the approximate "circle").
/// </summary>
public static class IsochroneApi
{
    public static IEndpointRouteBuilder MapIsochroneApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/isochrone", Get).WithTags("Walking areas");
        return app;
    }

    private static IResult Get(string? lat, string? lng, string? minutes, string? speed, string? coord, string? type, string? lang,
        WalkingAreaService walking, BoundaryService boundaries, IStringLocalizer<SharedResource> L, HttpContext http)
    {
        var options = walking.Options;
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        var origin = errors.Point(lat, lng, coord);
        var mins = errors.Number("minutes", minutes, options.MinMinutes, options.MaxMinutes, fallback: options.DefaultMinutes);
        var kmh = errors.Speed("speed", speed, options);
        var types = errors.Types(type);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var result = walking.Compute(new IsochroneRequest(origin, mins, kmh));
        if (result.Value is not { } iso)
        {
            return TypedResults.Problem(statusCode: 400, title: L["Api_OffNetwork"], detail: L["Api_OffNetworkDetail", options.MaxSnapMetres],
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["lat"] = [L["Api_OffNetwork"]] } });
        }
        http.Response.Headers.CacheControl = "public, max-age=300";
        var inDistrict = boundaries.Current.Contains(origin);
        return Results.Stream(stream => Write(stream, iso, inDistrict, types, english, L), "application/geo+json");
    }

    private static async Task Write(Stream stream, Isochrone iso, bool? inDistrict, IReadOnlySet<StationType>? types, bool english, IStringLocalizer L)
    {
        await using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("method", WireName.Of(iso.Method));
        w.WriteBoolean("approximate", iso.Method != IsochroneMethod.Network);
        w.WriteNumber("minutes", iso.Request.Minutes);
        w.WriteNumber("speedKmh", iso.Request.SpeedKmh);
        w.WriteNumber("budgetMetres", Math.Round(iso.Request.BudgetMetres, 1));
        w.WritePropertyName("origin");
        GeoJsonWriting.WritePosition(w, iso.Request.Origin);
        if (iso.SnapDistanceMetres is { } snap) w.WriteNumber("snapDistanceMetres", Math.Round(snap, 1));
        // Whether the origin lies in Jing'an: null until a boundary is imported.
        if (inDistrict is { } inside) w.WriteBoolean("inDistrict", inside); else w.WriteNull("inDistrict");
        w.WriteStartArray("features");

        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WritePropertyName("geometry");
        GeoJsonPolygons.WriteGeometry(w, iso.Area);
        w.WriteStartObject("properties");
        w.WriteString("kind", "area");
        w.WriteString("method", WireName.Of(iso.Method));
        w.WriteEndObject();
        w.WriteEndObject();

        foreach (var s in iso.Stations.Where(s => types is null || types.Count == 0 || types.Contains(s.Station.Type)))
        {
            var p = s.Station.Location!.Value;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", s.Station.Id);
            w.WritePropertyName("geometry");
            GeoJsonWriting.WritePoint(w, p);
            w.WriteStartObject("properties");
            w.WriteString("kind", "station");
            w.WriteString("id", s.Station.Id);
            w.WriteString("type", s.Station.Type.ToSlug());
            w.WriteString("typeName", L["Type_" + s.Station.Type.ToSlug()]);
            w.WriteString("name", s.Station.Name(english));
            w.WriteBoolean("approximate", s.Station.IsApproximate);
            w.WriteNumber("walkMetres", Math.Round(s.WalkMetres));
            w.WriteNumber("walkMinutes", Math.Round(s.WalkSeconds / 60, 1));
            w.WriteString("url", $"/stations/{Uri.EscapeDataString(s.Station.Id)}");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync();
    }
}
