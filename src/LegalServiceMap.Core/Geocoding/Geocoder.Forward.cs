using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>Forward geocoding: a typed address, road, intersection, station, committee or place to ranked candidates.</summary>
public sealed partial class Geocoder
{
    /// <summary>Up to <paramref name="limit"/> candidates, best first; empty when nothing matches.</summary>
    public IReadOnlyList<GeocodeCandidate> Geocode(string query, int limit = 5)
    {
        var parsed = AddressParser.Parse(query);
        if (parsed.Normalized.Length == 0) return [];
        var candidates = new List<GeocodeCandidate>();

        MatchStations(parsed, candidates);
        var landmark = _data.Landmarks.FindIn(parsed.Normalized);
        if (ResolveRoad(parsed.Road, parsed.Language) is { } road)
        {
            AddRoadCandidates(road, parsed, candidates, label: null);
        }
        else if (landmark is not null && ResolveRoad(landmark.Road, "zh") is { } landmarkRoad)
        {
            var viaLandmark = parsed with { Number = parsed.Number ?? landmark.Number, Lane = parsed.Lane ?? landmark.Lane };
            AddRoadCandidates(landmarkRoad, viaLandmark, candidates, label: landmark.NameZh, labelEn: landmark.NameEn, confidenceFactor: 0.95);
        }
        else if (parsed.Road is null && parsed.Language == "zh" && parsed.Normalized.Length is >= 2 and <= 10
            && parsed.Normalized.All(AddressParser.IsCjk) && ResolveRoad(parsed.Normalized, "zh") is { } bare)
        {
            // A bare road name typed without 路 (南京西) or with a typo.
            AddRoadCandidates(bare, parsed with { Road = parsed.Normalized }, candidates, label: null);
        }
        MatchStreetTown(parsed, candidates);
        MatchCommittees(parsed, candidates);
        if (candidates.Count == 0 && (parsed.District == "静安区" || parsed.Normalized.Contains("静安") || parsed.Normalized.Contains("闸北")
            || parsed.Normalized.Contains("JINGAN") || parsed.Normalized.Contains("JING'AN")))
        {
            var at = _data.District is { } d ? InteriorPoint(d) : _data.DistrictCentre;
            candidates.Add(new GeocodeCandidate("静安区", "Jing'an District", at, GeocodeMatchType.District, 0.3, "district", District: "静安区"));
        }

        return candidates
            .GroupBy(c => (c.Label, Math.Round(c.Location.Latitude, 5), Math.Round(c.Location.Longitude, 5)))
            .Select(g => g.MaxBy(c => c.Confidence)!)
            .OrderByDescending(c => c.Confidence)
            .ThenBy(c => c.MatchType)
            .Take(Math.Clamp(limit, 1, 50))
            .Select(c => c.StreetTown is null && StreetAt(c.Location) is { } st ? c with { StreetTown = st.Slug } : c)
            .ToList();
    }

    private void MatchStations(ParsedAddress parsed, List<GeocodeCandidate> candidates)
    {
        var q = parsed.Language == "en" ? EnglishKeyOf(parsed.Normalized) ?? "" : parsed.Normalized;
        if (q.Length < 2) return;
        foreach (var (key, s) in _stationKeys)
        {
            var exact = key == q;
            if (!exact && !key.Contains(q, StringComparison.Ordinal) && !(q.Contains(key, StringComparison.Ordinal) && key.Length >= 4)) continue;
            var type = s.LocationTier switch
            {
                LocationTier.Surveyed => GeocodeMatchType.ExactPoint,
                LocationTier.Interpolated => GeocodeMatchType.InterpolatedNumber,
                LocationTier.Approximate => GeocodeMatchType.Road,
                _ => GeocodeMatchType.StreetTown,
            };
            var confidence = (exact ? 0.95 : 0.75) * (s.IsApproximate ? 0.7 : 1.0);
            candidates.Add(new GeocodeCandidate(s.NameZh, s.NameEn, s.Location!.Value, type, confidence, "station",
                StreetTown: s.Street, District: "静安区", StationId: s.Id));
        }
    }

