using System.Globalization;
using System.Xml;
using LegalServiceMap.Core.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using OsmSharp.Streams;

namespace LegalServiceMap.Core.Spatial.Network;

/// <summary>Counts reported while importing.</summary>
public sealed record OsmImportProgress(long Nodes, long Ways, long WalkableWays, int Edges);

public enum OsmFormat { Xml, Pbf }

/// <summary>What an OSM import yields: the walking network and, for the geocoder, the named roads and address points.</summary>
public sealed record OsmImport(WalkingNetwork Network, Geocoding.RoadSet Roads);

/// <summary>
/// Turns OpenStreetMap data into a <see cref="WalkingNetwork"/>, keeping the ways <see cref="OsmWalkability"/>
/// allows. Reads OSM XML (.osm: OSM API, Overpass, OSMnx exports) with a streaming reader, and PBF (.osm.pbf) through
/// OsmSharp. Optionally clips to a WGS-84 polygon (x = longitude, y = latitude): a segment is kept when its midpoint
/// lies inside. Nodes must come before the ways that use them, as in every OSM export. Memory grows with the number
/// of nodes in the file (one coordinate pair each).
/// </summary>
public static class OsmImporter
{
    public static OsmFormat FormatOf(string path) =>
        path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase) ? OsmFormat.Pbf : OsmFormat.Xml;

    public static WalkingNetwork Import(Stream stream, OsmFormat format, Geometry? clip = null,
        IProgress<OsmImportProgress>? progress = null, CancellationToken ct = default) =>
        ImportAll(stream, format, clip, progress, ct).Network;

    /// <summary>Imports the walking network and the named roads and address points in one pass.</summary>
    public static OsmImport ImportAll(Stream stream, OsmFormat format, Geometry? clip = null,
        IProgress<OsmImportProgress>? progress = null, CancellationToken ct = default)
    {
        var collector = new Collector(clip, progress, ct);
        if (format == OsmFormat.Pbf)
        {
            ReadPbf(stream, collector);
        }
        else
        {
            ReadXml(stream, collector);
        }
        return new OsmImport(collector.Build(), collector.BuildRoads());
    }

    private static void ReadPbf(Stream stream, Collector collector)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var geo in new PBFOsmStreamSource(stream))
        {
            switch (geo)
            {
                case OsmSharp.Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node:
                    collector.AddNode(id, lat, lon);
                    if (node.Tags is { Count: > 0 } nodeTags)
                    {
                        tags.Clear();
                        foreach (var t in nodeTags) tags[t.Key] = t.Value;
                        collector.AddNodeTags(id, tags);
                    }
                    break;
                case OsmSharp.Way { Nodes: { } refs } way:
                    tags.Clear();
                    if (way.Tags is not null)
                    {
                        foreach (var t in way.Tags) tags[t.Key] = t.Value;
                    }
                    collector.AddWay(refs, tags);
                    break;
            }
        }
    }

    private static void ReadXml(Stream xml, Collector collector)
    {
        var settings = new XmlReaderSettings { IgnoreComments = true, IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(xml, settings);
        var refs = new List<long>();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.Name == "node")
            {
                var nodeId = ParseLong(reader.GetAttribute("id"));
                if (nodeId is { } id && ParseDouble(reader.GetAttribute("lat")) is { } lat && ParseDouble(reader.GetAttribute("lon")) is { } lon)
                {
                    collector.AddNode(id, lat, lon);
                }
                if (!reader.IsEmptyElement && nodeId is { } taggedId)
                {
                    tags.Clear();
                    var depth = reader.Depth;
                    while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.Name == "tag" && reader.GetAttribute("k") is { } k) tags[k] = reader.GetAttribute("v") ?? "";
                    }
                    if (tags.Count > 0) collector.AddNodeTags(taggedId, tags);
                }
            }
            else if (reader.Name == "way")
            {
                refs.Clear();
                tags.Clear();
                if (!reader.IsEmptyElement)
                {
                    var depth = reader.Depth;
                    while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                    {
                        if (reader.NodeType != XmlNodeType.Element) continue;
                        if (reader.Name == "nd" && ParseLong(reader.GetAttribute("ref")) is { } r) refs.Add(r);
                        else if (reader.Name == "tag" && reader.GetAttribute("k") is { } k) tags[k] = reader.GetAttribute("v") ?? "";
                    }
                }
                collector.AddWay(refs, tags);
            }
        }
    }

    private static long? ParseLong(string? s) =>
        long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? ParseDouble(string? s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    /// <summary>Keeps node coordinates and turns walkable ways into network segments.</summary>
    private sealed class Collector(Geometry? clip, IProgress<OsmImportProgress>? progress, CancellationToken ct)
    {
        private readonly Dictionary<long, GeoPoint> _nodes = [];
        private readonly WalkingNetworkBuilder _builder = new();
        private readonly IPreparedGeometry? _clip = clip is null ? null : PreparedGeometryFactory.Prepare(clip);
        private readonly GeometryFactory _factory = new();
        private long _ways, _walkable;
        private readonly Dictionary<string, (string? En, List<IReadOnlyList<GeoPoint>> Lines)> _roads = new(StringComparer.Ordinal);
        private readonly List<Geocoding.AddressPoint> _addresses = [];

        public void AddNodeTags(long id, IReadOnlyDictionary<string, string> tags)
        {
            if (tags.TryGetValue("addr:street", out var street) && tags.TryGetValue("addr:housenumber", out var number)
                && _nodes.TryGetValue(id, out var p) && Inside(p))
            {
                _addresses.Add(new Geocoding.AddressPoint(street.Trim(), number.Trim(), p));
            }
        }

        private bool Inside(GeoPoint p) => _clip is null || _clip.Contains(_factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude)));

        private void CollectRoadAndAddress(IReadOnlyList<long> refs, IReadOnlyDictionary<string, string> tags)
        {
            var points = refs.Where(_nodes.ContainsKey).Select(r => _nodes[r]).ToList();
            if (points.Count == 0) return;
            if (tags.ContainsKey("highway") && tags.TryGetValue("name", out var name) && !string.IsNullOrWhiteSpace(name) && points.Count >= 2
                && points.Any(Inside))
            {
                if (!_roads.TryGetValue(name, out var road))
                {
                    road = (tags.TryGetValue("name:en", out var en) ? en : null, []);
                    _roads[name] = road;
                }
                road.Lines.Add(points);
            }
            // Buildings and other ways with an address: the centre of their nodes.
            if (tags.TryGetValue("addr:street", out var street) && tags.TryGetValue("addr:housenumber", out var number))
            {
                var centre = new GeoPoint(points.Average(p => p.Latitude), points.Average(p => p.Longitude));
                if (Inside(centre)) _addresses.Add(new Geocoding.AddressPoint(street.Trim(), number.Trim(), centre));
            }
        }

        public Geocoding.RoadSet BuildRoads() =>
            new(_roads.Select(kv => new Geocoding.Road(kv.Key, kv.Value.En, kv.Value.Lines)).ToList(), _addresses);

        public void AddNode(long id, double lat, double lon)
        {
            if (!new GeoPoint(lat, lon).IsValid) return;
            _nodes[id] = new GeoPoint(lat, lon);
            if (_nodes.Count % 200_000 == 0) Report();
        }

        public void AddWay(IReadOnlyList<long> refs, IReadOnlyDictionary<string, string> tags)
        {
            _ways++;
            if (_ways % 20_000 == 0) Report();
            CollectRoadAndAddress(refs, tags);
            if (!OsmWalkability.IsWalkable(tags)) return;
            _walkable++;
            for (var i = 1; i < refs.Count; i++)
            {
                if (!_nodes.TryGetValue(refs[i - 1], out var a) || !_nodes.TryGetValue(refs[i], out var b)) continue;
                if (_clip is not null)
                {
                    var mid = _factory.CreatePoint(new Coordinate((a.Longitude + b.Longitude) / 2, (a.Latitude + b.Latitude) / 2));
                    if (!_clip.Contains(mid)) continue;
                }
                _builder.AddSegment(refs[i - 1], a, refs[i], b);
            }
        }

        public WalkingNetwork Build()
        {
            Report();
            return _builder.Build();
        }

        private void Report()
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new OsmImportProgress(_nodes.Count, _ways, _walkable, _builder.EdgeCount));
        }
    }
}
