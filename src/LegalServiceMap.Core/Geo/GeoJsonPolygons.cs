using System.Text.Json;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Geo;

/// <summary>A named polygonal area read from GeoJSON, in WGS-84 (x = longitude, y = latitude).</summary>
public sealed record NamedArea(string Name, Geometry Geometry);

/// <summary>
/// Reads Polygon and MultiPolygon features from GeoJSON: a FeatureCollection, a single Feature, or a bare array of
/// Features (as some Chinese boundary sources publish). Coordinates given in GCJ-02 are converted to WGS-84 when
/// asked. Pure; thread-safe.
/// </summary>
public static class GeoJsonPolygons
{
    private static readonly GeometryFactory Factory = new();

    /// <exception cref="FormatException">The text is not GeoJSON with polygon features.</exception>
    public static IReadOnlyList<NamedArea> Read(Stream json, string nameProperty = "name", CoordinateSystem system = CoordinateSystem.Wgs84)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Not valid JSON: " + ex.Message, ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            IEnumerable<JsonElement> features = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray(),
                JsonValueKind.Object when Type(root) == "FeatureCollection" && root.TryGetProperty("features", out var f) => f.EnumerateArray(),
                JsonValueKind.Object when Type(root) == "Feature" => [root],
                _ => throw new FormatException("Expected a FeatureCollection, a Feature or an array of Features."),
            };
            var result = new List<NamedArea>();
            var index = 0;
            foreach (var feature in features)
            {
                index++;
                if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object) continue;
                var geometry = ToGeometry(g, system);
                if (geometry is null) continue;
                var name = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                    && p.TryGetProperty(nameProperty, out var n) ? n.ToString() : $"#{index}";
                result.Add(new NamedArea(name, geometry));
            }
            if (result.Count == 0)
            {
                throw new FormatException("No Polygon or MultiPolygon features found.");
            }
            return result;
        }
    }

    private static string? Type(JsonElement e) => e.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static Geometry? ToGeometry(JsonElement g, CoordinateSystem system)
    {
        try
        {
            var coords = g.GetProperty("coordinates");
            return Type(g) switch
            {
                "Polygon" => Polygon(coords, system),
                "MultiPolygon" => Factory.CreateMultiPolygon(coords.EnumerateArray().Select(c => Polygon(c, system)).ToArray()),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException)
        {
            throw new FormatException("Malformed polygon coordinates: " + ex.Message, ex);
        }
    }

    private static Polygon Polygon(JsonElement rings, CoordinateSystem system)
    {
        var all = rings.EnumerateArray().Select(r => Factory.CreateLinearRing(
            r.EnumerateArray().Select(c => ToWgs(c[0].GetDouble(), c[1].GetDouble(), system)).ToArray())).ToArray();
        return Factory.CreatePolygon(all[0], all[1..]);
    }

    private static Coordinate ToWgs(double lng, double lat, CoordinateSystem system)
    {
        var p = ChinaCoordinates.Convert(new GeoPoint(lat, lng), system, CoordinateSystem.Wgs84);
        return new Coordinate(p.Longitude, p.Latitude);
    }

    /// <summary>Writes a polygonal geometry as a GeoJSON geometry object (coordinates rounded to 1e-6°, about 10 cm).</summary>
    public static void WriteGeometry(Utf8JsonWriter w, Geometry geometry)
    {
        w.WriteStartObject();
        switch (geometry)
        {
            case Polygon p:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                WritePolygon(w, p);
                break;
            case MultiPolygon m:
                w.WriteString("type", "MultiPolygon");
                w.WritePropertyName("coordinates");
                w.WriteStartArray();
                for (var i = 0; i < m.NumGeometries; i++) WritePolygon(w, (Polygon)m.GetGeometryN(i));
                w.WriteEndArray();
                break;
            default:
                w.WriteString("type", "MultiPolygon");
                w.WritePropertyName("coordinates");
                w.WriteStartArray();
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter w, Polygon p)
    {
        w.WriteStartArray();
        WriteRing(w, p.ExteriorRing);
        foreach (var hole in p.InteriorRings) WriteRing(w, hole);
        w.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter w, LineString ring)
    {
        w.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Math.Round(c.X, 6));
            w.WriteNumberValue(Math.Round(c.Y, 6));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
