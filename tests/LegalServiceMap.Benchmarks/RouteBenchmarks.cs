using BenchmarkDotNet.Attributes;
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
        _legs = new NetworkLegs(SyntheticGrid.Build());
        var random = new Random(3);
        _stops = Enumerable.Range(0, Stops)
            .Select(k => new RouteStop($"s{k}", SyntheticGrid.At(10 + random.NextDouble() * 130, 10 + random.NextDouble() * 130), true))
            .ToList();
    }

    [Benchmark]
    public double PlanOnTheGrid() => WalkingRoutePlanner.Plan(_stops, _legs, 5).TotalMetres;
}