    /// <summary>
    /// A committee not placed yet is found by its name, and answered — honestly — with its street/town's point
    /// (match type street-town); once placed it is a station like the others, with its own point.
    /// </summary>
    private void MatchCommittees(ParsedAddress parsed, List<GeocodeCandidate> candidates)
    {
        var q = CommitteeStem(parsed.Language == "en" ? EnglishKeyOf(parsed.Normalized) ?? "" : parsed.Normalized);
        if (q.Length < 2) return;
        foreach (var (key, committee) in _committeeKeys)
        {
            var exact = key == q;
            // The name begins with what was typed (联宝 → 联宝里), or the query holds the whole name (江宁路联宝里) — not a
            // two-character name inside a longer address (北京 in 北京西路).
            if (!exact && !key.StartsWith(q, StringComparison.Ordinal) && !(key.Length >= 3 && q.Contains(key, StringComparison.Ordinal))) continue;
            var st = committee.StreetTown!;
            if (StreetTownPoint(st) is not { } point) continue;
            candidates.Add(new GeocodeCandidate($"{committee.NameZh} · {st.NameZh}", $"{committee.NameEn} · {st.NameEn}", point,
                GeocodeMatchType.StreetTown, exact ? 0.6 : 0.5, "committee", StreetTown: st.Slug, District: "静安区"));
        }
    }

    private GeoPoint? StreetTownPoint(StreetTown st)
    {
        var area = _data.Streets.FirstOrDefault(a => a.Name == st.NameZh);
        return area is not null ? InteriorPoint(area.Geometry)
            : _data.Stations.FirstOrDefault(s => s.Street == st.Slug && s.Type == StationType.JudicialOffice)?.Location;
    }

    private void MatchStreetTown(ParsedAddress parsed, List<GeocodeCandidate> candidates)
    {
        foreach (var st in Stations.StreetTown.All)
        {
            var bare = st.NameZh.Replace("街道", "").Replace("镇", "");
            var named = parsed.StreetTown == bare || parsed.Normalized.Contains(st.NameZh, StringComparison.Ordinal)
                || (parsed.Language == "en" && EnglishKeyOf(parsed.Normalized) is { } q && q.Contains(EnglishKeyOf(st.NameEn)!, StringComparison.Ordinal))
                || parsed.Normalized == bare;
            if (!named) continue;
            if (StreetTownPoint(st) is { } point)
            {
                candidates.Add(new GeocodeCandidate(st.NameZh, st.NameEn, point, GeocodeMatchType.StreetTown, 0.6, "street-town",
                    StreetTown: st.Slug, District: "静安区"));
            }
        }
    }

