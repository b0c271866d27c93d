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

/// <summary>Reads the shared GeoJSON files with the app's own reader.</summary>
public static class SharedPolygons
{
    public static IReadOnlyDictionary<string, Geometry> Read(string path, string nameProperty, LegalServiceMap.Core.Geo.CoordinateSystem system = LegalServiceMap.Core.Geo.CoordinateSystem.Wgs84)
    {
        using var stream = File.OpenRead(path);
        return LegalServiceMap.Core.Geo.GeoJson.ReadAreas(stream, nameProperty, system).ToDictionary(a => a.Name, a => a.Geometry);
    }
}
