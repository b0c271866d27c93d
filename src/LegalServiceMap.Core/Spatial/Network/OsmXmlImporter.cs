using System.Globalization;
using System.Xml;
using LegalServiceMap.Core.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace LegalServiceMap.Core.Spatial.Network;

/// <summary>Counts reported while importing.</summary>
public sealed record OsmImportProgress(long Nodes, long Ways, long WalkableWays, int Edges);

/// <summary>
/// Streams an OpenStreetMap XML file (.osm, as exported by the OSM API, Overpass or OSMnx) into a
/// <see cref="WalkingNetwork"/>, keeping the ways <see cref="OsmWalkability"/> allows. Optionally clips to a
/// WGS-84 polygon (lon/lat degrees): a segment is kept when its midpoint lies inside. Memory grows with the
/// number of nodes in the file (one coordinate pair each).
/// </summary>
public static class OsmXmlImporter
{
    public static WalkingNetwork Import(Stream xml, Geometry? clip = null, IProgress<OsmImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        var nodes = new Dictionary<long, GeoPoint>();
        var builder = new WalkingNetworkBuilder();
        var prepared = clip is null ? null : PreparedGeometryFactory.Prepare(clip);
        var factory = new GeometryFactory();
        long wayCount = 0, walkable = 0;

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
                var id = ParseLong(reader.GetAttribute("id"));
                var lat = ParseDouble(reader.GetAttribute("lat"));
                var lon = ParseDouble(reader.GetAttribute("lon"));
                if (id is { } nodeId && lat is { } la && lon is { } lo)
                {
                    nodes[nodeId] = new GeoPoint(la, lo);
                }
                if (nodes.Count % 200_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new OsmImportProgress(nodes.Count, wayCount, walkable, builder.EdgeCount));
                }
            }
            else if (reader.Name == "way")
            {
                wayCount++;
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
                if (!OsmWalkability.IsWalkable(tags))
                {
                    continue;
                }
                walkable++;
                for (var i = 1; i < refs.Count; i++)
                {
                    if (!nodes.TryGetValue(refs[i - 1], out var a) || !nodes.TryGetValue(refs[i], out var b))
                    {
                        continue;
                    }
                    if (prepared is not null)
                    {
                        var mid = factory.CreatePoint(new Coordinate((a.Longitude + b.Longitude) / 2, (a.Latitude + b.Latitude) / 2));
                        if (!prepared.Contains(mid)) continue;
                    }
                    builder.AddSegment(refs[i - 1], a, refs[i], b);
                }
                if (wayCount % 20_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new OsmImportProgress(nodes.Count, wayCount, walkable, builder.EdgeCount));
                }
            }
        }
        progress?.Report(new OsmImportProgress(nodes.Count, wayCount, walkable, builder.EdgeCount));
        return builder.Build();
    }

    private static long? ParseLong(string? s) =>
        long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? ParseDouble(string? s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
