using BenchmarkDotNet.Attributes;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Benchmarks;

/// <summary>Nearest-k and radius queries over synthetic stations spread over Jing'an's bounding box.</summary>
[MemoryDiagnoser]
public class StationIndexBenchmarks
{
    private StationCatalog _catalog = StationCatalog.Empty;
    private GeoPoint[] _origins = [];
    private int _next;

    [Params(50, 50_000)]
    public int Stations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261128);
        var types = StationTypes.All;
        _catalog = new StationCatalog(Enumerable.Range(0, Stations).Select(i => new Station
        {
            Id = $"s{i}",
            NameZh = $"站点{i}",
            NameEn = $"Station {i}",
            Type = types[i % types.Count],
            Street = "jingansi",
            Latitude = 31.215 + random.NextDouble() * 0.11,
            Longitude = 121.425 + random.NextDouble() * 0.055,
        }));
        _origins = Enumerable.Range(0, 1024)
            .Select(_ => new GeoPoint(31.215 + random.NextDouble() * 0.11, 121.425 + random.NextDouble() * 0.055)).ToArray();
    }

    private GeoPoint NextOrigin() => _origins[_next++ & 1023];

    [Benchmark]
    public int Nearest10() => _catalog.Nearest(NextOrigin(), 10).Count;

    [Benchmark]
    public int Nearest10OfOneType() => _catalog.Nearest(NextOrigin(), 10, new HashSet<StationType> { StationType.Notary }).Count;

    [Benchmark]
    public int Within1Km() => _catalog.WithinRadius(NextOrigin(), 1000).Count;
}
