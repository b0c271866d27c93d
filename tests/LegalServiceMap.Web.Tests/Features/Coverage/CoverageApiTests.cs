using System.Net;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Web.Tests.Features.Coverage;

public sealed class CoverageApiNoBoundaryTests
{
    [Fact]
    public async Task Coverage_OnAFreshInstall_UsesTheShippedApproximateOutline()
    {
        using var app = new AppFactory();
        var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/coverage?lang=en")).RootElement;
        Assert.Equal("outline", json.GetProperty("district").GetString());
        // The ODbL outline of data/jingan-outline.geojson: about 36.5 km² (the district is 36.9 km²).
        Assert.InRange(json.GetProperty("districtKm2").GetDouble(), 35.0, 38.0);
        var types = json.GetProperty("types").EnumerateArray().ToList();
        Assert.Contains(types, t => t.GetProperty("share").GetDouble() > 0);
        Assert.All(types, t => Assert.InRange(t.GetProperty("share").GetDouble(), 0, 1));
        Assert.All(types, t => Assert.Empty(t.GetProperty("streets").EnumerateArray())); // streets/towns stay an import

        // "Is this point in Jing'an": yes for the 静安寺 area, no for the Bund (Huangpu), with the outline's tolerance.
        var boundaries = app.Services.GetRequiredService<SpatialState>().Current.Boundaries;
        Assert.True(boundaries.IsOutline);
        Assert.True(boundaries.Contains(new GeoPoint(31.2235, 121.4452)));
        Assert.False(boundaries.Contains(new GeoPoint(31.2400, 121.4900)));
    }

    [Fact]
    public async Task Coverage_WithNeitherOutlineNorBoundary_Returns409ProblemJson()
    {
        using var app = new AppFactory { Settings = { ["Boundaries:OutlineFile"] = "" } };
        var response = await app.CreateClient().GetAsync("/api/coverage?lang=en");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No district boundary", await response.Content.ReadAsStringAsync());
    }
}

public sealed class CoverageApiTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public async Task InitializeAsync()
    {
        // Two made-up halves of a 4 km × 4 km square around the Beizhan street point.
        var f = new GeometryFactory();
        var (cx, cy) = LocalProjection.Shanghai.Project(new GeoPoint(31.248121, 121.467748));
        Polygon Box(double w, double s, double e, double n)
        {
            Coordinate C(double x, double y) { var p = LocalProjection.Shanghai.Unproject(cx + x, cy + y); return new(p.Longitude, p.Latitude); }
            return f.CreatePolygon([C(w, s), C(e, s), C(e, n), C(w, n), C(w, s)]);
        }
        await factory.Services.GetRequiredService<SpatialStore>().ImportBoundariesAsync([new NamedArea("北站街道", Box(-2000, -2000, 0, 2000)), new NamedArea("宝山路街道", Box(0, -2000, 2000, 2000))], "street");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Coverage_GivesEveryTypeWithSharesPerStreet()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/coverage?minutes=15&lang=en")).RootElement;
        Assert.Equal("circle", json.GetProperty("method").GetString());
        Assert.Equal(16.0, json.GetProperty("districtKm2").GetDouble(), 0.2);
        Assert.Equal("imported", json.GetProperty("district").GetString()); // the import replaced the shipped outline
        var types = json.GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(LegalServiceMap.Core.Stations.StationTypes.All.Count, types.Count);
        var judicial = types.Single(t => t.GetProperty("type").GetString() == "judicial-office");
        // Five judicial-office points lie in the square (Beizhan, Baoshan Road, West Zhijiang Road, West Tianmu Road,
        // Shimen Road No. 2), each covering a 962 m circle (2.9 km²) that overlap and reach past the edges.
        Assert.InRange(judicial.GetProperty("share").GetDouble(), 0.45, 0.85);
        Assert.Equal(2, judicial.GetProperty("streets").GetArrayLength());
        var notary = types.Single(t => t.GetProperty("type").GetString() == "notary");
        Assert.Equal(0, notary.GetProperty("share").GetDouble());
        Assert.Equal(0, notary.GetProperty("stationsUsed").GetInt32());
    }

    [Fact]
    public async Task Coverage_LongerWalk_CoversMore()
    {
        double Share(JsonElement j) => j.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "judicial-office").GetProperty("share").GetDouble();
        var short5 = JsonDocument.Parse(await _client.GetStringAsync("/api/coverage?minutes=5")).RootElement;
        var long30 = JsonDocument.Parse(await _client.GetStringAsync("/api/coverage?minutes=30")).RootElement;
        Assert.True(Share(long30) > Share(short5));
    }

    [Fact]
    public async Task Uncovered_IsGeoJsonOfTheGaps()
    {
        var response = await _client.GetAsync("/api/coverage/uncovered?type=judicial-office&minutes=15");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("gap", json.GetProperty("style").GetString());
        var geometry = json.GetProperty("features")[0].GetProperty("geometry");
        Assert.Contains(geometry.GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task Isochrone_TellsWhetherTheOriginIsInTheImportedDistrict()
    {
        var inside = JsonDocument.Parse(await _client.GetStringAsync("/api/isochrone?lat=31.248121&lng=121.467748")).RootElement;
        Assert.True(inside.GetProperty("inDistrict").GetBoolean());
        var outside = JsonDocument.Parse(await _client.GetStringAsync("/api/isochrone?lat=31.10&lng=121.30")).RootElement;
        Assert.False(outside.GetProperty("inDistrict").GetBoolean());
    }

    [Theory]
    [InlineData("/api/coverage?minutes=0", "minutes")]
    [InlineData("/api/coverage?minutes=abc", "minutes")]
    [InlineData("/api/coverage?speed=warp", "speed")]
    [InlineData("/api/coverage?lang=fr", "lang")]
    [InlineData("/api/coverage/uncovered", "type")]
    [InlineData("/api/coverage/uncovered?type=spaceport", "type")]
    [InlineData("/api/coverage/uncovered?type=notary&minutes=1000", "minutes")]
    public async Task Coverage_BadParameters_Return400(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
