namespace LegalServiceMap.Core.Geo;

/// <summary>The coordinate systems met at the edges: WGS-84 (stored), GCJ-02 (Amap, Tencent, the host app), BD-09 (Baidu).</summary>
public enum CoordinateSystem { Wgs84, Gcj02, Bd09 }

public static class CoordinateSystems
{
    /// <summary>A coordinate system as a query names it (wgs84 | gcj02 | bd09, any case); nothing means WGS-84; null when unknown.</summary>
    public static CoordinateSystem? Parse(string? name) =>
        string.IsNullOrWhiteSpace(name) ? CoordinateSystem.Wgs84 : Text.WireName.TryParse(name, out CoordinateSystem system) ? system : null;
}

/// <summary>
/// Conversions between WGS-84, GCJ-02 and BD-09, with the standard published formulas (Krasovsky 1940
/// ellipsoid a = 6378245.0, ee = 0.00669342162296594323; BD-09 with x_pi = π·3000/180). Points outside
/// China's bounding box are passed through unchanged, as GCJ-02 is only defined inside China.
/// GCJ→WGS is solved by fixed-point iteration to below 1e-7° (≈ 1 cm), not the one-step approximation (≈ 5 m).
/// All methods are pure and thread-safe; latitudes and longitudes in degrees.
/// </summary>
public static class ChinaCoordinates
{
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;
    private const double XPi = Math.PI * 3000.0 / 180.0;

    public static bool IsInChina(GeoPoint p) =>
        p.Longitude is >= 72.004 and <= 137.8347 && p.Latitude is >= 0.8293 and <= 55.8271;

    public static GeoPoint Convert(GeoPoint p, CoordinateSystem from, CoordinateSystem to)
    {
        if (from == to)
        {
            return p;
        }
        var wgs = from switch
        {
            CoordinateSystem.Gcj02 => GcjToWgs(p),
            CoordinateSystem.Bd09 => GcjToWgs(BdToGcj(p)),
            _ => p,
        };
        return to switch
        {
            CoordinateSystem.Gcj02 => WgsToGcj(wgs),
            CoordinateSystem.Bd09 => GcjToBd(WgsToGcj(wgs)),
            _ => wgs,
        };
    }

    public static GeoPoint WgsToGcj(GeoPoint wgs)
    {
        if (!IsInChina(wgs))
        {
            return wgs;
        }
        var (dLat, dLng) = Delta(wgs.Latitude, wgs.Longitude);
        return new GeoPoint(wgs.Latitude + dLat, wgs.Longitude + dLng);
    }

    public static GeoPoint GcjToWgs(GeoPoint gcj)
    {
        if (!IsInChina(gcj))
        {
            return gcj;
        }
        return Invert(WgsToGcj, gcj, gcj, iterations: 30, tolerance: 1e-9);
    }

    public static GeoPoint GcjToBd(GeoPoint gcj)
    {
        double x = gcj.Longitude, y = gcj.Latitude;
        var z = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * XPi);
        return new GeoPoint(z * Math.Sin(theta) + 0.006, z * Math.Cos(theta) + 0.0065);
    }

    /// <summary>BD-09 to GCJ-02: the published closed-form inverse, refined by fixed-point iteration to below 1e-9°.</summary>
    public static GeoPoint BdToGcj(GeoPoint bd)
    {
        double x = bd.Longitude - 0.0065, y = bd.Latitude - 0.006;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * XPi);
        return Invert(GcjToBd, bd, new GeoPoint(z * Math.Sin(theta), z * Math.Cos(theta)), iterations: 10, tolerance: 1e-10);
    }

    /// <summary>
    /// Solves forward(p) = target by fixed-point iteration from <paramref name="start"/>: each step moves p by the error
    /// forward(p) − target (the offsets are small and nearly constant over a few metres, so it converges quickly).
    /// </summary>
    private static GeoPoint Invert(Func<GeoPoint, GeoPoint> forward, GeoPoint target, GeoPoint start, int iterations, double tolerance)
    {
        var p = start;
        for (var i = 0; i < iterations; i++)
        {
            var back = forward(p);
            var (dLat, dLng) = (back.Latitude - target.Latitude, back.Longitude - target.Longitude);
            p = new GeoPoint(p.Latitude - dLat, p.Longitude - dLng);
            if (Math.Abs(dLat) < tolerance && Math.Abs(dLng) < tolerance)
            {
                break;
            }
        }
        return p;
    }

    private static (double DLat, double DLng) Delta(double lat, double lng)
    {
        var dLat = TransformLat(lng - 105.0, lat - 35.0);
        var dLng = TransformLng(lng - 105.0, lat - 35.0);
        var radLat = lat / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - Ee * magic * magic;
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLng = dLng * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLng);
    }

    private static double TransformLat(double x, double y)
    {
        var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLng(double x, double y)
    {
        var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
