namespace LegalServiceMap.Core.Geo;

/// <summary>A WGS-84 position in degrees. Immutable.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public const double EarthRadiusMetres = 6_371_008.8;

    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude) &&
        Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance in metres (haversine on the mean Earth radius; error &lt; 0.5 %).</summary>
    public double DistanceTo(GeoPoint other)
    {
        var dLat = DegToRad(other.Latitude - Latitude);
        var dLng = DegToRad(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(DegToRad(Latitude)) * Math.Cos(DegToRad(other.Latitude)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    internal static double DegToRad(double deg) => deg * Math.PI / 180.0;
}

/// <summary>A WGS-84 box in degrees (west, south, east, north). Does not cross the antimeridian.</summary>
public readonly record struct GeoBox(double West, double South, double East, double North)
{
    public bool Contains(GeoPoint p) =>
        p.Latitude >= South && p.Latitude <= North && p.Longitude >= West && p.Longitude <= East;

    public bool IsValid =>
        new GeoPoint(South, West).IsValid && new GeoPoint(North, East).IsValid && West <= East && South <= North;
}
