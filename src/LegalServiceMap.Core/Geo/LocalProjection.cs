namespace LegalServiceMap.Core.Geo;

/// <summary>
/// Equirectangular projection to metres around a reference latitude. Over a city (tens of km) the
/// distance error is well under 0.5 %, enough for ranking and indexing; NTS is planar, so geometry
/// must be projected before Distance or Buffer. Immutable and thread-safe.
/// </summary>
public sealed class LocalProjection(double referenceLatitude)
{
    private readonly double _metresPerDegLat = Math.PI * GeoPoint.EarthRadiusMetres / 180.0;
    private readonly double _metresPerDegLng = Math.PI * GeoPoint.EarthRadiusMetres / 180.0 * Math.Cos(GeoPoint.DegToRad(referenceLatitude));

    /// <summary>Projection centred on Jing'an (31.25° N).</summary>
    public static LocalProjection Shanghai { get; } = new(31.25);

    /// <summary>Projected (x east, y north) in metres.</summary>
    public (double X, double Y) Project(GeoPoint p) => (p.Longitude * _metresPerDegLng, p.Latitude * _metresPerDegLat);

    public GeoPoint Unproject(double x, double y) => new(y / _metresPerDegLat, x / _metresPerDegLng);
}
