using System.Text;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Union;

namespace LegalServiceMap.Web.Spatial;

/// <summary>
/// Boundaries in memory (WGS-84): the district and its streets/towns, imported, or — until anything is imported — the
/// district's approximate outline shipped in data/ (<see cref="IsOutline"/>). Immutable snapshot.
/// </summary>
public sealed class BoundarySet
{
    /// <summary>
    /// How far outside the approximate outline a point still counts as in the district (degrees, ≈ 200 m): the
    /// simplified outline is within about 100 m of the real boundary, so it must not turn a place at the edge away.
    /// </summary>
    public const double OutlineTolerance = 0.002;

    public BoundarySet(IReadOnlyList<NamedArea> districts, IReadOnlyList<NamedArea> streets, bool isOutline = false)
    {
        Districts = districts;
        Streets = streets;
        IsOutline = isOutline;
        var parts = districts.Count > 0 ? districts : streets;
        District = parts.Count == 0 ? null : UnaryUnionOp.Union(parts.Select(p => p.Geometry).ToList());
        _prepared = District is null ? null : PreparedGeometryFactory.Prepare(isOutline ? District.Buffer(OutlineTolerance) : District);
    }

    /// <summary>The district is the shipped approximate outline (nothing imported): coverage says so.</summary>
    public bool IsOutline { get; }

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

/// <summary>Where the district's approximate outline is read from until a boundary is imported.</summary>
public sealed class BoundaryOptions
{
    public const string Section = "Boundaries";

    /// <summary>A GeoJSON file in data/ (WGS-84); empty: no outline, so coverage waits for an import.</summary>
    public string? OutlineFile { get; set; } = "jingan-outline.geojson";
}

/// <summary>Imports boundary polygons and loads them into the spatial snapshot. Singleton.</summary>
public sealed class BoundaryService(IDbContextFactory<AppDbContext> dbFactory, SpatialState state, DataVersions? versions = null,
    Microsoft.Extensions.Options.IOptions<BoundaryOptions>? options = null, ILogger<BoundaryService>? logger = null)
{
    public BoundarySet Current => state.Current.Boundaries;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Boundaries.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        if (rows.Count == 0 && Outline() is { Count: > 0 } outline)
        {
            state.SetBoundaries(new BoundarySet(outline, [], isOutline: true));
            return;
        }
        NamedArea Parse(StoredBoundary b) =>
            GeoJson.ReadAreas(new MemoryStream(Encoding.UTF8.GetBytes(b.GeoJson)), "name").Single() with { Name = b.Name };
        state.SetBoundaries(new BoundarySet(
            rows.Where(r => r.Kind == StoredBoundary.District).Select(Parse).ToList(),
            rows.Where(r => r.Kind == StoredBoundary.Street).Select(Parse).ToList()));
    }

    /// <summary>
    /// Adds or replaces boundaries of one kind. A street/town is recognised by its name as the file writes it (江宁路街道,
    /// 江宁路, "Jiangning Road Sub-district") or by its division code (310106006), and stored under its official name and
    /// code, so importing a file keyed by names and later one keyed by codes replaces the same rows. An area that is none
    /// of the 14 keeps its own name, without a code.
    /// </summary>
    public async Task<int> ImportAsync(IEnumerable<NamedArea> areas, string kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Boundaries.Where(b => b.Kind == kind).ToDictionaryAsync(b => b.Name, ct);
        var count = 0;
        foreach (var (area, code) in areas.Select(a => Official(a, kind)))
        {
            var json = ToFeature(area);
            if (existing.TryGetValue(area.Name, out var row))
            {
                row.GeoJson = json;
                row.Code = code;
                row.ImportedAt = DateTimeOffset.UtcNow;
            }
            else
            {
                db.Boundaries.Add(row = new StoredBoundary { Kind = kind, Name = area.Name, Code = code, GeoJson = json, ImportedAt = DateTimeOffset.UtcNow });
                existing[area.Name] = row;
            }
            count++;
        }
        await db.SaveChangesAsync(ct);
        await LoadAsync(ct);
        if (versions is not null) await versions.BumpAsync(DataPart.Boundaries, ct);
        return count;
    }

    private IReadOnlyList<NamedArea>? Outline()
    {
        if (options?.Value.OutlineFile is not { Length: > 0 } file) return null;
        return Setup.DataFiles.Read<IReadOnlyList<NamedArea>>(file, s => GeoJson.ReadAreas(s, "name"), [],
            logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            "coverage and the district check wait for an imported boundary");
    }

    /// <summary>Jing'an's division code (统计用区划代码).</summary>
    public const string DistrictCode = "310106";

    /// <summary>The area under its official name, and its division code; unchanged with no code when it is not one of the district's.</summary>
    public static (NamedArea Area, string? Code) Official(NamedArea area, string kind)
    {
        if (kind == StoredBoundary.Street)
        {
            return Core.Stations.StreetTown.Resolve(area.Name) is { } st ? (area with { Name = st.NameZh }, st.Code) : (area, null);
        }
        return area.Name.Trim() is "静安区" or DistrictCode or "Jing'an District" or "Jing'an" ? (area with { Name = "静安区" }, DistrictCode) : (area, null);
    }

    private static string ToFeature(NamedArea area) => GeoJson.Serialize(new GeoFeature(area.Geometry, new { name = area.Name }));
}
