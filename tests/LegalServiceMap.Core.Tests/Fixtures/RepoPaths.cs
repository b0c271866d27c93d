using System.Text.Json;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Tests.Fixtures;

/// <summary>Locates the repository (for data/stations.json) and the shared reference data beside it (../shared/data).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string StationsSeed => Path.Combine(Root, "data", "stations.json");

    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>Skips a test only when ../shared is absent outside CI; in CI its absence is a failure.</summary>
    public static void RequireSharedData()
    {
        if (Directory.Exists(SharedData))
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Shared reference data not found at {SharedData}; CI must provide it.");
        }
        Skip.If(true, "../shared/data is not present on this machine");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LegalServiceMap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root (LegalServiceMap.sln) not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Reads polygons from the shared GeoJSON files into NTS geometries (degrees, planar).</summary>
public static class GeoJsonPolygons
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Features of a FeatureCollection or of a bare array of Features, with one string property as the key.</summary>
    public static IReadOnlyDictionary<string, Geometry> Read(string path, string nameProperty)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var features = doc.RootElement.ValueKind == JsonValueKind.Array
            ? doc.RootElement.EnumerateArray()
            : doc.RootElement.GetProperty("features").EnumerateArray();
        var result = new Dictionary<string, Geometry>();
        foreach (var f in features)
        {
            var name = f.GetProperty("properties").GetProperty(nameProperty).ToString();
            result[name] = ToGeometry(f.GetProperty("geometry"));
        }
        return result;
    }

    private static Geometry ToGeometry(JsonElement g)
    {
        var coords = g.GetProperty("coordinates");
        return g.GetProperty("type").GetString() switch
        {
            "Polygon" => Polygon(coords),
            "MultiPolygon" => Factory.CreateMultiPolygon(coords.EnumerateArray().Select(Polygon).ToArray()),
            var t => throw new NotSupportedException(t),
        };
    }

    private static Polygon Polygon(JsonElement rings)
    {
        var all = rings.EnumerateArray().Select(r => Factory.CreateLinearRing(
            r.EnumerateArray().Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray())).ToArray();
        return Factory.CreatePolygon(all[0], all[1..]);
    }
}
