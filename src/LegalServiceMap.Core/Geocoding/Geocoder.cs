using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>
/// Offline geocoder for Jing'an: stations, landmarks, named roads and address points from an OSM import, street/town
/// and district polygons. Ranked candidates with a match type and confidence; house numbers interpolated between known
/// numbers of the same parity (odd and even sides); intersections from road geometry; fuzzy road names (one typo,
/// 路 omitted, traditional characters). Reverse geocoding from the same data. Immutable; thread-safe. The index is built here; forward
/// geocoding (text to places) is in Geocoder.Forward.cs, reverse (a point to what is there) in Geocoder.Reverse.cs.
/// </summary>
public sealed partial class Geocoder
{
    private sealed class RoadEntry(Road road, string? english)
    {
        public Road Road { get; } = road;
        public string Key { get; } = RoadKey(road.Name);
        public string? English { get; } = english ?? road.NameEn;
        public string? EnglishKey { get; } = EnglishRoadNames.Key(english ?? road.NameEn);
        public List<(int Number, GeoPoint Point, string Text)> Numbers { get; } = [];
    }

    private sealed record Segment(RoadEntry Road, double X1, double Y1, double X2, double Y2);

    private readonly GazetteerData _data;
    private readonly Dictionary<string, RoadEntry> _roads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoadEntry> _roadsEnglish = new(StringComparer.Ordinal);
    private readonly STRtree<Segment> _segments = new();
    private readonly List<(string Key, Station Station)> _stationKeys;
    private readonly LocalProjection _projection = LocalProjection.Shanghai;
    private static readonly GeometryFactory Factory = new();

    public Geocoder(GazetteerData data)
    {
        _data = data;
        foreach (var road in data.Roads.Roads)
        {
            var entry = new RoadEntry(road, data.EnglishRoadName(road.Name));
            if (entry.Key.Length == 0 || !_roads.TryAdd(entry.Key, entry)) continue;
            if (entry.EnglishKey is { Length: > 0 } ek) _roadsEnglish.TryAdd(ek, entry);
            foreach (var line in road.Lines)
            {
                for (var i = 1; i < line.Count; i++)
                {
                    var (x1, y1) = _projection.Project(line[i - 1]);
                    var (x2, y2) = _projection.Project(line[i]);
                    _segments.Insert(new Envelope(x1, x2, y1, y2), new Segment(entry, x1, y1, x2, y2));
                }
            }
        }
        _segments.Build();
        foreach (var a in data.Roads.Addresses)
        {
            if (_roads.TryGetValue(RoadKey(AddressNormalizer.Normalize(a.Street)), out var entry) && LeadingNumber(a.HouseNumber) is { } n)
            {
                entry.Numbers.Add((n, a.Location, a.HouseNumber));
            }
        }
        _stationKeys = data.Stations.Where(s => s.Location is not null)
            .SelectMany(s => new[] { (AddressNormalizer.Normalize(s.NameZh), s), (EnglishKeyOf(s.NameEn) ?? "", s) })
            .Where(k => k.Item1.Length >= 2)
            .ToList();
        // Residents' committees not placed yet: where people say they live (联宝里), known only as part of their street/town.
        _committeeKeys = data.Stations.Where(s => s.Type == StationType.ResidentsCommittee && s.Location is null && s.StreetTown is not null)
            .SelectMany(s => new[] { (CommitteeStem(AddressNormalizer.Normalize(s.NameZh)), s), (CommitteeStem(EnglishKeyOf(s.NameEn) ?? ""), s) })
            .Where(k => k.Item1.Length >= 2)
            .ToList();
    }

    private readonly List<(string Key, Station Committee)> _committeeKeys;

    private static readonly string[] CommitteeWords = ["社区居委会", "居委会", "村委会", "residentscommittee", "villagerscommittee"];

    private static string CommitteeStem(string key) =>
        CommitteeWords.FirstOrDefault(w => key.EndsWith(w, StringComparison.Ordinal)) is { } w ? key[..^w.Length] : key;

    public int RoadCount => _roads.Count;

    private static GeoPoint InteriorPoint(Geometry g)
    {
        var p = g.InteriorPoint;
        return new GeoPoint(p.Y, p.X);
    }

    /// <summary>The road name as matched: normalized; 路 kept (南京西路 and 南京西 differ, see the fallbacks).</summary>
    public static string RoadKey(string normalizedName) => normalizedName.Trim();

    /// <summary>Lower-case letters and digits only, in order: "Jing'an Notary Office" → "jingannotaryoffice".</summary>
    public static string? EnglishKeyOf(string? english)
    {
        if (string.IsNullOrWhiteSpace(english)) return null;
        var key = new string(english.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return key.Length == 0 ? null : key;
    }

    private static int? LeadingNumber(string text)
    {
        var digits = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and <= 6 ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
