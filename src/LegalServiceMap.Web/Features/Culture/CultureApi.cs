using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Api;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Stations;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Culture;

/// <summary>
/// GET /api/culture?pace=normal|elder&amp;lat=&amp;lng=&amp;coord=&amp;lang= → the rule-of-law culture map as GeoJSON: the sites
/// (kind "site", with description, sources and place on the walk; geometry null when not placed) and the suggested
/// walk (kind "route", LineStrings), with its total metres and minutes. A start point (lat/lng) makes the walk begin
/// there. Foreign members: method "network" or the approximate "estimate", approximate, totalMetres, totalMinutes.
/// </summary>
public static class CultureApi
{
    public static IEndpointRouteBuilder MapCultureApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/culture", Get).WithTags("Culture map");
        return app;
    }

    private static IResult Get(string? pace, string? lat, string? lng, string? coord, string? lang,
        CultureService culture, WalkingAreaService walking, IStringLocalizer<SharedResource> L, HttpContext http)
    {
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        var kmh = errors.Speed("pace", pace, walking.Options);
        // A start is optional: without lat and lng the walk begins at its first site.
        GeoPoint? start = lat is null && lng is null ? null : errors.Point(lat, lng, coord);
        if (lat is null && lng is null) errors.System("coord", coord);
        if (errors.Any)
        {
            return errors.Problem();
        }
        var map = culture.Build(kmh, start);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Stream(stream => Write(stream, map, english), "application/geo+json");
    }

    private static async Task Write(Stream stream, CultureMap map, bool english)
    {
        var route = map.Route;
        await using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("style", "route");
        w.WriteString("method", route.OnNetwork ? "network" : "estimate");
        w.WriteBoolean("approximate", route.Approximate);
        w.WriteNumber("speedKmh", route.SpeedKmh);
        w.WriteNumber("totalMetres", Math.Round(route.TotalMetres));
        w.WriteNumber("totalMinutes", Math.Round(route.TotalSeconds / 60));
        w.WriteStartArray("features");
        foreach (var site in map.Sites)
        {
            var s = site.Station;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", s.Id);
            w.WritePropertyName("geometry");
            if (s.Location is { } p) GeoJsonWriting.WritePoint(w, p); else w.WriteNullValue();
            w.WriteStartObject("properties");
            w.WriteString("kind", "site");
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name(english));
            w.WriteString("address", s.Address(english));
            w.WriteString("about", site.Entry.About(english));
            w.WriteBoolean("red", site.Entry.Red);
            if (site.Order is { } o) w.WriteNumber("order", o); else w.WriteNull("order");
            w.WriteBoolean("approximate", s.LocationTier.IsImprecise());
            w.WriteStartArray("sources");
            foreach (var source in site.Entry.Sources) w.WriteStringValue(source);
            w.WriteEndArray();
            w.WriteString("url", $"/stations/{Uri.EscapeDataString(s.Id)}");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        foreach (var leg in route.Legs)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "LineString");
            w.WriteStartArray("coordinates");
            foreach (var p in leg.Path) GeoJsonWriting.WritePosition(w, p);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("kind", "route");
            w.WriteString("from", leg.From.Id);
            w.WriteString("to", leg.To.Id);
            w.WriteNumber("metres", Math.Round(leg.Metres));
            w.WriteBoolean("onNetwork", leg.OnNetwork);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync();
    }
}
