namespace LegalServiceMap.Web.Spatial;

/// <summary>An imported walking network, stored as the compact binary form of <c>WalkingNetwork</c>. Only the newest row is used.</summary>
public sealed class StoredWalkingNetwork
{
    public int Id { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string Source { get; set; }
    public int NodeCount { get; set; }
    public int EdgeCount { get; set; }
    public double LengthMetres { get; set; }
    public required byte[] Data { get; set; }
    /// <summary>Named roads and address points for the geocoder (JSON of <c>RoadSet</c>); null for imports before it existed.</summary>
    public byte[]? Roads { get; set; }
}

/// <summary>An imported boundary polygon (WGS-84 GeoJSON geometry): the district, or one of its streets/towns.</summary>
public sealed class StoredBoundary
{
    public const string District = "district";
    public const string Street = "street";

    public int Id { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>The 9-digit division code of the street/town a street boundary is (its key, with the name as the register writes it); the district's 6 digits; null when the file's name matched none.</summary>
    public string? Code { get; set; }
    public required string GeoJson { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
