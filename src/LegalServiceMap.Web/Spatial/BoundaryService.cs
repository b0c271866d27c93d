using System.Text;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Union;

namespace LegalServiceMap.Web.Spatial;

/// <summary>Imported boundaries in memory (WGS-84): the district and its streets/towns. Immutable snapshot.</summary>
public sealed class BoundarySet
{
    public BoundarySet(IReadOnlyList<NamedArea> districts, IReadOnlyList<NamedArea> streets)
    {
        Districts = districts;
        Streets = streets;
        var parts = districts.Count > 0 ? districts : streets;
        District = parts.Count == 0 ? null : UnaryUnionOp.Union(parts.Select(p => p.Geometry).ToList());
        _prepared = District is null ? null : PreparedGeometryFactory.Prepare(District);
    }

    private readonly IPreparedGeometry? _prepared;
    public static BoundarySet Empty { get; } = new([], []);
    public IReadOnlyList<NamedArea> Districts { get; }
    public IReadOnlyList<NamedArea> Streets { get; }
    /// <summary>The district (or the union of its streets/towns when only those were imported); null when nothing is.</summary>
    public Geometry? District { get; }

    /// <summary>True/false when a boundary is imported; null when the answer is unknown.</summary>
    public bool? Contains(GeoPoint p) =>
        _prepared?.Covers(new GeometryFactory().CreatePoint(new Coordinate(p.Longitude, p.Latitude)));
}

/// <summary>Imports boundary polygons and loads them into the spatial snapshot. Singleton.</summary>
public sealed class BoundaryService(IDbContextFactory<AppDbContext> dbFactory, SpatialState state, DataVersions? versions = null)
{
    public BoundarySet Current => state.Current.Boundaries;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Boundaries.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        NamedArea Parse(StoredBoundary b) =>
            GeoJson.ReadAreas(new MemoryStream(Encoding.UTF8.GetBytes(b.GeoJson)), "name").Single() with { Name = b.Name };
        state.SetBoundaries(new BoundarySet(
            rows.Where(r => r.Kind == StoredBoundary.District).Select(Parse).ToList(),
            rows.Where(r => r.Kind == StoredBoundary.Street).Select(Parse).ToList()));
    }

    /// <summary>Adds or replaces boundaries of one kind by name.</summary>
    public async Task<int> ImportAsync(IEnumerable<NamedArea> areas, string kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Boundaries.Where(b => b.Kind == kind).ToDictionaryAsync(b => b.Name, ct);
        var count = 0;
        foreach (var area in areas)
        {
            var json = ToFeature(area);
            if (existing.TryGetValue(area.Name, out var row))
            {
                row.GeoJson = json;
                row.ImportedAt = DateTimeOffset.UtcNow;
            }
            else
            {
                db.Boundaries.Add(new StoredBoundary { Kind = kind, Name = area.Name, GeoJson = json, ImportedAt = DateTimeOffset.UtcNow });
            }
            count++;
        }
        await db.SaveChangesAsync(ct);
        await LoadAsync(ct);
        if (versions is not null) await versions.BumpAsync(DataPart.Boundaries, ct);
        return count;
    }

    private static string ToFeature(NamedArea area) => GeoJson.Serialize(new GeoFeature(area.Geometry, new { name = area.Name }));
}
