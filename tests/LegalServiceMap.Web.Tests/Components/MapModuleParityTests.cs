using System.Diagnostics;
using System.Text.Json;
using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Web.Tests.Components;

/// <summary>The map module's own WGS-84 ↔ GCJ-02 conversion (for Chinese tiles) agrees with Core's, run in Node.</summary>
public sealed class MapModuleParityTests
{
    private static string MapModule
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LegalServiceMap.sln"))) return Path.Combine(dir.FullName, "wwwroot", "js", "map.js");
            }
            throw new FileNotFoundException("wwwroot/js/map.js not found above the test binaries");
        }
    }

    [Fact]
    public async Task MapJs_ConvertsLikeChinaCoordinates_ToWithin1e9Degrees()
    {
        // A grid over Jing'an and Shanghai, plus points outside China that both must pass through unchanged.
        var points = new List<GeoPoint>();
        for (var lat = 31.10; lat <= 31.40; lat += 0.03)
        for (var lng = 121.30; lng <= 121.60; lng += 0.03)
            points.Add(new GeoPoint(lat, lng));
        points.AddRange([new GeoPoint(51.5, -0.12), new GeoPoint(35.68, 139.77), new GeoPoint(1.35, 103.82)]);

        var script = $$"""
            import { wgsToGcj, gcjToWgs } from '{{new Uri(MapModule).AbsoluteUri}}';
            const points = JSON.parse(process.argv[1]);
            console.log(JSON.stringify(points.map(([lat, lng]) => [wgsToGcj(lat, lng), gcjToWgs(lat, lng)])));
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--input-type=module", "-e", script, JsonSerializer.Serialize(points.Select(p => new[] { p.Latitude, p.Longitude })) })
            start.ArgumentList.Add(a);
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());

        var results = JsonSerializer.Deserialize<double[][][]>(output)!;
        Assert.Equal(points.Count, results.Length);
        for (var i = 0; i < points.Count; i++)
        {
            var gcj = ChinaCoordinates.WgsToGcj(points[i]);
            var wgs = ChinaCoordinates.GcjToWgs(points[i]);
            var at = points[i].ToString();
            Assert.True(Math.Abs(gcj.Latitude - results[i][0][0]) < 1e-9 && Math.Abs(gcj.Longitude - results[i][0][1]) < 1e-9, $"wgsToGcj at {at}");
            Assert.True(Math.Abs(wgs.Latitude - results[i][1][0]) < 1e-9 && Math.Abs(wgs.Longitude - results[i][1][1]) < 1e-9, $"gcjToWgs at {at}");
        }
        Assert.Equal(51.5, results[^3][0][0]); // outside China: unchanged
        Assert.NotEqual(points[0].Latitude, results[0][0][0]); // inside: shifted
    }
}
