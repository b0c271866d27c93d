using System.Net;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Tests.Infrastructure;

namespace LegalServiceMap.Web.Tests.Features.Geocoding;

public sealed class CoordsApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Coords_WgsToGcj_MatchesTheCoreConversion()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/coords?lat=31.1774276&lng=121.5272106&from=wgs84&to=gcj02")).RootElement;
        Assert.Equal(31.17530398364597, json.GetProperty("lat").GetDouble(), 1e-7);
        Assert.Equal(121.531541859215, json.GetProperty("lng").GetDouble(), 1e-7);
        Assert.True(json.GetProperty("inChina").GetBoolean());
    }

    [Fact]
    public async Task Coords_Bd09ToWgs84AndBack_RoundTrips()
    {
        var bd = JsonDocument.Parse(await _client.GetStringAsync("/api/coords?lat=31.2286&lng=121.452&from=wgs84&to=bd09")).RootElement;
        var back = JsonDocument.Parse(await _client.GetStringAsync(
            $"/api/coords?lat={bd.GetProperty("lat").GetDouble():R}&lng={bd.GetProperty("lng").GetDouble():R}&from=bd09&to=wgs84")).RootElement;
        Assert.True(new GeoPoint(back.GetProperty("lat").GetDouble(), back.GetProperty("lng").GetDouble()).DistanceTo(new GeoPoint(31.2286, 121.452)) < 0.01);
    }

    [Theory]
    [InlineData("/api/coords?lat=31&lng=121&from=wgs84", "to")]
    [InlineData("/api/coords?lat=31&lng=121&from=mars&to=wgs84", "from")]
    [InlineData("/api/coords?lat=91&lng=121&from=wgs84&to=gcj02", "lat")]
    [InlineData("/api/coords?lat=31&lng=abc&from=wgs84&to=gcj02", "lng")]
    [InlineData("/api/stations/nearest?lat=31&lng=121.4&coord=utm", "coord")]
    public async Task Coords_BadInput_Returns400(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Nearest_WithAGcj02Origin_GivesTheSameAnswerAsItsWgs84Point()
    {
        var wgs = new GeoPoint(31.2481, 121.4677);
        var gcj = ChinaCoordinates.WgsToGcj(wgs);
        var a = JsonDocument.Parse(await _client.GetStringAsync($"/api/stations/nearest?lat={wgs.Latitude:R}&lng={wgs.Longitude:R}&k=1")).RootElement;
        var b = JsonDocument.Parse(await _client.GetStringAsync($"/api/stations/nearest?lat={gcj.Latitude:R}&lng={gcj.Longitude:R}&k=1&coord=gcj02")).RootElement;
        double Distance(JsonElement j) => j.GetProperty("features")[0].GetProperty("properties").GetProperty("distanceMetres").GetDouble();
        Assert.Equal(Distance(a), Distance(b), 0.2);
    }
}
