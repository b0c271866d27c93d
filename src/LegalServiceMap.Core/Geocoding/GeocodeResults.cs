using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>How a candidate was placed, from the most to the least precise.</summary>
public enum GeocodeMatchType { ExactPoint, InterpolatedNumber, Intersection, Road, StreetTown, District }

/// <summary>A geocoding answer: a WGS-84 point, how it was found, a confidence in 0..1, and the parts it matched.</summary>
public sealed record GeocodeCandidate(
    string Label,
    string? LabelEn,
    GeoPoint Location,
    GeocodeMatchType MatchType,
    double Confidence,
    string Source,
    string? Road = null,
    string? Number = null,
    string? StreetTown = null,
    string? District = null,
    string? StationId = null)
{
    /// <summary>How well a station placed at this candidate is placed: the location tier its match type gives.</summary>
    public LocationTier Tier => MatchType switch
    {
        GeocodeMatchType.ExactPoint => LocationTier.Surveyed,
        GeocodeMatchType.InterpolatedNumber => LocationTier.Interpolated,
        GeocodeMatchType.Intersection or GeocodeMatchType.Road => LocationTier.Approximate,
        _ => LocationTier.StreetLevel,
    };
}

/// <summary>What is at a point: the nearest road and an estimated house number, the street/town and the district.</summary>
public sealed record ReverseGeocode(
    string? Road,
    string? RoadEn,
    double? RoadDistanceMetres,
    string? EstimatedNumber,
    StreetTown? StreetTown,
    bool? InDistrict)
{
    /// <summary>The nearest road's name in one language (the Chinese one when no English name is known).</summary>
    public string? RoadName(bool english) => english ? RoadEn ?? Road : Road;
}

/// <summary>Everything the geocoder knows. Build once per data change; immutable and thread-safe afterwards.</summary>
public sealed class GazetteerData
{
    public IReadOnlyList<Station> Stations { get; init; } = [];
    public Landmarks Landmarks { get; init; } = Landmarks.Empty;
    public RoadSet Roads { get; init; } = RoadSet.Empty;
    /// <summary>Street/town polygons keyed by their Chinese name (e.g. 北站街道), WGS-84.</summary>
    public IReadOnlyList<NamedArea> Streets { get; init; } = [];
    public Geometry? District { get; init; }
    /// <summary>Where a district-level answer points when no district polygon is imported.</summary>
    public GeoPoint DistrictCentre { get; init; } = new(31.2494, 121.4510);
    /// <summary>English or pinyin name of a Chinese road name (e.g. 南京西路 → West Nanjing Road), if known.</summary>
    public Func<string, string?> EnglishRoadName { get; init; } = _ => null;
}
