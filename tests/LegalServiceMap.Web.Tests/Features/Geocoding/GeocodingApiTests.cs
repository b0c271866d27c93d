using System.Net;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Geocoding;

public sealed class GeocodingApiTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly (double X, double Y) Centre = LocalProjection.Shanghai.Project(new GeoPoint(31.2300, 121.4600));

    private static GeoPoint At(double east, double north) => LocalProjection.Shanghai.Unproject(Centre.X + east, Centre.Y + north);

    public async Task InitializeAsync()
    {
        // Two made-up streets crossing, with numbers on the east-west one, imported as an OSM import would be.
        var b = new WalkingNetworkBuilder();
        b.AddSegment(1, At(0, 0), 2, At(1000, 0));
        b.AddSegment(3, At(500, -500), 4, At(500, 500));
        var roads = new RoadSet(
            [new Road("新闸路", null, [[At(0, 0), At(500, 0), At(1000, 0)]]), new Road("泰兴路", null, [[At(500, -500), At(500, 0), At(500, 500)]])],
            [new AddressPoint("新闸路", "601", At(100, 10)), new AddressPoint("新闸路", "701", At(900, 10))]);
        await factory.Services.GetRequiredService<SpatialStore>().SaveNetworkAsync(b.Build(), roads, "test");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> Get(string url) => JsonDocument.Parse(await _client.GetStringAsync(url)).RootElement;

    [Fact]
    public async Task Geocode_NumberOnAKnownRoad_IsInterpolated()
    {
        var json = await Get("/api/geocode?q=" + Uri.EscapeDataString("新闸路651号") + "&lang=zh");
        var first = json.GetProperty("results")[0];
        Assert.Equal("interpolated-number", first.GetProperty("matchType").GetString());
        var at = new GeoPoint(first.GetProperty("lat").GetDouble(), first.GetProperty("lng").GetDouble());
        Assert.True(at.DistanceTo(At(500, 0)) < 1);
        Assert.Equal("651", first.GetProperty("components").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Geocode_EnglishIntersection_IsFound()
    {
        var json = await Get("/api/geocode?q=" + Uri.EscapeDataString("Xinzha Road & Taixing Road") + "&lang=en");
        var first = json.GetProperty("results")[0];
        Assert.Equal("intersection", first.GetProperty("matchType").GetString());
        Assert.Equal("Xinzha Road & Taixing Road", first.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Geocode_StationName_FindsTheStation()
    {
        var json = await Get("/api/geocode?q=" + Uri.EscapeDataString("临汾路街道司法所"));
        Assert.Equal("judicial-office-linfenlu", json.GetProperty("results")[0].GetProperty("stationId").GetString());
    }

    [Fact]
    public async Task Geocode_Garbage_IsAnEmptyResultNotAnError()
    {
        var json = await Get("/api/geocode?q=" + Uri.EscapeDataString("@@@ ###"));
        Assert.Equal(0, json.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/geocode", "q")]
    [InlineData("/api/geocode?q=%20%20", "q")]
    [InlineData("/api/geocode?q=a&limit=0", "limit")]
    [InlineData("/api/geocode?q=a&limit=21", "limit")]
    [InlineData("/api/geocode?q=a&lang=ru", "lang")]
    [InlineData("/api/reverse?lat=31.2", "lng")]
    [InlineData("/api/reverse?lat=x&lng=121.4", "lat")]
    [InlineData("/api/reverse?lat=31.2&lng=121.4&coord=osgb", "coord")]
    public async Task BadInput_Returns400ProblemJson(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Geocode_OverlongQuery_Returns400()
    {
        var response = await _client.GetAsync("/api/geocode?q=" + new string('路', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Reverse_GivesTheNearestRoadInBothLanguages()
    {
        var p = At(880, 25);
        var zh = await Get(FormattableString.Invariant($"/api/reverse?lat={p.Latitude}&lng={p.Longitude}&lang=zh"));
        Assert.Equal("新闸路", zh.GetProperty("road").GetString());
        Assert.Equal("701", zh.GetProperty("estimatedNumber").GetString());
        Assert.Equal("新闸路701号", zh.GetProperty("label").GetString());
        var en = await Get(FormattableString.Invariant($"/api/reverse?lat={p.Latitude}&lng={p.Longitude}&lang=en"));
        Assert.Equal("Xinzha Road", en.GetProperty("road").GetString());
        Assert.Equal("701 Xinzha Road", en.GetProperty("label").GetString());
    }
}
