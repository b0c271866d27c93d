using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Coverage;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Spatial;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Coverage;

/// <summary>
/// GET /api/coverage?minutes=15&amp;speed=normal → per type, the share of the district (and of each street/town)
/// within that walk of a station of the type. GET /api/coverage/uncovered?type=&amp;minutes=&amp;speed= → the
/// uncovered parts as GeoJSON. <c>district</c> says whether the district is the shipped approximate outline
/// (<c>outline</c>) or an imported boundary (<c>imported</c>); 409 problem+json when there is neither.
/// </summary>
public static class CoverageApi
{
    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coverage").WithTags("Coverage");
        group.MapGet("/", Summary);
        group.MapGet("/uncovered", Uncovered);
        return app;
    }

    private static (double Minutes, double Speed) Walk(ParameterErrors errors, string? minutes, string? speed, IsochroneOptions options) =>
        (errors.Number("minutes", minutes, options.MinMinutes, options.MaxMinutes, fallback: options.DefaultMinutes), errors.Speed("speed", speed, options));

    private static IResult NoDistrict(IStringLocalizer L) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L["Coverage_NoDistrict"], detail: L["Coverage_NoDistrictDetail"]);

    private static IResult Summary(string? minutes, string? speed, string? lang,
        CoverageService coverage, WalkQueries walking, IStringLocalizer<SharedResource> L)
    {
        var errors = new ParameterErrors(L);
        var (m, s) = Walk(errors, minutes, speed, walking.Options);
        var english = errors.English(lang); // the figures are the same in either language; committees' names follow it
        if (errors.Any) return errors.Problem();
        if (!coverage.HasDistrict) return NoDistrict(L);

        var results = StationTypes.All.Select(t => coverage.Compute(t, m, s)!).ToList();
        var reach = coverage.CommitteeReach(m, s);
        return TypedResults.Json(new
        {
            method = WireName.Of(results[0].Method),
            approximate = results[0].Method != IsochroneMethod.Network,
            minutes = m,
            speedKmh = s,
            districtKm2 = Math.Round(results[0].District.AreaKm2, 3),
            district = coverage.DistrictSource,
            types = results.Select(r => new
            {
                type = r.Type.ToSlug(),
                typeName = L["Type_" + r.Type.ToSlug()].Value,
                stations = r.Stations,
                stationsUsed = r.StationsUsed,
                share = Math.Round(r.District.Share, 4),
                coveredKm2 = Math.Round(r.District.CoveredKm2, 3),
                streets = r.Streets.Select(st => new
                {
                    name = st.Name, streetCode = StreetTown.Resolve(st.Name)?.Code, areaKm2 = Math.Round(st.AreaKm2, 3), share = Math.Round(st.Share, 4),
                }),
            }),
            // The 居村 points: for each placed residents' committee, the walk from its office to the nearest station of each
            // service type within the budget (a type not listed is not within it).
            committees = new
            {
                total = coverage.Committees,
                placed = reach.Count,
                items = reach.Select(c => new
                {
                    id = c.Committee.Id,
                    divisionCode = c.Committee.DivisionCode,
                    name = c.Committee.Name(english),
                    streetCode = c.Committee.StreetCode,
                    offNetwork = c.OffNetwork,
                    withinMinutes = CommitteeCoverage.ServiceTypes.Where(c.NearestMinutes.ContainsKey).ToDictionary(t => t.ToSlug(), t => c.NearestMinutes[t]),
                    missing = CommitteeCoverage.ServiceTypes.Where(t => !c.NearestMinutes.ContainsKey(t)).Select(t => t.ToSlug()),
                }),
            },
        });
    }

    private static IResult Uncovered(string? type, string? minutes, string? speed,
        CoverageService coverage, WalkQueries walking, IStringLocalizer<SharedResource> L)
    {
        var errors = new ParameterErrors(L);
        var (m, s) = Walk(errors, minutes, speed, walking.Options);
        var t = errors.Type(type);
        if (errors.Any) return errors.Problem();
        if (coverage.Compute(t, m, s) is not { } result) return NoDistrict(L);
        return TypedResults.Json(new GeoFeatureCollection(
            [new GeoFeature(result.Uncovered, new { kind = "area", type = result.Type.ToSlug() })])
        {
            Members = new()
            {
                ["method"] = WireName.Of(result.Method),
                ["approximate"] = result.Method != IsochroneMethod.Network,
                ["style"] = "gap",
                ["share"] = Math.Round(result.District.Share, 4),
                ["district"] = coverage.DistrictSource,
            },
        }, contentType: "application/geo+json");
    }
}
