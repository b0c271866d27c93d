using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace LegalServiceMap.Core.Spatial.Coverage;

/// <summary>Covered share of one area, in km².</summary>
public sealed record AreaCoverage(string Name, double AreaKm2, double CoveredKm2)
{
    public double Share => AreaKm2 <= 0 ? 0 : CoveredKm2 / AreaKm2;
}

/// <summary>How much of the district lies within the walking budget of at least one station of a type.</summary>
/// <param name="Uncovered">The district's parts not covered, WGS-84 (x = longitude, y = latitude).</param>
public sealed record CoverageResult(
    StationType Type,
    IsochroneMethod Method,
    int Stations,
    int StationsUsed,
    AreaCoverage District,
    IReadOnlyList<AreaCoverage> Streets,
    Geometry Uncovered);

/// <summary>
/// The district on a grid (WGS-84 polygons rasterised in projected metres): which cell lies in the district and in
/// which street/town. Built once per boundary set (tens of milliseconds); immutable and thread-safe afterwards.
/// </summary>
public sealed class DistrictGrid
{
    private readonly Lazy<int[]> _cellsPerStreet;
    private readonly Lazy<Geometry> _whole;

    public DistrictGrid(Geometry district, IReadOnlyList<NamedArea> streets, double cellMetres)
    {
        CellMetres = cellMetres;
        StreetNames = streets.Select(s => s.Name).ToList();
        var projection = LocalProjection.Shanghai;
        var env = district.EnvelopeInternal;
        var (x0, y0) = projection.Project(new GeoPoint(env.MinY, env.MinX));
        var (x1, y1) = projection.Project(new GeoPoint(env.MaxY, env.MaxX));
        MinX = x0;
        MinY = y0;
        Width = Math.Max(1, (int)Math.Ceiling((x1 - x0) / cellMetres));
        Height = Math.Max(1, (int)Math.Ceiling((y1 - y0) / cellMetres));
        Street = new short[Width * Height];
        var inDistrict = PreparedGeometryFactory.Prepare(district);
        var preparedStreets = streets.Select(s => PreparedGeometryFactory.Prepare(s.Geometry)).ToList();
        var factory = new GeometryFactory();
        var last = 0;
        for (var j = 0; j < Height; j++)
        {
            for (var i = 0; i < Width; i++)
            {
                var p = projection.Unproject(MinX + (i + 0.5) * cellMetres, MinY + (j + 0.5) * cellMetres);
                var point = factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude));
                short label = -1; // outside
                if (inDistrict.Contains(point))
                {
                    label = 0; // in the district, in no known street
                    // Neighbouring cells usually share a street: try the last one first.
                    if (preparedStreets.Count > 0)
                    {
                        if (preparedStreets[last].Contains(point)) label = (short)(last + 1);
                        else
                        {
                            for (var k = 0; k < preparedStreets.Count; k++)
                            {
                                if (k != last && preparedStreets[k].Contains(point))
                                {
                                    label = (short)(k + 1);
                                    last = k;
                                    break;
                                }
                            }
                        }
                    }
                    DistrictCells++;
                }
                Street[j * Width + i] = label;
            }
        }
        // Read on first use, from the labels above.
        _cellsPerStreet = new(() =>
        {
            var counts = new int[StreetNames.Count + 1];
            foreach (var label in Street) if (label >= 0) counts[label]++;
            return counts;
        });
        _whole = new(() =>
        {
            var all = NewRaster();
            for (var j = 0; j < Height; j++)
                for (var i = 0; i < Width; i++)
                    if (Street[j * Width + i] >= 0) all[i, j] = true;
            return all.ToGeometry(new GeometryFactory(), LocalProjection.Shanghai);
        });
    }

    public double MinX { get; }
    public double MinY { get; }
    public int Width { get; }
    public int Height { get; }
    public double CellMetres { get; }
    public int DistrictCells { get; }
    public IReadOnlyList<string> StreetNames { get; }

    /// <summary>Per cell: -1 outside the district, 0 inside but in no street/town, k + 1 in street/town k.</summary>
    public short[] Street { get; }

    /// <summary>How many cells of the district lie in street/town <paramref name="label"/> (1-based, as <see cref="Street"/>).</summary>
    public int CellsOf(int label) => _cellsPerStreet.Value[label];

    /// <summary>Every cell of the district traced into polygons (the uncovered area of a type with no station).</summary>
    public Geometry Whole => _whole.Value;

    public ReachRaster NewRaster() => new(MinX, MinY, MinX + Width * CellMetres, MinY + Height * CellMetres, CellMetres);
}

