using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Tests.Fixtures;

namespace LegalServiceMap.Core.Tests.Geo;

public class ChinaCoordinatesTests
{
    public static TheoryData<string, double, double, double, double> Vectors()
    {
        var data = new TheoryData<string, double, double, double, double>();
        var path = Path.Combine(RepoPaths.SharedData, "googollee__eviltransform", "test_vectors.json");
        if (!File.Exists(path))
        {
            data.Add("missing", double.NaN, 0, 0, 0);
            return data;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var v in doc.RootElement.GetProperty("wgs_to_gcj").EnumerateArray())
        {
            data.Add(v.GetProperty("label").GetString()!, v.GetProperty("wgs_lat").GetDouble(), v.GetProperty("wgs_lng").GetDouble(),
                v.GetProperty("gcj_lat").GetDouble(), v.GetProperty("gcj_lng").GetDouble());
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Vectors))]
    public void WgsToGcj_PublishedVectors_MatchTo1e9Degrees(string label, double wgsLat, double wgsLng, double gcjLat, double gcjLng)
    {
        RepoPaths.RequireSharedData();
        Assert.NotEqual("missing", label);
        var gcj = ChinaCoordinates.WgsToGcj(new GeoPoint(wgsLat, wgsLng));
        Assert.Equal(gcjLat, gcj.Latitude, 1e-9);
        Assert.Equal(gcjLng, gcj.Longitude, 1e-9);
    }

    [SkippableTheory]
    [MemberData(nameof(Vectors))]
    public void GcjToWgs_PublishedVectors_RoundTripWithinOneCentimetre(string label, double wgsLat, double wgsLng, double gcjLat, double gcjLng)
    {
        RepoPaths.RequireSharedData();
        Assert.NotEqual("missing", label);
        var wgs = ChinaCoordinates.GcjToWgs(new GeoPoint(gcjLat, gcjLng));
        Assert.True(wgs.DistanceTo(new GeoPoint(wgsLat, wgsLng)) < 0.01, $"{label}: {wgs}");
    }

    [Fact]
    public void WgsToGcj_InJingan_ShiftsAboutFourHundredSeventyMetresEastSouth()
    {
        var wgs = new GeoPoint(31.2494, 121.4510);
        var gcj = ChinaCoordinates.WgsToGcj(wgs);
        Assert.InRange(gcj.Longitude - wgs.Longitude, 0.0044, 0.0048);
        Assert.InRange(gcj.Latitude - wgs.Latitude, -0.0021, -0.0017);
    }

    [Fact]
    public void Convert_OutsideChina_PassesThrough()
    {
        var london = new GeoPoint(51.5, -0.12);
        Assert.Equal(london, ChinaCoordinates.Convert(london, CoordinateSystem.Wgs84, CoordinateSystem.Gcj02));
    }

    [Fact]
    public void Convert_Bd09RoundTrip_ReturnsOriginalWithinOneCentimetre()
    {
        var wgs = new GeoPoint(31.2286, 121.4520);
        var bd = ChinaCoordinates.Convert(wgs, CoordinateSystem.Wgs84, CoordinateSystem.Bd09);
        Assert.True(bd.DistanceTo(wgs) > 500, "BD-09 differs from WGS-84 by several hundred metres in Shanghai");
        var back = ChinaCoordinates.Convert(bd, CoordinateSystem.Bd09, CoordinateSystem.Wgs84);
        Assert.True(back.DistanceTo(wgs) < 0.01);
    }
}