    private RoadEntry? ResolveRoad(string? name, string language)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        if (language == "en")
        {
            var ek = EnglishRoadNames.Key(name);
            return ek is not null && _roadsEnglish.TryGetValue(ek, out var en) ? en : null;
        }
        var key = RoadKey(AddressNormalizer.Normalize(name));
        if (_roads.TryGetValue(key, out var exact)) return exact;
        // 西路/西 and 路 omitted: 南京西 → 南京西路.
        if (_roads.TryGetValue(key + "路", out var withLu)) return withLu;
        // One typo in a name of three or more characters.
        if (key.Length >= 3)
        {
            var best = _roads.Values.Where(r => Math.Abs(r.Key.Length - key.Length) <= 1)
                .Select(r => (Road: r, Distance: EditDistance(r.Key, key)))
                .Where(t => t.Distance == 1)
                .OrderBy(t => t.Road.Key.Length)
                .FirstOrDefault();
            return best.Road;
        }
        return null;
    }

    private void AddRoadCandidates(RoadEntry road, ParsedAddress parsed, List<GeocodeCandidate> candidates,
        string? label, string? labelEn = null, double confidenceFactor = 1.0)
    {
        var fuzzy = road.Key != RoadKey(AddressNormalizer.Normalize(parsed.Road ?? road.Road.Name)) && parsed.Language == "zh" ? 0.85 : 1.0;
        var f = fuzzy * confidenceFactor;
        var roadLabel = road.Road.Name;
        if (parsed.CrossRoad is { } crossName && ResolveRoad(crossName, parsed.Language) is { } cross && cross != road)
        {
            if (Intersection(road, cross) is { } meet)
            {
                candidates.Add(new GeocodeCandidate($"{road.Road.Name}{cross.Road.Name}路口", Pair(road.English, cross.English), meet,
                    GeocodeMatchType.Intersection, 0.9 * f, "road", Road: road.Road.Name, District: "静安区"));
            }
        }
        // Lane addresses are numbered on the road by their lane number (南京西路1025弄 stands at about No. 1025).
        var numberText = parsed.Lane ?? parsed.Number;
        if (numberText is not null && LeadingNumber(numberText) is { } n)
        {
            var exact = road.Numbers.FirstOrDefault(k => k.Number == n && k.Text == numberText);
            if (exact.Text is not null)
            {
                candidates.Add(new GeocodeCandidate(label ?? $"{roadLabel}{numberText}{(parsed.Lane is null ? "号" : "弄")}", labelEn ?? road.English,
                    exact.Point, GeocodeMatchType.ExactPoint, 0.95 * f, "address", roadLabel, numberText, District: "静安区"));
                return;
            }
            if (Interpolate(road, n) is { } estimated)
            {
                candidates.Add(new GeocodeCandidate(label ?? $"{roadLabel}{numberText}{(parsed.Lane is null ? "号" : "弄")}", labelEn ?? road.English,
                    estimated, GeocodeMatchType.InterpolatedNumber, 0.8 * f, "address", roadLabel, numberText, District: "静安区"));
                return;
            }
        }
        var middle = RoadPoint(road, parsed.StreetTown);
        candidates.Add(new GeocodeCandidate(label ?? roadLabel, labelEn ?? road.English, middle, GeocodeMatchType.Road,
            (numberText is null ? 0.7 : 0.55) * f, "road", roadLabel, numberText, District: "静安区"));
    }

    private static string? Pair(string? a, string? b) => a is not null && b is not null ? $"{a} & {b}" : null;

    /// <summary>Linear interpolation between the nearest known numbers of the same parity, snapped onto the road.</summary>
    private GeoPoint? Interpolate(RoadEntry road, int n)
    {
        var side = road.Numbers.Where(k => k.Number % 2 == n % 2).OrderBy(k => k.Number).ToList();
        if (side.Count < 2) return null;
        var below = side.LastOrDefault(k => k.Number < n);
        var above = side.FirstOrDefault(k => k.Number > n);
        if (below.Text is null) (below, above) = (side[0], side[1]);
        else if (above.Text is null) (below, above) = (side[^2], side[^1]);
        if (above.Number == below.Number) return null;
        var t = (double)(n - below.Number) / (above.Number - below.Number);
        if (t < -0.5 || t > 1.5) return null; // too far beyond the known numbers
        var (x1, y1) = _projection.Project(below.Point);
        var (x2, y2) = _projection.Project(above.Point);
        var (x, y) = (x1 + t * (x2 - x1), y1 + t * (y2 - y1));
        return NearestOnRoad(road, x, y) ?? _projection.Unproject(x, y);
    }

    private GeoPoint? NearestOnRoad(RoadEntry road, double x, double y)
    {
        (double D, double X, double Y) best = (double.MaxValue, 0, 0);
        foreach (var line in road.Road.Lines)
        {
            for (var i = 1; i < line.Count; i++)
            {
                var (x1, y1) = _projection.Project(line[i - 1]);
                var (x2, y2) = _projection.Project(line[i]);
                var (px, py, d) = Closest(x, y, x1, y1, x2, y2);
                if (d < best.D) best = (d, px, py);
            }
        }
        return best.D < double.MaxValue ? _projection.Unproject(best.X, best.Y) : null;
    }

    /// <summary>The vertex nearest to the middle of the road (or of its part in the named street/town).</summary>
    private GeoPoint RoadPoint(RoadEntry road, string? streetTown)
    {
        var points = road.Road.Lines.SelectMany(l => l).ToList();
        var area = streetTown is null ? null : _data.Streets.FirstOrDefault(a => a.Name.StartsWith(streetTown, StringComparison.Ordinal))?.Geometry;
        if (area is not null)
        {
            var inside = points.Where(p => area.Contains(Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude)))).ToList();
            if (inside.Count > 0) points = inside;
        }
        var centre = new GeoPoint(points.Average(p => p.Latitude), points.Average(p => p.Longitude));
        return points.MinBy(p => p.DistanceTo(centre));
    }

    /// <summary>Where two roads meet: the closest approach of their lines, if within 40 m.</summary>
    private GeoPoint? Intersection(RoadEntry a, RoadEntry b)
    {
        (double D, double X, double Y) best = (double.MaxValue, 0, 0);
        foreach (var la in a.Road.Lines)
        foreach (var pa in la)
        {
            var (x, y) = _projection.Project(pa);
            foreach (var lb in b.Road.Lines)
            {
                for (var i = 1; i < lb.Count; i++)
                {
                    var (x1, y1) = _projection.Project(lb[i - 1]);
                    var (x2, y2) = _projection.Project(lb[i]);
                    var (px, py, d) = Closest(x, y, x1, y1, x2, y2);
                    if (d < best.D) best = (d, (x + px) / 2, (y + py) / 2);
                }
            }
        }
        return best.D <= 40 ? _projection.Unproject(best.X, best.Y) : null;
    }
}
