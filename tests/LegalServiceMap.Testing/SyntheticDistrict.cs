using System.Globalization;
using System.Xml;

namespace LegalServiceMap.Testing;

/// <summary>
/// A synthetic district the size and density of central Shanghai (about 7.2 × 5.2 km, like Jing'an's 37 km²), written
/// as OSM XML so it goes through the real importer: streets 55–115 m apart with main roads among them, jittered and
/// bowed (shape points every ~12 m, as OSM draws curves), stretches missing (dead ends, irregular blocks), footpaths
/// across some blocks, one-way tags walkers ignore, a meandering river crossed only by six bridges, and elevated roads
/// (motorway, no sidewalk) above two main roads, which walkers cannot use. Deterministic for a seed. Used by the
/// benchmarks, the accuracy tests and the load script (LegalServiceMap.Load district-osm).
/// </summary>
public static class SyntheticDistrict
{
    /// <summary>Where the generator put what walkers must respect: the bridges (east of each bridge street, in metres)
    /// and the elevated roads (their points, in metres).</summary>
    public sealed record Layout(IReadOnlyList<double> BridgeEasts, IReadOnlyList<(double East, double North)> MotorwayPoints);

    public const double WidthMetres = 7_200, HeightMetres = 5_200;
    private const double OriginLat = 31.205, OriginLng = 121.415;
    private const double MetresPerDegreeLat = 111_320, MetresPerDegreeLng = 111_320 * 0.8549; // cos 31.23°

    /// <summary>A point of the district in local metres (east, north of its south-west corner) as WGS-84.</summary>
    public static (double Lat, double Lng) ToWgs84(double east, double north) =>
        (OriginLat + north / MetresPerDegreeLat, OriginLng + east / MetresPerDegreeLng);

    /// <summary>The river's centre line (north of the south edge, in metres) at <paramref name="east"/>.</summary>
    public static double RiverNorth(double east) => 2_300 + 180 * Math.Sin(east / 900) + 60 * Math.Sin(east / 230);

    public static Layout Write(Stream output, int seed = 20261207)
    {
        var random = new Random(seed);
        var writer = new Writer(output);

        // Street lines: north–south (x) and east–west (y), 55–115 m apart; main roads among them every 4–5 lines.
        var xs = Lines(random, WidthMetres, 55, 115);
        var ys = Lines(random, HeightMetres, 55, 115);
        var mainX = Mains(random, xs.Count);
        var mainY = Mains(random, ys.Count);
        var bridges = Enumerable.Range(1, 6).Select(k => k * xs.Count / 7).ToHashSet();
        // Where street i meets street j (both streets pass through it, so they share the node).
        (double X, double Y) Crossing(int i, int j) => (xs[i] + Wobble(xs[i], ys[j]), ys[j] + Wobble(ys[j], xs[i]));
        bool Wet((double X, double Y) p) => Math.Abs(p.Y - RiverNorth(p.X)) < 40;
        bool Across((double X, double Y) a, (double X, double Y) b) => Math.Sign(a.Y - RiverNorth(a.X)) != Math.Sign(b.Y - RiverNorth(b.X));

        // North–south streets, one way per stretch between crossings: none across the river but the six bridges; a lane
        // in eight misses one stretch (two dead ends).
        for (var i = 0; i < xs.Count; i++)
        {
            for (var j = 0; j + 1 < ys.Count; j++)
            {
                var (a, b) = (Crossing(i, j), Crossing(i, j + 1));
                var bridge = bridges.Contains(i) && (Across(a, b) || Wet(a) || Wet(b));
                if (!bridge && (Across(a, b) || Wet(a) || Wet(b))) continue;
                if (!mainX.Contains(i) && !bridge && random.NextDouble() < 0.125) continue;
                writer.Way(Bent(a, b, 4 * Math.Sin(i + j)), Tags(random, mainX.Contains(i), bridge));
            }
        }
        // East–west streets, the same way (the river runs east–west: they only stop where it bends through them).
        for (var j = 0; j < ys.Count; j++)
        {
            for (var i = 0; i + 1 < xs.Count; i++)
            {
                var (a, b) = (Crossing(i, j), Crossing(i + 1, j));
                if (Across(a, b) || Wet(a) || Wet(b)) continue;
                if (!mainY.Contains(j) && random.NextDouble() < 0.125) continue;
                writer.Way(Bent(a, b, 4 * Math.Cos(i - j)), Tags(random, mainY.Contains(j), false));
            }
        }
        // Footpaths across one block in six, corner to corner.
        for (var i = 0; i + 1 < xs.Count; i++)
        {
            for (var j = 0; j + 1 < ys.Count; j++)
            {
                var (a, b) = (Crossing(i, j), Crossing(i + 1, j + 1));
                if (random.NextDouble() > 1 / 6.0 || Across(a, b) || Wet(a) || Wet(b)) continue;
                writer.Way(Bent(a, b, 10), [("highway", "footway")]);
            }
        }
        // Elevated roads above two main roads: motorways without sidewalks, on their own nodes (walkers can never use them).
        var motorways = new List<(double, double)>();
        foreach (var j in mainY.Take(2))
        {
            var points = Enumerable.Range(0, (int)(WidthMetres / 25)).Select(k => (k * 25.0 + 0.5, ys[j] + 12.5)).ToList();
            motorways.AddRange(points);
            writer.Way(points, [("highway", "motorway"), ("layer", "1"), ("bridge", "yes"), ("oneway", "yes")]);
        }
        // The river itself (not a way anyone walks).
        writer.Way(Enumerable.Range(0, 145).Select(k => (k * 50.0 + 0.5, RiverNorth(k * 50.0) + 0.5)).ToList(), [("waterway", "river")]);
        writer.Finish();
        return new Layout(bridges.Order().Select(i => xs[i]).ToList(), motorways);
    }

