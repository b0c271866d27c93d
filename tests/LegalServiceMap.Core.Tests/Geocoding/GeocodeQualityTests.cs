using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace LegalServiceMap.Core.Tests.Geocoding;

public class GeocodeQualityTests(ITestOutputHelper output)
{
    public static string LabelledSet => Path.Combine(AppContext.BaseDirectory, "Geocoding", "Fixtures", "labelled-intersections.csv");

    [SkippableFact]
    public void LabelledIntersections_OnTheRealExtract_AreFoundWithinAFewMetres()
    {
        RepoPaths.RequireSharedData();
        OsmImport import;
        using (var osm = File.OpenRead(Path.Combine(RepoPaths.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm")))
        {
            import = OsmImporter.ImportAll(osm, OsmFormat.Xml);
        }
        using var pinyin = File.OpenText(Path.Combine(RepoPaths.Root, "data", "generated", "pinyin.tsv"));
        var english = EnglishRoadNames.FromTable(pinyin);
        var geocoder = new Geocoder(new GazetteerData { Roads = import.Roads, EnglishRoadName = english.Translate });
        using var csv = File.OpenText(LabelledSet);
        var set = GeocodeQuality.ReadCsv(csv);
        Assert.Equal(45, set.Count);

        var report = GeocodeQuality.Evaluate(geocoder, set);
        output.WriteLine(report.ToString());
        foreach (var form in set.Select(s => s.Form).Distinct())
        {
            var subset = GeocodeQuality.Evaluate(geocoder, set.Where(s => s.Form == form).ToList());
            output.WriteLine($"  {form}: {subset}");
        }
        foreach (var (q, best, error) in report.Details.Where(d => d.ErrorMetres is null or > GeocodeQuality.MatchRadiusMetres))
        {
            output.WriteLine($"  miss: {q.Query} → {best?.Label ?? "nothing"} ({error:0} m)");
        }
        Assert.True(report.MatchRate >= 0.9, report.ToString());
        Assert.True(report.P90ErrorMetres <= 25, report.ToString());
    }
}
