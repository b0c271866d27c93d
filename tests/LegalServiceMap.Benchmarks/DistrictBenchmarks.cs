using LegalServiceMap.Testing;
using BenchmarkDotNet.Attributes;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Coverage;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Benchmarks;

/// <summary>
/// Walking areas and coverage on a district-size network (<see cref="SyntheticDistrict"/>, imported through the real
/// OSM importer): the whole answer from distinct origins (no cache), and its stages — snapping, the bounded search,
/// the whole engine (search, outline, stations inside), the GeoJSON — so a figure says where the time goes.
/// <c>dotnet run -c Release --project tests/LegalServiceMap.Benchmarks -- --filter '*DistrictBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class DistrictBenchmarks
{
    /// <summary>The median and the 95th percentile beside the mean (the targets are a median and a p95).</summary>
    private sealed class Percentiles : BenchmarkDotNet.Configs.ManualConfig
    {
        public Percentiles() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.P95);
    }

    private const int Origins = 512;
    private IsochroneOptions _options = new();

    /// <summary>The outline's simplification (Isochrone:SimplifyMetres): 0 = as traced, 20 = the default.</summary>
    [Params(0, 20)]
    public double SimplifyMetres { get; set; } = 20;
    private WalkingNetwork _network = WalkingNetwork.Empty;
    private NetworkIsochroneEngine _engine = default!;
    private NetworkSnapper _snapper = default!;
    private StationCatalog _stations = StationCatalog.Empty;
    private StationPlaces _places = default!;
    private DistrictGrid _district = default!;
    private GeoPoint[] _origins = [];
    private NetworkSnap[] _snaps = [];
    private Isochrone _sample = default!;
    private int _next;

    /// <summary>The generated network: nodes, edges and kilometres (printed once by the setup).</summary>
    public static WalkingNetwork Generate()
    {
        using var xml = new MemoryStream();
        SyntheticDistrict.Write(xml);
        xml.Position = 0;
        return OsmImporter.Import(xml, OsmFormat.Xml);
    }

    [GlobalSetup]
    public void Setup()
    {
        _options = new IsochroneOptions { SimplifyMetres = SimplifyMetres };
        _network = Generate();
        _engine = new NetworkIsochroneEngine(_network, _options);
        _snapper = new NetworkSnapper(_network);
        var random = new Random(31);
        GeoPoint Anywhere()
        {
            var (lat, lng) = SyntheticDistrict.ToWgs84(random.NextDouble() * SyntheticDistrict.WidthMetres, random.NextDouble() * SyntheticDistrict.HeightMetres);
            return new GeoPoint(lat, lng);
        }
        // Sixty stations of four types, as the district has judicial offices, centres, mediation and notaries.
        StationType[] types = [StationType.JudicialOffice, StationType.ServiceCentre, StationType.Mediation, StationType.Notary];
        _stations = new StationCatalog(Enumerable.Range(0, 60).Select(k =>
        {
            var p = Anywhere();
            return new Station { Id = $"s{k}", NameZh = "站", NameEn = "s", Type = types[k % types.Length], Street = "jingansi", Latitude = p.Latitude, Longitude = p.Longitude };
        }));
        _places = _engine.Place(_stations);
        _origins = Enumerable.Range(0, Origins * 2).Select(_ => Anywhere()).Where(p => _snapper.Snap(p, _options.MaxSnapMetres) is not null).Take(Origins).ToArray();
        _snaps = _origins.Select(p => _snapper.Snap(p, _options.MaxSnapMetres)!.Value).ToArray();
        _sample = _engine.Compute(new IsochroneRequest(_origins[0], 15, 5), _places).Value!;

        var f = new GeometryFactory();
        Coordinate C(double e, double n) { var (lat, lng) = SyntheticDistrict.ToWgs84(e, n); return new Coordinate(lng, lat); }
        var (w, h) = (SyntheticDistrict.WidthMetres, SyntheticDistrict.HeightMetres);
        var district = f.CreatePolygon([C(0, 0), C(w, 0), C(w, h), C(0, h), C(0, 0)]);
        _district = new DistrictGrid(district, [new NamedArea("west", f.CreatePolygon([C(0, 0), C(w / 2, 0), C(w / 2, h), C(0, h), C(0, 0)])),
            new NamedArea("east", f.CreatePolygon([C(w / 2, 0), C(w, 0), C(w, h), C(w / 2, h), C(w / 2, 0)]))], 25);
        Console.WriteLine($"// district: {_network.NodeCount:N0} nodes, {_network.EdgeCount:N0} edges, {_network.TotalLengthMetres / 1000:N0} km; {_origins.Length} origins on the network");
    }

    private int Next() => _next = (_next + 1) % _origins.Length;

    [Benchmark(Description = "whole answer: snap, search, outline, stations inside, GeoJSON (distinct origins)")]
    public int WalkingAreaAnswer()
    {
        var iso = _engine.Compute(new IsochroneRequest(_origins[Next()], 15, 5), _places).Value!;
        var features = new List<GeoFeature> { new(iso.Area, new { kind = "area" }) };
        features.AddRange(iso.Stations.Select(s => new GeoFeature(GeoJson.Point(s.Station.Location!.Value), new { kind = "station", id = s.Station.Id, walkMetres = Math.Round(s.WalkMetres) })));
        return GeoJson.Serialize(new GeoFeatureCollection(features)).Length;
    }

    [Benchmark(Description = "stage: snap the origin to the network")]
    public double Snap() => _snapper.Snap(_origins[Next()], _options.MaxSnapMetres)!.Value.OffsetMetres;

    [Benchmark(Description = "stage: bounded search (15 min, both ends of the snapped edge)")]
    public int Search()
    {
        var snap = _snaps[Next()];
        var (from, to) = (_network.EdgeFrom[snap.Edge], _network.EdgeTo[snap.Edge]);
        var length = _network.EdgeLength[snap.Edge];
        var w = ShortestPaths.Rent(_network);
        ShortestPaths.Run(_network, [(from, snap.OffsetMetres + snap.Fraction * length), (to, snap.OffsetMetres + (1 - snap.Fraction) * length)], 1250, w);
        var reached = w.Reached.Count;
        ShortestPaths.Return(_network, w);
        return reached;
    }

    [Benchmark(Description = "stage: the engine without GeoJSON (search, outline, stations inside)")]
    public int Engine() => _engine.Compute(new IsochroneRequest(_origins[Next()], 15, 5), _places).Value!.Area.NumPoints;

    [Benchmark(Description = "stage: GeoJSON of one 15-minute answer")]
    public int Serialize() => GeoJson.Serialize(new GeoFeature(_sample.Area, new { kind = "area" })).Length;

    [Benchmark(Description = "coverage of a type with no station")]
    public double CoverageOfATypeWithoutStations() =>
        new CoverageCalculator(_options).Compute(_district, _network, _stations, StationType.LawFirm, 15, 5).District.Share;

    [Benchmark(Description = "coverage of all four types with stations over the district")]
    public double CoverageAllTypes()
    {
        var calculator = new CoverageCalculator(_options);
        return new[] { StationType.JudicialOffice, StationType.ServiceCentre, StationType.Mediation, StationType.Notary }
            .Sum(t => calculator.Compute(_district, _network, _stations, t, 15, 5).District.Share);
    }
}