/// <summary>
/// District coverage per station type: one multi-source Dijkstra from every station of the type at once (each
/// station enters at both ends of the street it snaps to), then the reached streets are stamped on the district grid
/// like an isochrone. With no network, circles of radius budget ÷ detour factor stand in (method "circle").
/// Thread-safe.
/// </summary>
public sealed class CoverageCalculator(IsochroneOptions options)
{
    public CoverageResult Compute(DistrictGrid grid, WalkingNetwork? network, StationCatalog catalog, StationType type,
        double minutes, double speedKmh)
    {
        var budget = speedKmh * 1000.0 / 60.0 * minutes;
        var stations = catalog.All.Where(s => s.Type == type && s.Location is not null).ToList();
        if (stations.Count == 0)
        {
            // Nothing to walk from: nothing covered, the whole district uncovered (traced once per grid).
            var method0 = network is { EdgeCount: > 0 } ? IsochroneMethod.Network : IsochroneMethod.Circle;
            var km2 = grid.CellMetres * grid.CellMetres / 1e6;
            return new CoverageResult(type, method0, 0, 0, new AreaCoverage("district", grid.DistrictCells * km2, 0),
                grid.StreetNames.Select((name, k) => new AreaCoverage(name, grid.CellsOf(k + 1) * km2, 0)).ToList(), grid.Whole);
        }
        var raster = grid.NewRaster();
        var projection = LocalProjection.Shanghai;
        int used;
        IsochroneMethod method;

        if (network is { EdgeCount: > 0 })
        {
            method = IsochroneMethod.Network;
            var snapper = network.AllPartsSnapper;
            var sources = new List<(int Node, double Metres)>();
            used = 0;
            foreach (var s in stations)
            {
                if (snapper.Snap(s.Location!.Value, options.MaxSnapMetres) is not { } snap) continue;
                used++;
                double len = network.EdgeLength[snap.Edge];
                sources.Add((network.EdgeFrom[snap.Edge], snap.OffsetMetres + snap.Fraction * len));
                sources.Add((network.EdgeTo[snap.Edge], snap.OffsetMetres + (1 - snap.Fraction) * len));
                var (x, y) = projection.Project(s.Location!.Value);
                raster.StampSegment(x, y, snap.X, snap.Y, options.ReachMetres);
            }
            var w = ShortestPaths.Rent(network);
            try
            {
                ShortestPaths.Run(network, sources, budget, w);
                raster.StampReached(network, w, budget, options.ReachMetres);
            }
            finally
            {
                ShortestPaths.Return(network, w);
            }
        }
        else
        {
            method = IsochroneMethod.Circle;
            used = stations.Count;
            foreach (var s in stations)
            {
                var (x, y) = projection.Project(s.Location!.Value);
                raster.StampSegment(x, y, x, y, budget / options.DetourFactor);
            }
        }

        // Count covered cells per street; build the uncovered raster.
        var cellKm2 = grid.CellMetres * grid.CellMetres / 1e6;
        var coveredPerStreet = new int[grid.StreetNames.Count + 1];
        var uncovered = grid.NewRaster();
        var coveredTotal = 0;
        for (var j = 0; j < grid.Height; j++)
        {
            for (var i = 0; i < grid.Width; i++)
            {
                var label = grid.Street[j * grid.Width + i];
                if (label < 0) continue;
                if (raster[i, j])
                {
                    coveredPerStreet[label]++;
                    coveredTotal++;
                }
                else
                {
                    uncovered[i, j] = true;
                }
            }
        }
        var streets = grid.StreetNames
            .Select((name, k) => new AreaCoverage(name, grid.CellsOf(k + 1) * cellKm2, coveredPerStreet[k + 1] * cellKm2))
            .ToList();
        var district = new AreaCoverage("district", grid.DistrictCells * cellKm2, coveredTotal * cellKm2);
        var uncoveredArea = uncovered.ToGeometry(new GeometryFactory(), projection);
        return new CoverageResult(type, method, stations.Count, used, district, streets, uncoveredArea);
    }
}
