using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Benchmarks;

/// <summary>Geocoding over the district gazetteer (the real OSM sample's 147 named roads, the 46 seed stations, landmarks). Target: p95 &lt; 5 ms.</summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class GeocodingBenchmarks
{
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }

    private Geocoder _geocoder = default!;

    [Params("南京西路1168号", "成都北路与北京西路交叉口", "West Beijing Road and Changsha Road", "新閘路", "北站街道司法所", "静安区中信泰富广场")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = Shared.RepoRoot ?? throw new InvalidOperationException("repository root not found");
        var roads = RoadSet.Empty;
        if (Shared.OsmSample is { } osm)
        {
            using var stream = File.OpenRead(osm);
            roads = OsmImporter.ImportAll(stream, OsmFormat.Xml).Roads;
        }
        using var seed = File.OpenRead(Path.Combine(root, "data", "stations.json"));
        using var landmarks = File.OpenRead(Path.Combine(root, "data", "landmarks.json"));
        using var pinyin = File.OpenText(Path.Combine(root, "data", "generated", "pinyin.tsv"));
        var english = EnglishRoadNames.FromTable(pinyin);
        _geocoder = new Geocoder(new GazetteerData
        {
            Roads = roads,
            Stations = StationSeedFile.Read(seed).Stations,
            Landmarks = Landmarks.Read(landmarks),
            EnglishRoadName = english.Translate,
        });
    }

    [Benchmark]
    public int Geocode() => _geocoder.Geocode(Query, 5).Count;

    [Benchmark]
    public string? Reverse() => _geocoder.Reverse(new LegalServiceMap.Core.Geo.GeoPoint(31.2330, 121.4690)).Road;
}
