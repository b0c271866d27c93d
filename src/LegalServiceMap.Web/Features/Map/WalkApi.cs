using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Spatial;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>
/// GET /api/isochrone?lat=&amp;lng=&amp;minutes=15&amp;speed=normal|elder|km/h&amp;coord=wgs84|gcj02|bd09&amp;type=&amp;lang=
/// → a GeoJSON FeatureCollection: the walking area (kind "area", WGS-84) and the stations inside (kind "station")
/// with walking minutes and metres; foreign members say the method ("network" or the approximate "circle"). With
/// <c>depart=2026-12-02T09:30</c> (China Standard Time, or with an offset) each station also says when the resident
/// arrives (<c>arrival</c>, local time), whether it is open then (<c>openOnArrival</c>: true, false, or null when its
/// hours are not known), why (<c>arrivalReason</c>, <c>closedBecause</c>) and the same in words (<c>arrivalNote</c>).
/// </summary>
public static class WalkApi
{
    public static IEndpointRouteBuilder MapWalkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/isochrone", Get).WithTags("Walking areas");
        return app;
    }

    private static IResult Get(string? lat, string? lng, string? minutes, string? speed, string? coord, string? type, string? lang, string? depart,
        WalkQueries walking, SpatialState spatial, Arrivals arrivals, IStringLocalizer<SharedResource> L, HttpContext http)
    {
        var options = walking.Options;
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        var origin = errors.Point(lat, lng, coord);
        var mins = errors.Number("minutes", minutes, options.MinMinutes, options.MaxMinutes, fallback: options.DefaultMinutes);
        var kmh = errors.Speed("speed", speed, options);
        var types = errors.Types(type);
        var departure = errors.Departure("depart", depart, arrivals.Now);
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
        var arriving = departure is { } leave ? (Func<ReachableStation, object>)(s => OnArrival(s, arrivals.For(s, leave), english, L)) : null;
        return TypedResults.Json(ToCollection(iso, spatial.Current.Boundaries.Contains(origin), types, english, L, arriving), contentType: "application/geo+json");
    }

    private sealed record AreaProperties(string Kind, string Method);

    private sealed record StationInside(string Kind, string Id, string Type, string TypeName, string Name, bool Approximate, double WalkMetres, double WalkMinutes, string Url);

    private sealed record StationOnArrival(string Kind, string Id, string Type, string TypeName, string Name, bool Approximate, double WalkMetres, double WalkMinutes, string Url,
        string Arrival, bool? OpenOnArrival, string ArrivalReason, string? ClosedBecause, string ArrivalNote);

    private static StationInside Inside(ReachableStation s, bool english, IStringLocalizer L) =>
        new("station", s.Station.Id, s.Station.Type.ToSlug(), L["Type_" + s.Station.Type.ToSlug()], s.Station.Name(english), s.Station.IsApproximate,
            Math.Round(s.WalkMetres), Math.Round(s.WalkSeconds / 60, 1), "/" + Stations.StationLinks.Path(s.Station.Id));

    private static StationOnArrival OnArrival(ReachableStation s, ArrivalStatus a, bool english, IStringLocalizer L)
    {
        var i = Inside(s, english, L);
        return new(i.Kind, i.Id, i.Type, i.TypeName, i.Name, i.Approximate, i.WalkMetres, i.WalkMinutes, i.Url,
            a.ArrivalLocal.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), a.OpenOnArrival, WireName.Of(a.Answer),
            a.Because == ClosedDayReason.None ? null : WireName.Of(a.Because), Arrivals.Text(a, L, english));
    }

    private static GeoFeatureCollection ToCollection(Isochrone iso, bool? inDistrict, IReadOnlySet<StationType>? types, bool english, IStringLocalizer L,
        Func<ReachableStation, object>? arriving = null)
    {
        var method = WireName.Of(iso.Method);
        var features = new List<GeoFeature> { new(iso.Area, new AreaProperties("area", method)) };
        features.AddRange(iso.Stations.Where(s => types is null || types.Count == 0 || types.Contains(s.Station.Type)).Select(s => new GeoFeature(
            GeoJson.Point(s.Station.Location!.Value), arriving?.Invoke(s) ?? Inside(s, english, L), s.Station.Id)));
        var members = new Dictionary<string, object?>
        {
            ["method"] = method,
            ["approximate"] = iso.Method != IsochroneMethod.Network,
            ["minutes"] = iso.Request.Minutes,
            ["speedKmh"] = iso.Request.SpeedKmh,
            ["budgetMetres"] = Math.Round(iso.Request.BudgetMetres, 1),
            ["origin"] = new[] { Math.Round(iso.Request.Origin.Longitude, 7), Math.Round(iso.Request.Origin.Latitude, 7) },
            // Whether the origin lies in Jing'an: null until a boundary is imported.
            ["inDistrict"] = inDistrict,
        };
        if (iso.SnapDistanceMetres is { } snap) members["snapDistanceMetres"] = Math.Round(snap, 1);
        return new GeoFeatureCollection(features) { Members = members };
    }
}
