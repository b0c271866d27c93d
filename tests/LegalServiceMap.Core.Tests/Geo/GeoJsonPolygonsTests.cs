using System.Text;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Tests.Geo;

public class GeoJsonPolygonsTests
{
    private static IReadOnlyList<NamedArea> Read(string json, CoordinateSystem system = CoordinateSystem.Wgs84) =>
        GeoJsonPolygons.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "name", system);

    private const string Square = """{"type":"Polygon","coordinates":[[[121.44,31.24],[121.46,31.24],[121.46,31.26],[121.44,31.26],[121.44,31.24]]]}""";

    [Fact]
    public void Read_FeatureCollectionFeatureAndBareArray_AllWork()
    {
        Assert.Equal("a", Read($$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},"geometry":{{Square}}}]}""").Single().Name);
        Assert.Equal("b", Read($$"""{"type":"Feature","properties":{"name":"b"},"geometry":{{Square}}}""").Single().Name);
        Assert.Equal("c", Read($$"""[{"type":"Feature","properties":{"name":"c"},"geometry":{{Square}}}]""").Single().Name);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"Point","coordinates":[1,2]}""")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[["x",1]]]}}]}""")]
    public void Read_BadInput_ThrowsFormatException(string json) =>
        Assert.Throws<FormatException>(() => Read(json));

    [Fact]
    public void Read_Gcj02_ConvertsToWgs84()
    {
        var wgs = Read($$"""{"type":"Feature","properties":{"name":"x"},"geometry":{{Square}}}""").Single().Geometry.Centroid;
        var fromGcj = Read($$"""{"type":"Feature","properties":{"name":"x"},"geometry":{{Square}}}""", CoordinateSystem.Gcj02).Single().Geometry.Centroid;
        Assert.InRange(wgs.X - fromGcj.X, 0.0040, 0.0050);
        Assert.InRange(fromGcj.Y - wgs.Y, 0.0015, 0.0023);
    }

    [SkippableFact]
    public void Read_DistrictOutlineInGcj02_MatchesTheUnionOfTheStreetsInWgs84()
    {
        RepoPaths.RequireSharedData();
        var outline = SharedPolygons.Read(Path.Combine(RepoPaths.SharedData, "tnnevol__gmap", "310106.json"), "name", CoordinateSystem.Gcj02)["静安区"];
        var streets = SharedPolygons.Read(Path.Combine(RepoPaths.SharedData, "chenyifei142__openlayers-vue3-demo", "jingan_streets_wgs84.geojson"), "NAME");
        var union = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(streets.Values.ToList());
        // Converted to WGS-84, the DataV outline and the street polygons agree to within a few percent of area.
        var overlap = outline.Intersection(union).Area / union.Area;
        Assert.InRange(overlap, 0.97, 1.0);
    }

    [Fact]
    public void WriteGeometry_WritesPolygonCoordinates()
    {
        var polygon = Read($$"""{"type":"Feature","properties":{"name":"x"},"geometry":{{Square}}}""").Single().Geometry;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) GeoJsonPolygons.WriteGeometry(w, polygon);
        var json = JsonDocument.Parse(buffer.ToArray()).RootElement;
        Assert.Equal("Polygon", json.GetProperty("type").GetString());
        Assert.Equal(5, json.GetProperty("coordinates")[0].GetArrayLength());
        Assert.Equal(121.44, json.GetProperty("coordinates")[0][0][0].GetDouble());
    }
}
