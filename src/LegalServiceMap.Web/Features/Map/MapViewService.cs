using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Stations;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>What the map page lists for its address: the stations matching the search, and places (roads, buildings) that match it too.</summary>
public sealed record MapList(IReadOnlyList<Station> Matching, IReadOnlyList<GeocodeCandidate> Places, Station? Selected);

/// <summary>A walk from a point: its area and the stations inside, or why there is none; where it starts, in words; whether that is in Jing'an.</summary>
public sealed record MapWalk(GeoPoint Origin, Isochrone? Area, ReverseGeocode? Start, bool? InDistrict);

/// <summary>The map page's one service: it reads the catalog, the geocoder, the walking areas and the boundary of the current snapshot for the page.</summary>
public sealed class MapViewService(StationQueries stations, SpatialState state, WalkingAreaService walking, Setup.AppMetrics metrics)
{
    public IsochroneOptions WalkOptions => walking.Options;

    public async Task<MapList> ListAsync(MapQuery query, CancellationToken ct = default)
    {
        var matching = await stations.ListAsync(new StationFilter(Query: query.Search), ct);
        // Places and addresses (not stations: those are in the list).
        var places = query.Search is { Length: >= 2 } search
            ? metrics.TimeGeocode(() => state.Current.Geocoder.Geocode(search, 6)).Where(c => c.StationId is null).Take(3).ToList()
            : [];
        var selected = query.StationId is null ? null : stations.PublicCatalog.Find(query.StationId);
        return new MapList(matching, places, selected);
    }

    /// <summary>
    /// Names the street network walks follow (its import time; 0 for circles), for walking-area URLs: browsers keep a
    /// walk for minutes, and a new network must not be drawn as the old one's cached area.
    /// </summary>
    public long NetworkStamp => state.Current.Network?.Summary.ImportedAt.ToUnixTimeSeconds() ?? 0;

    /// <summary>The walk (computed once per request, see <see cref="WalkingAreaService"/>).</summary>
    public MapWalk Walk(GeoPoint origin, int minutes, bool elder)
    {
        var speed = elder ? walking.Options.ElderSpeedKmh : walking.Options.DefaultSpeedKmh;
        var snapshot = state.Current;
        var result = walking.Compute(new IsochroneRequest(origin, minutes, speed));
        return new MapWalk(origin, result.Value, metrics.TimeGeocode(() => snapshot.Geocoder.Reverse(origin)), snapshot.Boundaries.Contains(origin));
    }
}
