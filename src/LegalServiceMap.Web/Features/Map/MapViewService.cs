using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Features.Stations;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>A walk from a point: its area and the stations inside, or why there is none; where it starts, in words; whether that is in Jing'an.</summary>
public sealed record MapWalk(GeoPoint Origin, Isochrone? Area, ReverseGeocode? Start, bool? InDistrict);

/// <summary>Why the page shows no walk although the address asks for one.</summary>
public enum WalkProblem { None, BadLocation, OffNetwork }

/// <summary>
/// Everything the map page shows for one address, computed once on the server: the list (ranked from the walk's point,
/// or from the district's centre), the counts per type, the places matching the search, the open station, the walk with
/// each inside place's "open when I arrive", and the URLs the map module draws from (the same requests, so the browser's
/// cache answers the second time).
/// </summary>
public sealed record MapView(
    MapState State,
    IReadOnlyList<Station> Matching,
    IReadOnlyList<RankedStation> Ranked,
    IReadOnlyList<GeocodeCandidate> Places,
    Station? Selected,
    int Minutes,
    bool Elder,
    MapWalk? Walk,
    WalkProblem Problem,
    IReadOnlyDictionary<string, ArrivalStatus> Arrivals,
    DateTime NowLocal,
    string StationsUrl,
    string WalkUrlTemplate)
{
    /// <summary>Whether distances in the list are from a chosen point (else the list is in the district centre's order, without distances).</summary>
    public bool FromPoint => Walk is not null;

    /// <summary>The walk's URL for the map module, or null.</summary>
    public string? WalkUrl => Walk is { Area: not null } w ? WalkUrlFor(WalkUrlTemplate, w.Origin) : null;

    /// <summary>Fills a walk URL template's <c>{lat}</c> and <c>{lng}</c> the way the address writes a point (the map module does the same).</summary>
    public static string WalkUrlFor(string template, GeoPoint origin)
    {
        var (lat, lng) = MapState.Format(origin);
        return template.Replace("{lat}", lat).Replace("{lng}", lng);
    }

    /// <summary>The inside places the walk's list shows (all, or only those open when the resident arrives).</summary>
    public IReadOnlyList<ReachableStation> Inside =>
        Walk?.Area?.Stations.Where(r => !State.OnlyOpen || Arrivals.GetValueOrDefault(r.Station.Id)?.OpenOnArrival == true).ToList() ?? [];
}

/// <summary>
/// The map page's one service: it reads the catalog, the geocoder, the walking areas and the boundary of the current
/// snapshot for an address. Stateless and thread-safe (one instance serves every request).
/// </summary>
public sealed class MapViewService(StationQueries stations, SpatialState state, WalkQueries walking, Arrivals arrivals,
    IOptions<MapOptions> map, AppMetrics metrics)
{
    public IsochroneOptions WalkOptions => walking.Options;

    /// <summary>Now in China Standard Time (the app's clock).</summary>
    public DateTime NowLocal => OpeningHours.ToShanghai(arrivals.Now);

    /// <summary>
    /// Names the street network walks follow (its import time; 0 for circles), for walking-area URLs: browsers keep a
    /// walk for minutes, and a new network must not be drawn as the old one's cached area.
    /// </summary>
    public long NetworkStamp => state.Current.Network?.Summary.ImportedAt.ToUnixTimeSeconds() ?? 0;

    public async Task<MapView> BuildAsync(MapState query, bool english, bool elderMode, CancellationToken ct = default)
    {
        var options = walking.Options;
        var minutes = query.WalkMinutes(options);
        var elder = query.ElderPace(elderMode);
        var lang = english ? "en" : "zh";

        var matching = await stations.ListAsync(new StationFilter(Query: query.Search), ct);
        // Places and addresses (not stations: those are in the list).
        var places = query.Search is { Length: >= 2 } search
            ? metrics.TimeGeocode(() => state.Current.Geocoder.Geocode(search, 6)).Where(c => c.StationId is null).Take(3).ToList()
            : [];
        var selected = query.StationId is null ? null : stations.PublicCatalog.Find(query.StationId);

        var walk = query.Location.Point is { } origin ? Walk(origin, minutes, elder) : null;
        var problem = query.Location.Invalid ? WalkProblem.BadLocation : walk is { Area: null } ? WalkProblem.OffNetwork : WalkProblem.None;
        DateTimeOffset? departure = query.DepartLocal is { } d ? new DateTimeOffset(d, OpeningHours.ShanghaiOffset) : null;
        var answers = walk?.Area?.Stations.ToDictionary(r => r.Station.Id, r => arrivals.For(r, departure)) ?? [];

        var shown = StationCatalog.Listed(matching, query.Types, query.Search);
        var ranked = StationCatalog.SortByDistance(shown, walk?.Origin ?? new GeoPoint(map.Value.CenterLatitude, map.Value.CenterLongitude));

        var stationsUrl = $"api/stations?lang={lang}";
        if (MapState.TypeParameter(query.Types) is { } types) stationsUrl += "&type=" + Uri.EscapeDataString(types);
        if (query.Search is { } q) stationsUrl += "&q=" + Uri.EscapeDataString(q);
        var walkTemplate = $"api/isochrone?lat={{lat}}&lng={{lng}}&minutes={minutes}&speed={(elder ? "elder" : "normal")}&lang={lang}&net={NetworkStamp}";

        return new MapView(query, matching, ranked, places, selected, minutes, elder, walk, problem, answers,
            OpeningHours.ToShanghai(arrivals.Now), stationsUrl, walkTemplate);
    }

    /// <summary>The walk (computed once per request and origin, see <see cref="WalkQueries"/>).</summary>
    public MapWalk Walk(GeoPoint origin, int minutes, bool elder)
    {
        var speed = elder ? walking.Options.ElderSpeedKmh : walking.Options.DefaultSpeedKmh;
        var snapshot = state.Current;
        var result = walking.Compute(new IsochroneRequest(origin, minutes, speed));
        return new MapWalk(origin, result.Value, metrics.TimeGeocode(() => snapshot.Geocoder.Reverse(origin)), snapshot.Boundaries.Contains(origin));
    }
}