    private static List<double> Lines(Random random, double extent, double minGap, double maxGap)
    {
        var lines = new List<double>();
        for (var at = 20.0; at < extent - 20; at += minGap + (maxGap - minGap) * random.NextDouble()) lines.Add(at);
        return lines;
    }

    /// <summary>Every fifth to seventh line is a main road (about 400–600 m apart).</summary>
    private static List<int> Mains(Random random, int lines)
    {
        var mains = new List<int>();
        for (var i = random.Next(2, 5); i < lines; i += random.Next(5, 8)) mains.Add(i);
        return mains;
    }

    /// <summary>A street's sideways drift: a few metres, smooth along it.</summary>
    private static double Wobble(double line, double along) => 6 * Math.Sin(along / 170 + line) + 3 * Math.Sin(along / 47 + 2 * line);

    /// <summary>Points every ~12 m from <paramref name="a"/> to <paramref name="b"/>, bowed sideways by up to
    /// <paramref name="bow"/> metres in the middle (OSM draws curves as many short segments).</summary>
    private static List<(double X, double Y)> Bent((double X, double Y) a, (double X, double Y) b, double bow)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = Math.Sqrt(dx * dx + dy * dy);
        var steps = Math.Max(1, (int)Math.Round(length / 12));
        var (nx, ny) = length == 0 ? (0.0, 0.0) : (-dy / length, dx / length);
        return Enumerable.Range(0, steps + 1).Select(k =>
        {
            var t = (double)k / steps;
            var side = bow * Math.Sin(Math.PI * t);
            return (a.X + dx * t + nx * side, a.Y + dy * t + ny * side);
        }).ToList();
    }

    private static (string, string)[] Tags(Random random, bool main, bool bridge)
    {
        var tags = new List<(string, string)> { ("highway", main ? (random.NextDouble() < 0.5 ? "primary" : "secondary") : (random.NextDouble() < 0.8 ? "residential" : "service")) };
        if (random.NextDouble() < 0.2) tags.Add(("oneway", "yes")); // walkers ignore it
        if (bridge) tags.Add(("bridge", "yes"));
        return [.. tags];
    }

    /// <summary>Writes OSM XML: one node per distinct point (shared where ways cross at the same metre), then the ways.</summary>
    private sealed class Writer
    {
        private readonly XmlWriter _xml;
        private readonly Dictionary<(long, long), long> _nodes = [];
        private readonly List<(List<long> Nodes, (string, string)[] Tags)> _ways = [];

        public Writer(Stream output)
        {
            _xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = false });
            _xml.WriteStartElement("osm");
            _xml.WriteAttributeString("version", "0.6");
        }

        public void Way(IReadOnlyList<(double X, double Y)> points, (string, string)[] tags)
        {
            var ids = new List<long>();
            foreach (var (x, y) in points)
            {
                var key = ((long)Math.Round(x * 10), (long)Math.Round(y * 10));
                if (!_nodes.TryGetValue(key, out var id))
                {
                    id = _nodes.Count + 1;
                    _nodes[key] = id;
                    var (lat, lng) = ToWgs84(key.Item1 / 10.0, key.Item2 / 10.0);
                    _xml.WriteStartElement("node");
                    _xml.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
                    _xml.WriteAttributeString("lat", lat.ToString("0.0000000", CultureInfo.InvariantCulture));
                    _xml.WriteAttributeString("lon", lng.ToString("0.0000000", CultureInfo.InvariantCulture));
                    _xml.WriteEndElement();
                }
                if (ids.Count == 0 || ids[^1] != id) ids.Add(id);
            }
            if (ids.Count > 1) _ways.Add((ids, tags));
        }

        public void Finish()
        {
            var wayId = 1L;
            foreach (var (nodes, tags) in _ways)
            {
                _xml.WriteStartElement("way");
                _xml.WriteAttributeString("id", (wayId++).ToString(CultureInfo.InvariantCulture));
                foreach (var n in nodes)
                {
                    _xml.WriteStartElement("nd");
                    _xml.WriteAttributeString("ref", n.ToString(CultureInfo.InvariantCulture));
                    _xml.WriteEndElement();
                }
                foreach (var (k, v) in tags)
                {
                    _xml.WriteStartElement("tag");
                    _xml.WriteAttributeString("k", k);
                    _xml.WriteAttributeString("v", v);
                    _xml.WriteEndElement();
                }
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
            _xml.Flush();
        }
    }
}
