using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Tests.Geo;

public class GeoPointTests
{
    [Fact]
    public void DistanceTo_OneDegreeOfLatitude_IsAbout111Kilometres()
    {
        var d = new GeoPoint(31, 121.45).DistanceTo(new GeoPoint(32, 121.45));
        Assert.InRange(d, 111_000, 111_400);
    }

    [Fact]
    public void DistanceTo_IsSymmetricAndZeroForSamePoint()
    {
        var a = new GeoPoint(31.2286, 121.4520);
        var b = new GeoPoint(31.2494, 121.4510);
        Assert.Equal(a.DistanceTo(b), b.DistanceTo(a), 1e-9);
        Assert.Equal(0, a.DistanceTo(a));
    }

    [Theory]
    [InlineData(double.NaN, 121)]
    [InlineData(31, double.PositiveInfinity)]
    [InlineData(91, 121)]
    [InlineData(31, -181)]
    public void IsValid_NonFiniteOrOutOfRange_IsFalse(double lat, double lng) =>
        Assert.False(new GeoPoint(lat, lng).IsValid);

    [Fact]
    public void LocalProjection_ProjectedDistance_MatchesHaversineWithinHalfPercentAcrossTheDistrict()
    {
        var p = LocalProjection.Shanghai;
        var a = new GeoPoint(31.2150, 121.4250);
        var b = new GeoPoint(31.3200, 121.4750);
        var (x1, y1) = p.Project(a);
        var (x2, y2) = p.Project(b);
        var planar = Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
        Assert.InRange(planar / a.DistanceTo(b), 0.995, 1.005);
        var back = p.Unproject(x1, y1);
        Assert.True(back.DistanceTo(a) < 1e-6);
    }
}
