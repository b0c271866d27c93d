using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Tests.Stations;

/// <summary>Checks the seed's locations against the real district and street/town polygons in ../shared/data.</summary>
public class SeedLocationTests
{
    private static readonly GeometryFactory Factory = new();

    private static IReadOnlyList<Station> Located()
    {
        using var stream = File.OpenRead(RepoPaths.StationsSeed);
        return StationSeedFile.Read(stream).Stations.Where(s => s.Location is not null).ToList();
    }

    [SkippableFact]
    public void EveryLocatedStation_LiesInsideItsStatedStreetOrTown()
    {
        RepoPaths.RequireSharedData();
        var streets = SharedPolygons.Read(
            Path.Combine(RepoPaths.SharedData, "chenyifei142__openlayers-vue3-demo", "jingan_streets_wgs84.geojson"), "NAME");
        Assert.Equal(StreetTown.All.Count, streets.Count);
        foreach (var s in Located())
        {
            var polygon = streets[s.StreetTown!.NameZh];
            var p = Factory.CreatePoint(new Coordinate(s.Longitude!.Value, s.Latitude!.Value));
            Assert.True(polygon.Contains(p), $"{s.Id} is not inside {s.StreetTown.NameZh}");
            foreach (var (name, other) in streets.Where(kv => kv.Key != s.StreetTown.NameZh))
            {
                Assert.False(other.Contains(p), $"{s.Id} also lies in {name}");
            }
        }
    }

    [SkippableFact]
    public void EveryLocatedStation_LiesInsideTheDistrictOutline_AfterConversionToGcj02()
    {
        RepoPaths.RequireSharedData();
        // The DataV outline is in GCJ-02: compare in that system.
        var outline = SharedPolygons.Read(Path.Combine(RepoPaths.SharedData, "tnnevol__gmap", "310106.json"), "name")["静安区"];
        foreach (var s in Located())
        {
            var gcj = ChinaCoordinates.WgsToGcj(s.Location!.Value);
            Assert.True(outline.Contains(Factory.CreatePoint(new Coordinate(gcj.Longitude, gcj.Latitude))), s.Id);
        }
    }
}
