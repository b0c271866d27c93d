using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Tests.Spatial;

public class OsmImportTests
{
    private static WalkingNetwork ImportSmall(Geometry? clip = null)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Spatial", "Fixtures", "small.osm"));
        return OsmImporter.Import(stream, OsmFormat.Xml, clip);
    }

    private static bool HasEdge(WalkingNetwork g, GeoPoint a, GeoPoint b) =>
        Enumerable.Range(0, g.EdgeCount).Any(e =>
        {
            var (p, q) = (g.Node(g.EdgeFrom[e]), g.Node(g.EdgeTo[e]));
            return (p.DistanceTo(a) < 0.1 && q.DistanceTo(b) < 0.1) || (p.DistanceTo(b) < 0.1 && q.DistanceTo(a) < 0.1);
        });

    private static readonly GeoPoint N1 = new(31.2500, 121.4500), N2 = new(31.2500, 121.4510), N3 = new(31.2500, 121.4520),
        N4 = new(31.2509, 121.4500), N5 = new(31.2509, 121.4510), N6 = new(31.2509, 121.4520),
        N7 = new(31.2518, 121.4500), N8 = new(31.2518, 121.4510), N9 = new(31.2518, 121.4520);

    [Fact]
    public void Import_KeepsWalkableWaysAndHonoursFootAndAccess()
    {
        var g = ImportSmall();
        Assert.True(HasEdge(g, N1, N2) && HasEdge(g, N2, N3));    // residential
        Assert.True(HasEdge(g, N4, N5));                          // footway
        Assert.False(HasEdge(g, N7, N8));                         // motorway
        Assert.True(HasEdge(g, N1, N4) && HasEdge(g, N4, N7));    // trunk with a sidewalk
        Assert.False(HasEdge(g, N8, N5));                         // trunk without one
        Assert.False(HasEdge(g, N2, N5));                         // foot=no
        Assert.False(HasEdge(g, N3, N6));                         // access=private
        Assert.True(HasEdge(g, N5, N6));                          // access=private but foot=yes
        Assert.True(HasEdge(g, N6, N9));                          // steps
        Assert.Equal(7, g.EdgeCount);                             // the building and the dangling path add nothing
    }

    [Fact]
    public void Import_ClipPolygon_KeepsOnlySegmentsWhoseMiddleIsInside()
    {
        var f = new GeometryFactory();
        // The southern row only (latitudes below 31.2504).
        var clip = f.CreatePolygon([new(121.449, 31.249), new(121.453, 31.249), new(121.453, 31.2504), new(121.449, 31.2504), new(121.449, 31.249)]);
        var g = ImportSmall(clip);
        Assert.Equal(2, g.EdgeCount);
        Assert.True(HasEdge(g, N1, N2) && HasEdge(g, N2, N3));
    }

    [Fact]
    public void Import_ReportsProgress()
    {
        var reports = new List<OsmImportProgress>();
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Spatial", "Fixtures", "small.osm"));
        OsmImporter.Import(stream, OsmFormat.Xml, progress: new SyncProgress(reports.Add));
        var last = reports[^1];
        Assert.Equal(10, last.Nodes);
        Assert.Equal(11, last.Ways);
        Assert.Equal(7, last.Edges);
    }

    [Fact]
    public void Import_Pbf_GivesTheSameNetworkAsXml()
    {
        // Write the XML fixture as PBF with OsmSharp, then import both.
        using var pbf = new MemoryStream();
        using (var xml = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Spatial", "Fixtures", "small.osm")))
        {
            var target = new OsmSharp.Streams.PBFOsmStreamTarget(pbf);
            target.RegisterSource(new OsmSharp.Streams.XmlOsmStreamSource(xml));
            target.Pull();
            target.Flush();
        }
        pbf.Position = 0;
        var fromPbf = OsmImporter.Import(pbf, OsmFormat.Pbf);
        var fromXml = ImportSmall();
        Assert.Equal(fromXml.EdgeCount, fromPbf.EdgeCount);
        Assert.Equal(fromXml.TotalLengthMetres, fromPbf.TotalLengthMetres, 0.5);
    }

    [Theory]
    [InlineData("district.osm.pbf", OsmFormat.Pbf)]
    [InlineData("extract.osm", OsmFormat.Xml)]
    [InlineData("EXTRACT.PBF", OsmFormat.Pbf)]
    public void FormatOf_UsesTheExtension(string path, OsmFormat expected) => Assert.Equal(expected, OsmImporter.FormatOf(path));

    [Fact]
    public void Import_NotXml_Throws()
    {
        using var stream = new MemoryStream("this is not osm"u8.ToArray());
        Assert.ThrowsAny<System.Xml.XmlException>(() => OsmImporter.Import(stream, OsmFormat.Xml));
    }

    [SkippableFact]
    public void Import_RealExtract_GivesAConnectedWalkableNetworkAndA15MinuteArea()
    {
        RepoPaths.RequireSharedData();
        using var stream = File.OpenRead(Path.Combine(RepoPaths.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm"));
        var g = OsmImporter.Import(stream, OsmFormat.Xml);
        Assert.InRange(g.NodeCount, 1_000, 3_000);
        Assert.InRange(g.TotalLengthMetres, 50_000, 200_000);

        // 15 minutes at 5 km/h from a street near the 中共二大会址 (inside the extract).
        var engine = new NetworkIsochroneEngine(g, new IsochroneOptions());
        var result = engine.Compute(new IsochroneRequest(new GeoPoint(31.2300, 121.4700), 15, 5), engine.Place(StationCatalog.Empty));
        var iso = Assert.IsType<Isochrone>(result.Value);
        Assert.True(iso.Area.IsValid);
        var (x, y) = LocalProjection.Shanghai.Project(new GeoPoint(31.2300, 121.4700));
        var areaKm2 = iso.Area.Area * (Math.PI * GeoPoint.EarthRadiusMetres / 180) * (Math.PI * GeoPoint.EarthRadiusMetres / 180) * Math.Cos(31.23 * Math.PI / 180) / 1e6;
        // A 1,250 m walk covers well under the 4.9 km² of the crow-flies circle on real streets.
        Assert.InRange(areaKm2, 0.3, 4.0);
    }

    [SkippableFact]
    public void TheDrawnOutline_IsSimplifiedToWhatAPhoneShows_WithinItsTolerance_AndTheSameStationsInside()
    {
        RepoPaths.RequireSharedData();
        using var stream = File.OpenRead(Path.Combine(RepoPaths.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm"));
        var g = OsmImporter.Import(stream, OsmFormat.Xml);
        var request = new IsochroneRequest(new GeoPoint(31.2300, 121.4700), 15, 5);
        var stations = new StationCatalog([new Station { Id = "s", NameZh = "站", NameEn = "s", Type = StationType.LegalAid, Street = "nanjingxilu", Latitude = 31.2310, Longitude = 121.4710 }]);
        Isochrone Walk(double tolerance)
        {
            var engine = new NetworkIsochroneEngine(g, new IsochroneOptions { SimplifyMetres = tolerance });
            return engine.Compute(request, engine.Place(stations)).Value!;
        }
        var exact = Walk(0);
        var drawn = Walk(new IsochroneOptions().SimplifyMetres);

        Assert.True(drawn.Area.IsValid);
        Assert.True(drawn.Area.NumPoints < exact.Area.NumPoints * 0.5, $"{drawn.Area.NumPoints} of {exact.Area.NumPoints} vertices kept");
        // Nowhere further from the traced outline than the tolerance (degrees of latitude as metres, as the engine does).
        var distance = NetTopologySuite.Algorithm.Distance.DiscreteHausdorffDistance.Distance(exact.Area, drawn.Area) * 111_320;
        Assert.True(distance <= 20.5, $"{distance:0.0} m"); // one cell: the traced outline is no finer than that
        Assert.InRange(drawn.Area.Area / exact.Area.Area, 0.97, 1.03);
        // Which stations are inside is the network's answer, not the outline's.
        Assert.Equal(exact.Stations.Select(s => s.Station.Id), drawn.Stations.Select(s => s.Station.Id));
    }

    [SkippableFact]
    public void Import_RealExtractClippedToJingan_KeepsOnlyJinganStreets()
    {
        RepoPaths.RequireSharedData();
        var streets = SharedPolygons.Read(Path.Combine(RepoPaths.SharedData, "chenyifei142__openlayers-vue3-demo", "jingan_streets_wgs84.geojson"), "NAME");
        var jingan = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(streets.Values.ToList());
        using var all = File.OpenRead(Path.Combine(RepoPaths.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm"));
        var full = OsmImporter.Import(all, OsmFormat.Xml);
        using var again = File.OpenRead(Path.Combine(RepoPaths.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm"));
        var clipped = OsmImporter.Import(again, OsmFormat.Xml, jingan);
        Assert.InRange(clipped.EdgeCount, 1, full.EdgeCount / 2); // the extract is mostly Huangpu
        var f = new GeometryFactory();
        for (var e = 0; e < clipped.EdgeCount; e++)
        {
            var (a, b) = (clipped.Node(clipped.EdgeFrom[e]), clipped.Node(clipped.EdgeTo[e]));
            Assert.True(jingan.Contains(f.CreatePoint(new Coordinate((a.Longitude + b.Longitude) / 2, (a.Latitude + b.Latitude) / 2))));
        }
    }

    private sealed class SyncProgress(Action<OsmImportProgress> report) : IProgress<OsmImportProgress>
    {
        public void Report(OsmImportProgress value) => report(value);
    }
}
