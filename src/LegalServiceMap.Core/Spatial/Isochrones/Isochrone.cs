using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Spatial.Isochrones;

/// <summary>Settings of the walking area ("15-minute circle"). Speeds in km/h, distances in metres.</summary>
public sealed class IsochroneOptions
{
    public const string Section = "Isochrone";

    [System.ComponentModel.DataAnnotations.Range(1, 10)] public double DefaultSpeedKmh { get; set; } = 5.0;
    /// <summary>A slower pace for older residents.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10)] public double ElderSpeedKmh { get; set; } = 3.6;
    [System.ComponentModel.DataAnnotations.Range(1, 120)] public int DefaultMinutes { get; set; } = 15;
    [System.ComponentModel.DataAnnotations.Range(1, 120)] public int MinMinutes { get; set; } = 1;
    [System.ComponentModel.DataAnnotations.Range(1, 120)] public int MaxMinutes { get; set; } = 60;
    /// <summary>How far from a street a pedestrian's destination may be (building frontage) when drawing the area.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 500)] public double ReachMetres { get; set; } = 40;
    /// <summary>Grid cell of the area polygon.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 200)] public double CellMetres { get; set; } = 20;
    /// <summary>An origin further than this from any street is "off the network".</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 5000)] public double MaxSnapMetres { get; set; } = 300;
    /// <summary>
    /// How far the drawn outline may stray from the traced cells, in metres: one cell (20 m), since the traced outline is
    /// no finer than its cells; the staircase becomes lines a phone draws (about 1 pixel at the map's opening zoom 13,
    /// 5 at zoom 15). On the OSM sample a 15-minute outline keeps 227 of 606 vertices, its area within 0.5 %. Which
    /// stations are inside never depends on it (that is the network distance). 0 keeps every corner.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 50)] public double SimplifyMetres { get; set; } = 20;
    /// <summary>Network distance ÷ straight-line distance assumed by the circle fallback.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3)] public double DetourFactor { get; set; } = 1.3;

    /// <summary>A pace as a query gives it: "normal" (or nothing), "elder"/"slow", or km/h from 1 to 10; null when it is none of these.</summary>
    public double? ParseSpeed(string? speed) => speed?.Trim().ToLowerInvariant() switch
    {
        null or "" or "normal" => DefaultSpeedKmh,
        "elder" or "slow" => ElderSpeedKmh,
        var s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 10 => v,
        _ => null,
    };
}

public enum IsochroneMethod { Network, Circle }

public enum IsochroneError { None, OffNetwork }

public sealed record IsochroneRequest(GeoPoint Origin, double Minutes, double SpeedKmh)
{
    /// <summary>Walking budget in metres.</summary>
    public double BudgetMetres => SpeedKmh * 1000.0 / 60.0 * Minutes;
}

/// <summary>A station reachable within the budget, with its walking distance (metres) and time (seconds).</summary>
public sealed record ReachableStation(Station Station, double WalkMetres, double WalkSeconds);

/// <summary>
/// The area reachable on foot. <see cref="Area"/> is WGS-84 (x = longitude, y = latitude); it may have holes and
/// several parts. <see cref="Method"/> tells whether it followed the street network or is the approximate circle.
/// </summary>
public sealed record Isochrone(
    IsochroneMethod Method,
    IsochroneRequest Request,
    double? SnapDistanceMetres,
    Geometry Area,
    IReadOnlyList<ReachableStation> Stations);

public sealed record IsochroneResult(Isochrone? Value, IsochroneError Error)
{
    public static IsochroneResult Ok(Isochrone value) => new(value, IsochroneError.None);
    public static IsochroneResult Fail(IsochroneError error) => new(null, error);
}

/// <summary>
/// Stations as an engine finds them: the catalog, and for a network engine where each station meets the street network.
/// Made once per catalog by <see cref="IIsochroneEngine.Place"/> (off the request path); immutable.
/// </summary>
public sealed class StationPlaces(StationCatalog catalog, IReadOnlyDictionary<string, NetworkSnap>? snaps = null)
{
    public StationCatalog Catalog => catalog;

    /// <summary>Where each station meets the network, by id; null for engines without a network.</summary>
    public IReadOnlyDictionary<string, NetworkSnap>? Snaps => snaps;
}

/// <summary>Computes walking areas. Implementations are thread-safe.</summary>
public interface IIsochroneEngine
{
    IsochroneMethod Method { get; }

    /// <summary>Prepares a catalog for <see cref="Compute"/>: once per catalog, not per walk.</summary>
    StationPlaces Place(StationCatalog stations);

    IsochroneResult Compute(IsochroneRequest request, StationPlaces stations);
}
