using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LegalServiceMap.Core.Geo;

/// <summary>A named polygonal area read from GeoJSON, in WGS-84 (x = longitude, y = latitude).</summary>
public sealed record NamedArea(string Name, Geometry Geometry);

/// <summary>
/// A GeoJSON Feature (RFC 7946) as we write it: a WGS-84 geometry (x = longitude, y = latitude) or null when the thing
/// has no place yet, and properties, any object, written by its runtime type.
/// </summary>
public sealed record GeoFeature(
    Geometry? Geometry,
    [property: JsonPropertyOrder(3)] object Properties,
    [property: JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null)
{
    [JsonPropertyOrder(0)]
    public string Type => "Feature";

    /// <summary>The geometry with its coordinates rounded to <see cref="GeoJson.Factory"/>'s precision (1e-6°, RFC 7946 §11.2).</summary>
    [JsonPropertyOrder(2)]
    public Geometry? Geometry { get; init; } = GeoJson.Rounded(Geometry);
}

/// <summary>A FeatureCollection; <see cref="Members"/> are its foreign members (method, minutes, …), keys as written.</summary>
public sealed record GeoFeatureCollection([property: JsonPropertyOrder(1)] IReadOnlyList<GeoFeature> Features)
{
    [JsonPropertyOrder(0)]
    public string Type => "FeatureCollection";

    [JsonExtensionData]
    public Dictionary<string, object?>? Members { get; init; }
}

/// <summary>A feature as read from a file: its id, geometry in WGS-84 (null when absent) and properties as JSON.</summary>
public sealed record GeoFeatureIn(string? Id, Geometry? Geometry, IReadOnlyDictionary<string, JsonElement> Properties)
{
    /// <summary>A property as text (strings as they are, numbers and booleans as JSON writes them); null when absent or null.</summary>
    public string? Text(string name) =>
        Properties.TryGetValue(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => v.GetString(),
            _ => v.GetRawText(),
        } : null;
}

/// <summary>
/// The one GeoJSON module: geometries through NetTopologySuite.IO.GeoJSON4STJ, our feature shapes through
/// <see cref="GeoFeature"/> and <see cref="GeoFeatureCollection"/>, and one reader for every import (boundaries, station
/// files). Coordinates are written to 6 decimals (about 10 cm, RFC 7946 §11.2). Pure; thread-safe.
/// </summary>
public static class GeoJson
{
    /// <summary>WGS-84 (SRID 4326) with coordinates kept to 1e-6° (about 10 cm: RFC 7946 §11.2's advice, and what a map shows).</summary>
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(1e6), 4326);

    /// <summary>The geometry converter; add it to any <see cref="JsonSerializerOptions"/> that writes our features.</summary>
    public static JsonConverterFactory Converter { get; } = new GeoJsonConverterFactory(Factory);

    /// <summary>Web defaults (camelCase) with the geometry converter.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { Converter } };

    /// <summary>A copy with every coordinate rounded to the factory's precision; the converter writes coordinates as they are.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(geometry))]
    public static Geometry? Rounded(Geometry? geometry)
    {
        if (geometry is null) return null;
        var copy = geometry.Copy();
        copy.Apply(new RoundingFilter(Factory.PrecisionModel));
        copy.GeometryChanged();
        return copy;
    }

    public static Point Point(GeoPoint p) => Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude));

    /// <summary>A line through the path, without repeated positions (at the factory's precision); see <see cref="IsLine"/>.</summary>
    public static LineString Line(IEnumerable<GeoPoint> path) =>
        Positions(path) is { Count: >= 2 } positions
            ? Factory.CreateLineString(positions.ToArray())
            : throw new ArgumentException("A line needs two distinct positions (RFC 7946 §3.1.4).", nameof(path));

    /// <summary>Whether a path draws a line at all: two or more distinct positions.</summary>
    public static bool IsLine(IEnumerable<GeoPoint> path) => Positions(path).Count >= 2;

    private static List<Coordinate> Positions(IEnumerable<GeoPoint> path)
    {
        var positions = new List<Coordinate>();
        foreach (var p in path)
        {
            var c = new Coordinate(Factory.PrecisionModel.MakePrecise(p.Longitude), Factory.PrecisionModel.MakePrecise(p.Latitude));
            if (positions.Count == 0 || !positions[^1].Equals2D(c)) positions.Add(c);
        }
        return positions;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static Task WriteAsync<T>(Stream stream, T value, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(stream, value, Options, ct);

    /// <summary>
    /// Reads the features of a FeatureCollection, a single Feature, or a bare array of Features (as some Chinese boundary
    /// sources publish). Coordinates given in <paramref name="system"/> are converted to WGS-84.
    /// </summary>
    /// <exception cref="FormatException">Not JSON, not features, or a malformed geometry.</exception>
    public static IReadOnlyList<GeoFeatureIn> Read(Stream json, CoordinateSystem system = CoordinateSystem.Wgs84)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
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
                JsonValueKind.Object when TypeOf(root) == "FeatureCollection" && root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array
                    => f.EnumerateArray(),
                JsonValueKind.Object when TypeOf(root) == "Feature" => [root],
                _ => throw new FormatException("Expected a FeatureCollection, a Feature or an array of Features."),
            };
            return features.Where(f => f.ValueKind == JsonValueKind.Object).Select(f => ReadFeature(f, system)).ToList();
        }
    }

    /// <summary>
    /// The Polygon and MultiPolygon features of a file as named areas (the name from <paramref name="nameProperty"/>,
    /// else "#n" by position); other features are skipped.
    /// </summary>
    /// <exception cref="FormatException">Not GeoJSON, or no polygon feature in it.</exception>
    public static IReadOnlyList<NamedArea> ReadAreas(Stream json, string nameProperty = "name", CoordinateSystem system = CoordinateSystem.Wgs84) =>
        Areas(Read(json, system), nameProperty);

    /// <summary>The Polygon and MultiPolygon features of features already read, as in <see cref="ReadAreas"/>.</summary>
    /// <exception cref="FormatException">No polygon feature among them.</exception>
    public static IReadOnlyList<NamedArea> Areas(IReadOnlyList<GeoFeatureIn> features, string nameProperty = "name")
    {
        var areas = features
            .Select((f, i) => f.Geometry is Polygon or MultiPolygon ? new NamedArea(f.Text(nameProperty) ?? $"#{i + 1}", f.Geometry) : null)
            .OfType<NamedArea>().ToList();
        return areas.Count > 0 ? areas : throw new FormatException("No Polygon or MultiPolygon features found.");
    }

    private static GeoFeatureIn ReadFeature(JsonElement f, CoordinateSystem system)
    {
        var id = f.TryGetProperty("id", out var i) && i.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText()) : null;
        var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in p.EnumerateObject()) properties.TryAdd(property.Name, property.Value.Clone());
        }
        Geometry? geometry = null;
        if (f.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
        {
            try
            {
                geometry = g.Deserialize<Geometry>(Options);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
            {
                throw new FormatException("Malformed geometry: " + ex.Message, ex);
            }
            if (geometry is not null && system != CoordinateSystem.Wgs84) geometry = ToWgs84(geometry, system);
        }
        return new GeoFeatureIn(id, geometry, properties);
    }

    private static string? TypeOf(JsonElement e) =>
        e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static Geometry ToWgs84(Geometry geometry, CoordinateSystem system)
    {
        var copy = geometry.Copy();
        copy.Apply(new ToWgs84Filter(system));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class RoundingFilter(PrecisionModel precision) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, precision.MakePrecise(seq.GetX(i)));
            seq.SetY(i, precision.MakePrecise(seq.GetY(i)));
        }
    }

    private sealed class ToWgs84Filter(CoordinateSystem system) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var p = ChinaCoordinates.Convert(new GeoPoint(seq.GetY(i), seq.GetX(i)), system, CoordinateSystem.Wgs84);
            seq.SetX(i, p.Longitude);
            seq.SetY(i, p.Latitude);
        }
    }
}
