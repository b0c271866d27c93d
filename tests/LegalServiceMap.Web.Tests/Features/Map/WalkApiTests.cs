using System.Net;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Map;

/// <summary>With no network imported (a fresh clone) walking areas are approximate circles.</summary>
public sealed class IsochroneApiCircleTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The next ordinary (not a statutory day off, not a make-up working day) date on that weekday, from tomorrow.</summary>
    private string Next(DayOfWeek day)
    {
        var calendar = factory.Services.GetRequiredService<LegalServiceMap.Core.Stations.HolidayCalendar>();
        return ShippedData.NextOrdinary(day, d => calendar.HolidayOn(d) is not null || calendar.IsMakeUpWorkday(d)).ToString("yyyy-MM-dd");
    }

    private async Task<JsonElement> Station(string query, string id)
    {
        var response = await _client.GetAsync("/api/isochrone?lat=31.226107&lng=121.453181&minutes=15&lang=en&" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.TryGetProperty("id", out var i) && i.GetString() == id).GetProperty("properties").Clone();
    }

    [Fact]
    public async Task Isochrone_WithADeparture_SaysForEachStationWhetherItIsOpenOnArrival()
    {
        // The 二大 memorial: Tue–Sun 09:00–16:30 (S30), at the same street point as the origin.
        var wednesday = Next(DayOfWeek.Wednesday);
        var open = await Station($"depart={wednesday}T10:00", "culture-second-congress");
        Assert.True(open.GetProperty("openOnArrival").GetBoolean());
        Assert.Equal("open", open.GetProperty("arrivalReason").GetString());
        Assert.StartsWith($"{wednesday}T10:0", open.GetProperty("arrival").GetString());
        Assert.StartsWith("Open when you arrive", open.GetProperty("arrivalNote").GetString());

        var late = await Station($"depart={wednesday}T16:40", "culture-second-congress");
        Assert.False(late.GetProperty("openOnArrival").GetBoolean());
        Assert.Equal("closes-before-arrival", late.GetProperty("arrivalReason").GetString());

        // With an offset (the + arrives as a space when not encoded) and on a Monday: closed that day.
        var monday = await Station($"depart={Next(DayOfWeek.Monday)}T02:00+00:00".Replace("+", " "), "culture-second-congress");
        Assert.Equal(("closed-that-day", "rest-day"), (monday.GetProperty("arrivalReason").GetString(), monday.GetProperty("closedBecause").GetString()));

        var unknown = await Station($"depart={wednesday}T10:00", "workstation-plaza-66");
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("openOnArrival").ValueKind);
        Assert.Equal("hours-unknown", unknown.GetProperty("arrivalReason").GetString());

        // Without depart, the answer is as before: no arrival fields.
        Assert.False((await Station("", "culture-second-congress")).TryGetProperty("arrival", out _));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-13-40T10:00")]
    [InlineData("2099-01-01T10:00")]
    [InlineData("2020-01-01T10:00")]
    public async Task Isochrone_WithABadOrFarDeparture_Is400ProblemJson_NamingDepart(string depart)
    {
        var response = await _client.GetAsync("/api/isochrone?lat=31.226107&lng=121.453181&lang=en&depart=" + Uri.EscapeDataString(depart));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("depart", out var messages), errors.ToString());
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains("2026-12-02T09:30") || m.GetString()!.Contains("one year"));
    }

    [Fact]
    public async Task Isochrone_NoNetwork_IsAnApproximateCircleWithStationsInside()
    {
        // The Beizhan street point; 15 min at 5 km/h ÷ 1.3 = 962 m radius.
        var response = await _client.GetAsync("/api/isochrone?lat=31.248121&lng=121.467748&minutes=15");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("circle", json.GetProperty("method").GetString());
        Assert.True(json.GetProperty("approximate").GetBoolean());
        Assert.True(json.GetProperty("inDistrict").GetBoolean()); // by the shipped outline (no boundary imported here)
        var features = json.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal("area", features[0].GetProperty("properties").GetProperty("kind").GetString());
        Assert.Equal("Polygon", features[0].GetProperty("geometry").GetProperty("type").GetString());
        var stations = features.Skip(1).Select(f => f.GetProperty("properties").GetProperty("id").GetString()).ToList();
        Assert.Contains("judicial-office-beizhan", stations);
        Assert.DoesNotContain("judicial-office-linfenlu", stations); // 7 km north
    }

    [Fact]
    public async Task Isochrone_ElderPace_ReachesLessFar()
    {
        async Task<int> CountAsync(string speed)
        {
            var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/isochrone?lat=31.2413&lng=121.4612&minutes=20&speed={speed}")).RootElement;
            return json.GetProperty("features").GetArrayLength() - 1;
        }
        Assert.True(await CountAsync("elder") < await CountAsync("normal"));
    }

    [Fact]
    public async Task Isochrone_Gcj02Origin_IsConvertedToWgs84()
    {
        var wgs = new GeoPoint(31.2481, 121.4677);
        var gcj = ChinaCoordinates.WgsToGcj(wgs);
        var json = JsonDocument.Parse(await _client.GetStringAsync(
            $"/api/isochrone?lat={gcj.Latitude:R}&lng={gcj.Longitude:R}&coord=gcj02")).RootElement;
        var origin = json.GetProperty("origin");
        Assert.True(new GeoPoint(origin[1].GetDouble(), origin[0].GetDouble()).DistanceTo(wgs) < 0.05);
    }

    [Theory]
    [InlineData("/api/isochrone?lng=121.45", "lat")]
    [InlineData("/api/isochrone?lat=x&lng=121.45", "lat")]
    [InlineData("/api/isochrone?lat=31.2&lng=NaN", "lng")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&minutes=0", "minutes")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&minutes=61", "minutes")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&minutes=ten", "minutes")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&speed=fast", "speed")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&speed=25", "speed")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&coord=utm", "coord")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&type=spaceport", "type")]
    [InlineData("/api/isochrone?lat=31.2&lng=121.45&lang=de", "lang")]
    public async Task Isochrone_BadParameters_Return400ProblemJson(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out _));
    }
}

