using LegalServiceMap.Testing;
using BenchmarkDotNet.Attributes;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Coverage;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Benchmarks;

/// <summary>Locates ../shared/data (the real OSM extract) from the repository root.</summary>
internal static class Shared
{
    public static string? RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LegalServiceMap.sln"))) return dir.FullName;
            }
            return null;
        }
    }

    public static string? OsmSample
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LegalServiceMap.sln")))
                {
                    var path = Path.Combine(dir.FullName, "..", "shared", "data", "lllllf-hhhhhq__le-degn-system", "shanghai.osm");
                    return File.Exists(path) ? Path.GetFullPath(path) : null;
                }
            }
            return null;
        }
    }
}

/// <summary>A synthetic street grid of 150 × 150 nodes with 80 m blocks (city-block density), south-west corner in Jing'an.</summary>
internal static class SyntheticGrid
{
    public const int Size = 150;
    public const double Spacing = 80;
    private static readonly (double X, double Y) Corner = LocalProjection.Shanghai.Project(new GeoPoint(31.22, 121.42));

    /// <summary>The point (i, j) blocks east and north of the corner; fractions lie between nodes.</summary>
    public static GeoPoint At(double i, double j) => LocalProjection.Shanghai.Unproject(Corner.X + i * Spacing, Corner.Y + j * Spacing);

    public static WalkingNetwork Build()
    {
        const int n = Size;
        var b = new WalkingNetworkBuilder();
        for (var j = 0; j < n; j++)
        for (var i = 0; i < n; i++)
        {
            if (i + 1 < n) b.AddSegment(j * n + i, At(i, j), j * n + i + 1, At(i + 1, j));
            if (j + 1 < n) b.AddSegment(j * n + i, At(i, j), (j + 1) * n + i, At(i, j + 1));
        }
        return b.Build();
    }
}

/// <summary>
/// Walking areas: a 15-minute isochrone (snap + bounded Dijkstra + polygon) on a synthetic 150 × 150 street grid
/// (22,500 nodes, 80 m blocks: city-block density) and on the real OSM sample; district coverage of one type.
/// </summary>
[MemoryDiagnoser]
public class SpatialBenchmarks
{
    private WalkingNetwork _grid = WalkingNetwork.Empty;
    private WalkingNetwork? _real;
    private NetworkIsochroneEngine _gridEngine = default!;
    private NetworkIsochroneEngine? _realEngine;
    private StationCatalog _stations = StationCatalog.Empty;
    private DistrictGrid _district = default!;
    private GeoPoint _gridCentre;
    private StationPlaces _gridPlaces = null!;
    private StationPlaces? _realPlaces;
    private readonly IsochroneOptions _options = new();

    [GlobalSetup]
    public void Setup()
    {
        const int n = SyntheticGrid.Size;
        GeoPoint P(int i, int j) => SyntheticGrid.At(i, j);
        _grid = SyntheticGrid.Build();
        _gridEngine = new NetworkIsochroneEngine(_grid, _options);
        _gridCentre = P(n / 2, n / 2);

        var random = new Random(7);
        _stations = new StationCatalog(Enumerable.Range(0, 60).Select(k =>
        {
            var p = P(random.Next(n), random.Next(n));
            return new Station { Id = $"s{k}", NameZh = "站", NameEn = "s", Type = StationType.LegalAid, Street = "jingansi", Latitude = p.Latitude, Longitude = p.Longitude };
        }));
        _gridPlaces = _gridEngine.Place(_stations);
        var f = new GeometryFactory();
        Coordinate C(int i, int j) { var p = P(i, j); return new Coordinate(p.Longitude, p.Latitude); }
        var square = f.CreatePolygon([C(0, 0), C(n - 1, 0), C(n - 1, n - 1), C(0, n - 1), C(0, 0)]);
        var halves = new List<NamedArea>
        {
            new("west", f.CreatePolygon([C(0, 0), C(n / 2, 0), C(n / 2, n - 1), C(0, n - 1), C(0, 0)])),
            new("east", f.CreatePolygon([C(n / 2, 0), C(n - 1, 0), C(n - 1, n - 1), C(n / 2, n - 1), C(n / 2, 0)])),
        };
        _district = new DistrictGrid(square, halves, 25);

        if (Shared.OsmSample is { } path)
        {
            using var stream = File.OpenRead(path);
            _real = OsmImporter.Import(stream, OsmFormat.Xml);
            _realEngine = new NetworkIsochroneEngine(_real, _options);
            _realPlaces = _realEngine.Place(StationCatalog.Empty);
        }
    }

    [Benchmark]
    public int Isochrone15MinSyntheticGrid22500Nodes() =>
        _gridEngine.Compute(new IsochroneRequest(_gridCentre, 15, 5), _gridPlaces).Value!.Stations.Count;

    [Benchmark]
    public int Isochrone15MinRealSample() =>
        _realEngine?.Compute(new IsochroneRequest(new GeoPoint(31.2300, 121.4700), 15, 5), _realPlaces!).Value!.Area.NumPoints ?? 0;

    [Benchmark]
    public int Dijkstra15MinSyntheticGrid()
    {
        var w = ShortestPaths.Rent(_grid);
        ShortestPaths.Run(_grid, [(_grid.NodeCount / 2 + 75, 0)], 1250, w);
        var reached = w.Reached.Count;
        ShortestPaths.Return(_grid, w);
        return reached;
    }

    [Benchmark]
    public double CoverageOfOneTypeSyntheticDistrict() =>
        new CoverageCalculator(_options).Compute(_district, _grid, _stations, StationType.LegalAid, 15, 5).District.Share;

    [Benchmark]
    public int ImportOsmSample()
    {
        if (Shared.OsmSample is not { } path) return 0;
        using var stream = File.OpenRead(path);
        return OsmImporter.Import(stream, OsmFormat.Xml).EdgeCount;
    }
}
