using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Stations;

/// <summary>How well a station's position is known. Only <see cref="Surveyed"/> and <see cref="Interpolated"/> are drawn as precise pins.</summary>
public enum LocationTier
{
    /// <summary>Measured on site or taken from an authoritative map of the building entrance.</summary>
    Surveyed,
    /// <summary>Interpolated along the street from a known house number.</summary>
    Interpolated,
    /// <summary>Within a few hundred metres (e.g. a road corner or a block).</summary>
    Approximate,
    /// <summary>Only the street/town is known; the point is a representative point of its polygon.</summary>
    StreetLevel,
}

public static class LocationTiers
{
    public static string ToSlug(this LocationTier tier) => WireName.Of(tier);

    public static bool TryParse(string? slug, out LocationTier tier) => WireName.TryParse(slug, out tier);

    /// <summary>True when the marker must be drawn hollow and labelled "location approximate".</summary>
    public static bool IsImprecise(this LocationTier tier) => tier is LocationTier.Approximate or LocationTier.StreetLevel;
}