/// <summary>With a network imported, walking areas follow it, and points off it are refused.</summary>
public sealed class IsochroneApiNetworkTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public async Task InitializeAsync()
    {
        // A 2 km × 2 km grid of streets every 100 m around the Beizhan street point.
        var b = new WalkingNetworkBuilder();
        var projection = LocalProjection.Shanghai;
        var (cx, cy) = projection.Project(new GeoPoint(31.248121, 121.467748));
        GeoPoint P(int i, int j) => projection.Unproject(cx + (i - 10) * 100, cy + (j - 10) * 100);
        for (var j = 0; j <= 20; j++)
        for (var i = 0; i <= 20; i++)
        {
            if (i < 20) b.AddSegment(j * 21 + i, P(i, j), j * 21 + i + 1, P(i + 1, j));
            if (j < 20) b.AddSegment(j * 21 + i, P(i, j), (j + 1) * 21 + i, P(i, j + 1));
        }
        await factory.Services.GetRequiredService<SpatialStore>().SaveNetworkAsync(b.Build(), LegalServiceMap.Core.Geocoding.RoadSet.Empty, "test-grid");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Isochrone_WithNetwork_FollowsTheStreetsAndGivesWalkingTimes()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/isochrone?lat=31.2485&lng=121.4680&minutes=10&lang=en")).RootElement;
        Assert.Equal("network", json.GetProperty("method").GetString());
        Assert.False(json.GetProperty("approximate").GetBoolean());
        var station = json.GetProperty("features").EnumerateArray().Skip(1)
            .Single(f => f.GetProperty("properties").GetProperty("id").GetString() == "judicial-office-beizhan");
        var minutes = station.GetProperty("properties").GetProperty("walkMinutes").GetDouble();
        Assert.InRange(minutes, 0.1, 10);
        Assert.Equal("Judicial Office of Beizhan Sub-district", station.GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Isochrone_OffTheNetwork_Returns400WithAClearMessage()
    {
        var response = await _client.GetAsync("/api/isochrone?lat=31.30&lng=121.40&lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("This point is not near a street we know.", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Network_SurvivesARestart()
    {
        // A new instance of the app on the same database: it loads what was imported.
        await using var restarted = TestDatabase.AppOn($"Data Source={factory.DatabasePath}");
        Assert.Null(restarted.GetRequiredService<WalkQueries>().Network);
        await restarted.GetRequiredService<SpatialStore>().LoadAllAsync();
        var network = restarted.GetRequiredService<WalkQueries>().Network;
        Assert.Equal("test-grid", network?.Source);
        Assert.Equal(21 * 21, network?.Nodes);
    }

    [Fact]
    public void Walk_IsComputedOncePerRequest_AndAgainWhenTheRequestOrTheNetworkChanges()
    {
        var service = factory.Services.GetRequiredService<WalkQueries>();
        var origin = new GeoPoint(31.2485, 121.4680);
        var first = service.Compute(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneRequest(origin, 10, 5));
        // The page and /api/isochrone ask with the same 7-decimal origin: the same walk, not a second computation.
        Assert.Same(first, service.Compute(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneRequest(new GeoPoint(31.24850001, 121.46800001), 10, 5)));
        Assert.NotSame(first, service.Compute(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneRequest(origin, 11, 5)));
        Assert.NotSame(first, service.Compute(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneRequest(origin, 10, 3.6)));
        Assert.NotSame(first, service.Compute(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneRequest(new GeoPoint(31.2486, 121.4680), 10, 5)));
    }

    [Fact]
    public async Task Walk_AfterANewNetwork_IsComputedOnTheNewNetwork()
    {
        using var app = new AppFactory();
        var service = app.Services.GetRequiredService<WalkQueries>();
        var request = new LegalServiceMap.Core.Spatial.Isochrones.IsochroneRequest(new GeoPoint(31.248121, 121.467748), 10, 5);
        Assert.Equal(LegalServiceMap.Core.Spatial.Isochrones.IsochroneMethod.Circle, service.Compute(request).Value!.Method);
        var b = new WalkingNetworkBuilder();
        var (cx, cy) = LocalProjection.Shanghai.Project(request.Origin);
        b.AddSegment(0, LocalProjection.Shanghai.Unproject(cx - 500, cy), 1, LocalProjection.Shanghai.Unproject(cx + 500, cy));
        for (var i = 1; i < 60; i++) b.AddSegment(i, LocalProjection.Shanghai.Unproject(cx + 500 + (i - 1) * 10, cy), i + 1, LocalProjection.Shanghai.Unproject(cx + 500 + i * 10, cy));
        await app.Services.GetRequiredService<SpatialStore>().SaveNetworkAsync(b.Build(), LegalServiceMap.Core.Geocoding.RoadSet.Empty, "line");
        Assert.Equal(LegalServiceMap.Core.Spatial.Isochrones.IsochroneMethod.Network, service.Compute(request).Value!.Method);
    }
}
