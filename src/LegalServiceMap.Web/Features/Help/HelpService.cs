using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Help;
using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Map;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Spatial;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LegalServiceMap.Web.Features.Help;

/// <summary>
/// What /help was asked, read from its address: the problem group, one answer per question answered (the question's id
/// = the answer's id), the keywords understood from a description (only words of the table are echoed), and where the
/// resident is (<c>lat</c>/<c>lng</c>/<c>coord</c>, or a place typed in <c>where</c>).
/// </summary>
public sealed record HelpQuery(string? Problem, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<string> Heard, MapLocation Location, string? Where)
{
    public const string ProblemKey = "problem", HeardKey = "heard", WhereKey = "where";

    public static HelpQuery Parse(Func<string, StringValues> query, HelpTree tree)
    {
        string? One(string key) => query(key) is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;
        var answers = tree.Questions.Keys.Select(k => (k, v: One(k))).Where(x => x.v is not null).ToDictionary(x => x.k, x => x.v!);
        var heard = (One(HeardKey) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10).ToList();
        var where = One(WhereKey) is { Length: <= 200 } w ? w : null;
        return new HelpQuery(One(ProblemKey), answers, heard, MapState.ParseLocation(One(MapState.LatKey), One(MapState.LngKey), One(MapState.CoordKey)), where);
    }
}

/// <summary>A place to go for an outcome: the station, and, from the resident's point, its walk and "open when you arrive".</summary>
public sealed record HelpPlace(StationType Type, Station Station, double? WalkMinutes, ArrivalStatus? Arrival, double? Metres)
{
    public bool WithinWalk => WalkMinutes is not null;
}

