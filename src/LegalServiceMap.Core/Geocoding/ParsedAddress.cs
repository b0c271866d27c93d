namespace LegalServiceMap.Core.Geocoding;

/// <summary>The parts of an address. Every part is optional; numbers are kept as text ("76", "2119-2120", "8C").</summary>
public sealed record ParsedAddress
{
    /// <summary>The normalized input (see <see cref="AddressNormalizer"/>).</summary>
    public string Normalized { get; init; } = "";
    /// <summary>"zh" or "en": the script the address was written in.</summary>
    public string Language { get; init; } = "zh";
    public string? Province { get; init; }
    public string? City { get; init; }
    /// <summary>The district today; 闸北区 (merged in 2015) reads as 静安区 with <see cref="FormerZhabei"/> set.</summary>
    public string? District { get; init; }
    public bool FormerZhabei { get; init; }
    /// <summary>Sub-district or town name without its suffix (e.g. 天目西路 for 天目西路街道).</summary>
    public string? StreetTown { get; init; }
    /// <summary>The road, in Chinese (南京西路) or, for English input, as written (West Nanjing Road).</summary>
    public string? Road { get; init; }
    /// <summary>The second road of an intersection (XX路YY路口, XX路与YY路交叉口, "X Road and Y Road").</summary>
    public string? CrossRoad { get; init; }
    /// <summary>A road the place is near (近XX路, 靠近XX路), not its own road.</summary>
    public string? NearRoad { get; init; }
    public string? Lane { get; init; }
    public string? SubLane { get; init; }
    public string? Number { get; init; }
    public string? Building { get; init; }
    public string? Floor { get; init; }
    public string? Room { get; init; }
    /// <summary>A named place: building, plaza, museum.</summary>
    public string? Poi { get; init; }

    public bool IsIntersection => CrossRoad is not null;
}
