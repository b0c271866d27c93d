using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Testing;

namespace LegalServiceMap.Core.Tests.Spatial;

/// <summary>
/// Walking areas on the district-size synthetic network (the benchmarks' district, through the real importer) keep to
/// what walkers can use: the river is crossed only at its bridges, the elevated motorways are not in the network at all,
/// and a 15-minute area (simplified as configured) is well under 4 KB compressed.
/// </summary>
public sealed class DistrictAccuracyTests
{
    private static readonly Lazy<(WalkingNetwork Network, SyntheticDistrict.Layout Layout)> District = new(() =>
    {
        using var xml = new MemoryStream();
        var layout = SyntheticDistrict.Write(xml);
        xml.Position = 0;
        return (OsmImporter.Import(xml, OsmFormat.Xml), layout);
    });

    private static GeoPoint At(double east, double north)
    {
        var (lat, lng) = SyntheticDistrict.ToWgs84(east, north);
        return new GeoPoint(lat, lng);
    }

    private static double Metres((double E, double N) a, (double E, double N) b) => Math.Sqrt((a.E - b.E) * (a.E - b.E) + (a.N - b.N) * (a.N - b.N));

    [Fact]
    public void TheRiver_IsCrossedOnlyAtItsBridges()
    {
        var (network, layout) = District.Value;
        Assert.Equal(6, layout.BridgeEasts.Count);
        var engine = new NetworkIsochroneEngine(network, new IsochroneOptions());
        // Places every 60 m in a band north of the river; origins south of it, between bridges and near them.
        var north = new List<(double E, double N)>();
        for (var e = 100.0; e < SyntheticDistrict.WidthMetres - 100; e += 60)
            for (var d = 80.0; d <= 700; d += 60) north.Add((e, SyntheticDistrict.RiverNorth(e) + d));
        var places = engine.Place(new StationCatalog(north.Select((p, i) =>
        {
            var g = At(p.E, p.N);
            return new Station { Id = $"n{i}", NameZh = "北", NameEn = "n", Type = StationType.ServiceCentre, Latitude = g.Latitude, Longitude = g.Longitude };
        })));
        var random = new Random(7);
        var crossed = 0;
        var keptOut = 0;
        for (var k = 0; k < 24; k++)
        {
            var e = 300 + random.NextDouble() * (SyntheticDistrict.WidthMetres - 600);
            var origin = (E: e, N: SyntheticDistrict.RiverNorth(e) - 70 - random.NextDouble() * 200);
            var walk = engine.Compute(new IsochroneRequest(At(origin.E, origin.N), 15, 5), places).Value;
            if (walk is null) continue;
            var reached = walk.Stations.ToDictionary(r => r.Station.Id, r => r.WalkMetres);
            for (var i = 0; i < north.Count; i++)
            {
                // No way to a place across the water is shorter than the straight lines through a bridge (less the river's
                // width and a street's wobble on either side).
                var viaBridge = layout.BridgeEasts.Min(b => Metres(origin, (b, SyntheticDistrict.RiverNorth(b))) + Metres((b, SyntheticDistrict.RiverNorth(b)), north[i])) - 100;
                if (reached.TryGetValue($"n{i}", out var metres))
                {
                    Assert.True(metres >= viaBridge, $"from {origin} to {north[i]}: {metres:0} m, but no bridge allows less than {viaBridge:0} m");
                    crossed++;
                }
                else if (Metres(origin, north[i]) < 900 && viaBridge > 1_400) keptOut++;
            }
        }
        Assert.True(crossed > 0, "some walks reach across a bridge");
        Assert.True(keptOut > 0, "some places close across the water are out of reach because there is no bridge there");
    }

    [Fact]
    public void TheElevatedMotorways_AreNotWalkable()
    {
        var (network, layout) = District.Value;
        var lines = layout.MotorwayPoints.Select(p => p.North).Distinct().ToList();
        Assert.Equal(2, lines.Count);
        var (south, west) = SyntheticDistrict.ToWgs84(0, 0);
        var (north1, east1) = SyntheticDistrict.ToWgs84(1, 1);
        (double E, double N) Local(int n) => ((network.Longitudes[n] - west) / (east1 - west), (network.Latitudes[n] - south) / (north1 - south));
        // No edge runs along a motorway (both ends on its line; the roads below are at least 3.5 m off it). Streets
        // crossing under it do have nodes near the line: those edges cross it, they do not follow it.
        var along = 0;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var (a, b) = (Local(network.EdgeFrom[e]), Local(network.EdgeTo[e]));
            if (lines.Any(y => Math.Abs(a.N - y) < 1.5 && Math.Abs(b.N - y) < 1.5 && Math.Abs(a.E - b.E) > 5)) along++;
        }
        Assert.Equal(0, along);
        // And the check would see one: the main roads below, 12.5 m south, are found by the same test.
        var roads = 0;
        for (var e = 0; e < network.EdgeCount; e++)
        {
            var (a, b) = (Local(network.EdgeFrom[e]), Local(network.EdgeTo[e]));
            if (lines.Any(y => Math.Abs(a.N - (y - 12.5)) < 10 && Math.Abs(b.N - (y - 12.5)) < 10 && Math.Abs(a.E - b.E) > 5)) roads++;
        }
        Assert.True(roads > 100, $"{roads} edges of the roads below");
    }

    [Fact]
    public void AFifteenMinuteWalksArea_IsUnder4KBCompressed()
    {
        var (network, _) = District.Value;
        var engine = new NetworkIsochroneEngine(network, new IsochroneOptions());
        var random = new Random(11);
        var sizes = new List<int>();
        var none = engine.Place(StationCatalog.Empty);
        for (var k = 0; k < 30; k++)
        {
            var walk = engine.Compute(new IsochroneRequest(At(200 + random.NextDouble() * 6_800, 200 + random.NextDouble() * 4_800), 15, 5), none).Value;
            if (walk is null) continue;
            var json = GeoJson.Serialize(new GeoFeature(walk.Area, new { kind = "area" }));
            using var compressed = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
            sizes.Add((int)compressed.Length);
        }
        Assert.True(sizes.Count >= 25);
        // A phone downloads the area in one round trip: well under 4 KB compressed (the whole answer is checked over HTTP).
        Assert.True(sizes.Max() <= 4_096, $"largest {sizes.Max()} B");
    }
}