/// <summary>Everything /help and /api/help show for one address.</summary>
public sealed record HelpView(
    HelpTree Tree,
    HelpQuery Query,
    HelpStep? Step,
    IReadOnlyList<FoundWord> Heard,
    GeoPoint? Origin,
    string? OriginLabel,
    bool OutsideDistrict,
    bool WhereNotFound,
    int Minutes,
    IReadOnlyList<HelpPlace> Places,
    LegalAidCheckResult? LegalAid)
{
    /// <summary>The address of this step with one more answer (or another problem), keeping where the resident is.</summary>
    public string Link(IEnumerable<(string Key, string Value)> path)
    {
        var parts = path.ToList();
        if (Origin is { } o)
        {
            var (lat, lng) = MapState.Format(o);
            parts.Add((MapState.LatKey, lat));
            parts.Add((MapState.LngKey, lng));
        }
        return "help" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
    }

    /// <summary>The path so far: the problem and the answers given (not what was typed).</summary>
    public IReadOnlyList<(string Key, string Value)> Path =>
        Step is null ? [] : [(HelpQuery.ProblemKey, Step.Group.Id), .. Step.Answered.Select(a => (a.Question.Id, a.Option.Id))];

    public string LinkTo(string questionId, string optionId) => Link([.. Path, (questionId, optionId)]);

    /// <summary>The consultation form with the topic of this outcome (and where the resident came from).</summary>
    public string? ConsultUrl => Step?.Outcome is { } o ? $"consult?topic={Uri.EscapeDataString(o.Topic)}&from=help" : null;

    /// <summary>The legal-aid pre-application with the matter and the situations this path established.</summary>
    public string? LegalAidUrl => Step?.Outcome?.LegalAid is { } a
        ? "legal-aid?" + string.Join("&", new[] { ("caseType", a.CaseType) }.Concat(a.Exempt.Select(x => ("exempt", x))).Concat(a.Waived.Select(x => ("waived", x)))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"))
        : null;
}

/// <summary>
/// /help's one service: the walk through the reviewed tree (Core's <see cref="HelpWalk"/>), what a description was
/// understood as (<see cref="ProblemWords"/>), the legal-aid notes from the one self-check (<see cref="LegalAidCheck"/>),
/// and the nearest places of the outcome's types open when the resident arrives (the map's walk and arrival logic).
/// Stateless; thread-safe. Nothing typed is kept or logged.
/// </summary>
public sealed class HelpService(HelpCatalog catalog, MapViewService map, Arrivals arrivals, StationQueries stations, SpatialState state,
    IOptions<PortalOptions> portal)
{
    public HelpTree Tree => catalog.Tree;

    /// <summary>How many places per service type an outcome lists.</summary>
    public const int PlacesPerType = 2;

    public Understanding Understand(string? text) => catalog.Words.Understand(text);

    public HelpView Build(HelpQuery query, bool english, bool elder)
    {
        var tree = Tree;
        var step = HelpWalk.From(tree, query.Problem, id => query.Answers.GetValueOrDefault(id));
        var heard = query.Heard.SelectMany(w => catalog.Words.Understand(w).Words)
            .Where(f => step is null || f.Group == step.Group.Id).DistinctBy(f => f.Word).ToList();

        var snapshot = state.Current;
        GeoPoint? origin = query.Location.Point;
        string? label = null;
        var whereNotFound = false;
        if (origin is null && query.Where is { } where)
        {
            if (snapshot.Geocoder.Geocode(where, 1) is [var best, ..]) (origin, label) = (best.Location, english ? best.LabelEn ?? best.Label : best.Label);
            else whereNotFound = true;
        }
        var outside = origin is { } p && snapshot.Boundaries.Contains(p) == false;
        var minutes = map.WalkOptions.DefaultMinutes;

        IReadOnlyList<HelpPlace> places = [];
        LegalAidCheckResult? legalAid = null;
        MapWalk? walk = null;
        if (step?.Outcome is { } outcome)
        {
            if (!outside)
            {
                walk = origin is { } o ? map.Walk(o, minutes, elder) : null;
                places = Places(outcome, origin, walk);
            }
            if (outcome.LegalAid is { } a)
                legalAid = LegalAidCheck.Evaluate(new LegalAidForm { CaseType = a.CaseType, Exempt = [.. a.Exempt] }, portal.Value.LegalAidMonthlyIncomeThresholdYuan);
        }
        if (label is null && origin is { } from && !outside && (walk?.Start ?? snapshot.Geocoder.Reverse(from)) is { } r)
            label = r.RoadName(english) ?? r.StreetTown?.Name(english);
        return new HelpView(tree, query, step, heard, origin, label, outside, whereNotFound, minutes, places, legalAid);
    }

    /// <summary>
    /// Per service type of the outcome: the places inside the walk from the resident's point, those open on arrival
    /// first, then nearest; when none is inside the walk, the nearest by distance. Without a point: the type's places in
    /// the catalog's order (district-level ones are listed first there).
    /// </summary>
    private List<HelpPlace> Places(HelpOutcome outcome, GeoPoint? origin, MapWalk? walk)
    {
        var result = new List<HelpPlace>();
        foreach (var type in outcome.Services)
        {
            var inside = walk?.Area?.Stations.Where(r => r.Station.Type == type)
                .Select(r => (Reached: r, Arrival: arrivals.For(r, null)))
                .OrderByDescending(x => x.Arrival.OpenOnArrival == true).ThenBy(x => x.Reached.WalkSeconds)
                .Take(PlacesPerType)
                .Select(x => new HelpPlace(type, x.Reached.Station, x.Reached.WalkSeconds / 60, x.Arrival, x.Reached.WalkMetres))
                .ToList() ?? [];
            if (inside.Count > 0) { result.AddRange(inside); continue; }
            var nearest = origin is { } from
                ? stations.Nearest(from, PlacesPerType, new HashSet<StationType> { type }).Select(n => new HelpPlace(type, n.Station, null, null, n.DistanceMetres)).ToList()
                : [];
            // No placed one (or no point): the type's places as the catalog lists them, district-level ones first.
            result.AddRange(nearest.Count > 0 ? nearest
                : stations.PublicCatalog.Filter(new HashSet<StationType> { type }).Where(s => s.InDefaultList).Take(PlacesPerType).Select(s => new HelpPlace(type, s, null, null, null)));
        }
        return result;
    }
}
