using BenchmarkDotNet.Attributes;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Spatial.Routes;

namespace LegalServiceMap.Benchmarks;

/// <summary>
/// The culture map's walking route: all-pairs street distances (one Dijkstra per stop) and the exact shortest order
/// (Held–Karp) for 8 and 12 stops spread over a 150 × 150 street grid (22,500 nodes, 80 m blocks, 12 km × 12 km).
/// </summary>
[MemoryDiagnoser]
public class RouteBenchmarks
{
    private NetworkLegs _legs = default!;
    private List<RouteStop> _stops = [];

    [Params(8, 12)]
    public int Stops { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var projection = LocalProjection.Shanghai;
        var (x0, y0) = projection.Project(new GeoPoint(31.22, 121.42));
        const int n = 150;
        const double spacing = 80;
        GeoPoint P(double i, double j) => projection.Unproject(x0 + i * spacing, y0 + j * spacing);
        var b = new WalkingNetworkBuilder();
        for (var j = 0; j < n; j++)
        for (var i = 0; i < n; i++)
        {
            if (i + 1 < n) b.AddSegment(j * n + i, P(i, j), j * n + i + 1, P(i + 1, j));
            if (j + 1 < n) b.AddSegment(j * n + i, P(i, j), (j + 1) * n + i, P(i, j + 1));
        }
        _legs = new NetworkLegs(b.Build());
        var random = new Random(3);
        _stops = Enumerable.Range(0, Stops)
            .Select(k => new RouteStop($"s{k}", P(10 + random.NextDouble() * 130, 10 + random.NextDouble() * 130), true))
            .ToList();
    }

    [Benchmark]
    public double PlanOnTheGrid() => WalkingRoutePlanner.Plan(_stops, _legs, 5).TotalMetres;
}
