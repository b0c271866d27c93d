using LegalServiceMap.Core.Geo;
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
