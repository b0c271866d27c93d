using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Spatial;
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
        CultureService culture, WalkQueries walking, IStringLocalizer<SharedResource> L, HttpContext http)
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
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Json(ToCollection(culture.Build(kmh, start), english), contentType: "application/geo+json");
    }

    private sealed record SiteProperties(string Kind, string Id, string Name, string? Address, string About, bool Red, int? Order, bool Approximate,
        IReadOnlyList<string> Sources, string Url);

    private sealed record LegProperties(string Kind, string From, string To, double Metres, bool OnNetwork);

    private static GeoFeatureCollection ToCollection(CultureMap map, bool english)
    {
        var route = map.Route;
        var sites = map.Sites.Select(site => new GeoFeature(
            site.Station.Location is { } p ? GeoJson.Point(p) : null,
            new SiteProperties("site", site.Station.Id, site.Station.Name(english), site.Station.Address(english), site.Entry.About(english), site.Entry.Red,
                site.Order, site.Station.IsApproximate, site.Entry.Sources, $"/stations/{Uri.EscapeDataString(site.Station.Id)}"),
            site.Station.Id));
        // A leg between two sites at one point draws nothing: it is left out (its stops are still listed in order).
        var legs = route.Legs.Where(leg => GeoJson.IsLine(leg.Path)).Select(leg => new GeoFeature(
            GeoJson.Line(leg.Path), new LegProperties("route", leg.From.Id, leg.To.Id, Math.Round(leg.Metres), leg.OnNetwork)));
        return new GeoFeatureCollection([.. sites, .. legs])
        {
            Members = new()
            {
                ["style"] = "route",
                ["method"] = route.OnNetwork ? "network" : "estimate",
                ["approximate"] = route.Approximate,
                ["speedKmh"] = route.SpeedKmh,
                ["totalMetres"] = Math.Round(route.TotalMetres),
                ["totalMinutes"] = Math.Round(route.TotalSeconds / 60),
            },
        };
    }
}
