using System.Text;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Tests.Fixtures;

namespace LegalServiceMap.Core.Tests.Geo;

public class GeoJsonTests
{
    private static IReadOnlyList<NamedArea> Read(string json, CoordinateSystem system = CoordinateSystem.Wgs84) =>
        GeoJson.ReadAreas(new MemoryStream(Encoding.UTF8.GetBytes(json)), "name", system);

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
    public void Serialize_FeatureCollection_WritesGeometryPropertiesIdAndForeignMembers()
    {
        var polygon = Read($$"""{"type":"Feature","properties":{"name":"x"},"geometry":{{Square}}}""").Single().Geometry;
        var collection = new GeoFeatureCollection(
            [new GeoFeature(polygon, new { kind = "area" }), new GeoFeature(GeoJson.Point(new GeoPoint(31.123456789, 121.987654321)), new { kind = "station" }, "s-1"),
             new GeoFeature(null, new { kind = "site" }, "s-2")])
        {
            Members = new() { ["method"] = "network", ["inDistrict"] = null },
        };
        var json = JsonDocument.Parse(GeoJson.Serialize(collection)).RootElement;
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        Assert.Equal("network", json.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("inDistrict").ValueKind);
        var features = json.GetProperty("features");
        Assert.Equal("Polygon", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(5, features[0].GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength());
        Assert.Equal(121.44, features[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble());
        Assert.False(features[0].TryGetProperty("id", out _)); // RFC 7946: an id is a string or number, or absent
        Assert.Equal("area", features[0].GetProperty("properties").GetProperty("kind").GetString());
        // [lng, lat], kept to 6 decimals (about 10 cm; RFC 7946 §11.2)
        Assert.Equal(121.987654, features[1].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble()); // 6 decimals (RFC 7946 §11.2)
        Assert.Equal(31.123457, features[1].GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
        Assert.Equal("s-1", features[1].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, features[2].GetProperty("geometry").ValueKind);
    }

    [Fact]
    public void Read_WhatSerializeWrote_GivesTheSameFeatures()
    {
        var line = GeoJson.Line([new GeoPoint(31.2, 121.4), new GeoPoint(31.21, 121.41)]);
        var text = GeoJson.Serialize(new GeoFeatureCollection([new GeoFeature(line, new { name = "a", count = 3 }, "x"), new GeoFeature(null, new { name = (string?)null }, "y")]));
        var read = GeoJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(["x", "y"], read.Select(f => f.Id));
        Assert.True(line.EqualsExact(read[0].Geometry!));
        Assert.Equal("a", read[0].Text("name"));
        Assert.Equal("3", read[0].Text("count"));
        Assert.Null(read[1].Geometry);
        Assert.Null(read[1].Text("name"));
    }

    [Fact]
    public void ReadAreas_SkipsFeaturesThatAreNotPolygons_AndNamesUnnamedOnesByPosition()
    {
        var areas = Read($$"""[{"type":"Feature","properties":{"name":"p"},"geometry":{"type":"Point","coordinates":[121.4,31.2]} },{"type":"Feature","properties":{},"geometry":{{Square}}}]""");
        Assert.Equal("#2", areas.Single().Name);
    }

    [Fact]
    public void Line_DropsRepeatedPositions_AndRoundsToSixDecimals()
    {
        var line = GeoJson.Line([new GeoPoint(31.2300001, 121.4400004), new GeoPoint(31.2300004, 121.4400001), new GeoPoint(31.24, 121.45)]);
        Assert.Equal(2, line.NumPoints); // the first two are one position at 1e-6°
        Assert.Equal(121.44, line.Coordinates[0].X, 9);
        Assert.False(GeoJson.IsLine([new GeoPoint(31.23, 121.44), new GeoPoint(31.23, 121.44)]));
        Assert.True(GeoJson.IsLine([new GeoPoint(31.23, 121.44), new GeoPoint(31.23, 121.45)]));
        var text = GeoJson.Serialize(new GeoFeature(GeoJson.Point(new GeoPoint(31.123456789, 121.987654321)), new { }));
        Assert.Contains("[121.987654,31.123457]", text);
    }
}
