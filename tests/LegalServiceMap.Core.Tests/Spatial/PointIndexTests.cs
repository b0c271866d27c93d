using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial;

namespace LegalServiceMap.Core.Tests.Spatial;

public class PointIndexTests
{
    private static List<GeoPoint> RandomPoints(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new GeoPoint(31.21 + random.NextDouble() * 0.12, 121.42 + random.NextDouble() * 0.07))
            .ToList();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Nearest_RandomPoints_EqualsBruteForce(int seed)
    {
        var points = RandomPoints(2_000, seed);
        var index = new PointIndex<GeoPoint>(points, p => p);
        var random = new Random(seed + 1000);
        for (var i = 0; i < 50; i++)
        {
            var origin = new GeoPoint(31.2 + random.NextDouble() * 0.14, 121.41 + random.NextDouble() * 0.09);
            var expected = points.Select(p => origin.DistanceTo(p)).Order().Take(10).ToList();
            var actual = index.Nearest(origin, 10).Select(r => r.DistanceMetres).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (var j = 0; j < expected.Count; j++)
            {
                // The tree ranks in projected metres; the projection error over a few km is far below 0.5 %.
                Assert.Equal(expected[j], actual[j], expected[j] * 0.005 + 0.01);
            }
        }
    }

    [Fact]
    public void Nearest_ClustersAndOriginsOutsideTheData_EqualBruteForce()
    {
        var random = new Random(99);
        var points = RandomPoints(500, 5)
            .Concat(Enumerable.Range(0, 20).Select(_ => new GeoPoint(31.6 + random.NextDouble() * 0.01, 121.9 + random.NextDouble() * 0.01)))
            .Append(new GeoPoint(30.0, 120.0))
            .ToList();
        var index = new PointIndex<GeoPoint>(points, p => p);
        GeoPoint[] origins = [new(31.7, 122.1), new(29.5, 119.0), new(31.25, 121.45), new(35.0, 121.45), new(31.6, 121.45)];
        foreach (var origin in origins)
        {
            foreach (var k in new[] { 1, 5, 25, 600 })
            {
                var expected = points.Select(p => origin.DistanceTo(p)).Order().Take(k).ToList();
                var actual = index.Nearest(origin, k).Select(r => r.DistanceMetres).ToList();
                Assert.Equal(expected.Count, actual.Count);
                Assert.Equal(expected[^1], actual[^1], expected[^1] * 0.005 + 0.01);
                Assert.Equal(expected[0], actual[0], expected[0] * 0.005 + 0.01);
            }
        }
    }

    [Fact]
    public void Nearest_KLargerThanCount_ReturnsAllSorted()
    {
        var points = RandomPoints(5, 3);
        var index = new PointIndex<GeoPoint>(points, p => p);
        var result = index.Nearest(new GeoPoint(31.25, 121.45), 50);
        Assert.Equal(5, result.Count);
        Assert.True(result.Zip(result.Skip(1)).All(t => t.First.DistanceMetres <= t.Second.DistanceMetres));
    }

    [Fact]
    public void Nearest_EmptyIndexOrZeroK_ReturnsNothing()
    {
        var empty = new PointIndex<GeoPoint>([], p => p);
        Assert.Empty(empty.Nearest(new GeoPoint(31.25, 121.45), 3));
        var one = new PointIndex<GeoPoint>([new GeoPoint(31.25, 121.45)], p => p);
        Assert.Empty(one.Nearest(new GeoPoint(31.25, 121.45), 0));
    }

    [Fact]
    public void Constructor_ItemsWithoutValidPosition_AreLeftOut()
    {
        var index = new PointIndex<string>(["a", "b", "c"], s => s switch
        {
            "a" => new GeoPoint(31.25, 121.45),
            "b" => null,
            _ => new GeoPoint(double.NaN, 121.45),
        });
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Within_Box_ReturnsExactlyThePointsInside()
    {
        var points = RandomPoints(1_000, 11);
        var index = new PointIndex<GeoPoint>(points, p => p);
        var box = new GeoBox(121.44, 31.24, 121.46, 31.27);
        Assert.Equal(points.Where(box.Contains).OrderBy(p => p.Latitude).ToList(),
            index.Within(box).OrderBy(p => p.Latitude).ToList());
    }

    [Fact]
    public void WithinRadius_ReturnsExactlyThePointsWithinTheGreatCircleRadius()
    {
        var points = RandomPoints(1_000, 12);
        var index = new PointIndex<GeoPoint>(points, p => p);
        var origin = new GeoPoint(31.26, 121.45);
        var expected = points.Where(p => origin.DistanceTo(p) <= 1_000).Count();
        var actual = index.WithinRadius(origin, 1_000);
        Assert.Equal(expected, actual.Count);
        Assert.All(actual, r => Assert.True(r.DistanceMetres <= 1_000));
    }
}
