using LegalServiceMap.Web.Features.Stations;
using System.Net;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Culture;

internal static class CultureJson
{
    public static HashSet<string> OnRoute() => ShippedData.CultureWalkStations();

    public static async Task<JsonElement> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static List<JsonElement> Kind(JsonElement json, string kind) =>
        json.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == kind).ToList();

    public static string? P(JsonElement f, string name) => f.GetProperty("properties").GetProperty(name).ToString();
}

/// <summary>The culture map with no street network imported: legs are estimates and the route says so.</summary>
public sealed class CultureApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Culture_ListsEverySiteWithItsCitedDescription_AndAWalkThroughThePlacedOnes()
    {
        var json = await CultureJson.GetAsync(_client, "/api/culture?lang=en");
        var sites = CultureJson.Kind(json, "site");
        var legs = CultureJson.Kind(json, "route");

        // Every rule-of-law culture site of the seed, and a walk through those that have a position.
        var seeded = factory.Services.GetRequiredService<StationQueries>().PublicCatalog.All.Where(s => s.Type == StationType.CultureSite).ToList();
        Assert.Equal(seeded.Count, sites.Count);
        Assert.All(sites, s => Assert.NotEmpty(s.GetProperty("properties").GetProperty("sources").EnumerateArray()));
        var unplaced = sites.Single(s => CultureJson.P(s, "id") == "culture-soviet-regional-congress-preparatory");
        Assert.Equal(JsonValueKind.Null, unplaced.GetProperty("geometry").ValueKind);
        Assert.Equal("", CultureJson.P(unplaced, "order"));
        var second = sites.Single(s => CultureJson.P(s, "id") == "culture-second-congress");
        Assert.Contains("Second National Congress", CultureJson.P(second, "about"));
        Assert.Equal("True", CultureJson.P(second, "red"));

        // The placed sites on the walk, numbered 1..n, the legs chained stop to stop.
        var ordered = sites.Where(s => CultureJson.P(s, "order") != "").OrderBy(s => int.Parse(CultureJson.P(s, "order")!)).ToList();
        Assert.Equal(seeded.Count(s => s.Location is not null && CultureJson.OnRoute().Contains(s.Id)), ordered.Count);
        Assert.True(ordered.Count >= 2);
        // One leg between each pair of consecutive stops, except where two stops are at one point: such a leg would be
        // a LineString of two identical positions (invalid in RFC 7946), so it is left out.
        var samePoint = Enumerable.Range(0, ordered.Count - 1)
            .Count(i => ordered[i].GetProperty("geometry").GetRawText() == ordered[i + 1].GetProperty("geometry").GetRawText());
        Assert.True(samePoint > 0, "the seed has sites sharing a street/town's representative point");
        Assert.Equal(ordered.Count - 1 - samePoint, legs.Count);
        var pairs = Enumerable.Range(0, ordered.Count - 1).Select(i => (CultureJson.P(ordered[i], "id"), CultureJson.P(ordered[i + 1], "id"))).ToList();
        Assert.All(legs, leg => Assert.Contains((CultureJson.P(leg, "from"), CultureJson.P(leg, "to")), pairs));
        Assert.All(legs, leg =>
        {
            var positions = leg.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(p => p.GetRawText()).ToList();
            Assert.True(positions.Count >= 2 && positions.Zip(positions.Skip(1)).All(x => x.First != x.Second), string.Join(" ", positions));
        });
        // Coordinates to 6 decimals (RFC 7946 §11.2), in every feature.
        Assert.DoesNotMatch(@"\d\.\d{7,}", json.GetProperty("features").GetRawText().Replace("\"metres\"", ""));
        Assert.Equal("estimate", json.GetProperty("method").GetString());
        Assert.True(json.GetProperty("approximate").GetBoolean()); // street-level positions, no network
        var total = json.GetProperty("totalMetres").GetDouble();
        Assert.Equal(legs.Sum(l => l.GetProperty("properties").GetProperty("metres").GetDouble()), total, 0);
        Assert.Equal(Math.Round(total / (5000.0 / 60)), json.GetProperty("totalMinutes").GetDouble());
    }

    [Fact]
    public async Task Culture_ElderPace_TakesLongerOverTheSameDistance()
    {
        var normal = await CultureJson.GetAsync(_client, "/api/culture");
        var elder = await CultureJson.GetAsync(_client, "/api/culture?pace=elder");
        Assert.Equal(normal.GetProperty("totalMetres").GetDouble(), elder.GetProperty("totalMetres").GetDouble());
        Assert.Equal(3.6, elder.GetProperty("speedKmh").GetDouble());
        Assert.True(elder.GetProperty("totalMinutes").GetDouble() > normal.GetProperty("totalMinutes").GetDouble());
    }

    [Fact]
    public async Task Culture_FromAGcj02Start_BeginsThereAtTheWgs84Point()
    {
        var wgs = new GeoPoint(31.2300, 121.4600);
        var gcj = ChinaCoordinates.WgsToGcj(wgs);
        var json = await CultureJson.GetAsync(_client, $"/api/culture?lat={gcj.Latitude}&lng={gcj.Longitude}&coord=gcj02");
        var first = CultureJson.Kind(json, "route")[0];
        Assert.Equal("start", CultureJson.P(first, "from"));
        var c = first.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.True(new GeoPoint(c[1].GetDouble(), c[0].GetDouble()).DistanceTo(wgs) < 1);
    }

    [Theory]
    [InlineData("/api/culture?pace=fast", "pace")]
    [InlineData("/api/culture?lat=abc&lng=121.45", "lat")]
    [InlineData("/api/culture?lat=31.2", "lng")]
    [InlineData("/api/culture?lat=31.2&lng=121.4&coord=mars", "coord")]
    [InlineData("/api/culture?lang=fr", "lang")]
    public async Task Culture_BadParameters_Are400ProblemJson(string url, string field)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
    }
}

/// <summary>With a street network and the sites' pins placed, the walk follows the streets in the shortest order.</summary>
public sealed class CultureApiNetworkTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly LocalProjection Projection = LocalProjection.Shanghai;
    private static readonly (double X, double Y) Centre = Projection.Project(new GeoPoint(31.2330, 121.4620));

    private static GeoPoint At(double east, double north) => Projection.Unproject(Centre.X + east, Centre.Y + north);

    public async Task InitializeAsync()
    {
        // Streets every 100 m over 2 km × 2 km.
        var b = new WalkingNetworkBuilder();
        for (var j = 0; j <= 20; j++)
        for (var i = 0; i <= 20; i++)
        {
            if (i < 20) b.AddSegment(j * 21 + i, At(i * 100 - 1000, j * 100 - 1000), j * 21 + i + 1, At(i * 100 - 900, j * 100 - 1000));
            if (j < 20) b.AddSegment(j * 21 + i, At(i * 100 - 1000, j * 100 - 1000), (j + 1) * 21 + i, At(i * 100 - 1000, j * 100 - 900));
        }
        await factory.Services.GetRequiredService<SpatialStore>().SaveNetworkAsync(b.Build(), LegalServiceMap.Core.Geocoding.RoadSet.Empty, "test-grid");

        // Staff have placed the four sites' pins at street corners (metres east, north of the centre).
        var pins = new Dictionary<string, (double, double)>
        {
            ["culture-second-congress"] = (-300, -300),
            ["culture-rule-of-law-green"] = (-700, -300),
            ["culture-labour-secretariat"] = (200, 400),
            ["culture-soviet-congress-zhao-residence"] = (200, -300),
        };
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            foreach (var (id, (e, n)) in pins)
            {
                var s = await db.Stations.SingleAsync(x => x.Id == id);
                var p = At(e, n);
                (s.Latitude, s.Longitude, s.LocationTier) = (p.Latitude, p.Longitude, LocationTier.Surveyed);
            }
            // Any other culture site is not placed yet (off this small test network).
            foreach (var other in await db.Stations.Where(x => x.Type == StationType.CultureSite && !pins.Keys.Contains(x.Id)).ToListAsync())
                (other.Latitude, other.Longitude) = (null, null);
            await db.SaveChangesAsync();
        }
        await factory.Services.GetRequiredService<SpatialStore>().LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Culture_WithNetworkAndPins_WalksTheShortestOrderOnTheStreets()
    {
        var json = await CultureJson.GetAsync(_client, "/api/culture");
        Assert.Equal("network", json.GetProperty("method").GetString());
        Assert.False(json.GetProperty("approximate").GetBoolean());

        // Street distances: green–二大 400 m, 二大–赵公馆 500 m, 赵公馆–labour secretariat 700 m; every other order is longer.
        var legs = CultureJson.Kind(json, "route");
        var stops = new[] { CultureJson.P(legs[0], "from") }.Concat(legs.Select(l => CultureJson.P(l, "to"))).ToList();
        var forward = new[] { "culture-rule-of-law-green", "culture-second-congress", "culture-soviet-congress-zhao-residence", "culture-labour-secretariat" };
        Assert.True(stops.SequenceEqual(forward) || stops.SequenceEqual(forward.Reverse()), string.Join(" → ", stops));
        Assert.Equal(1600, json.GetProperty("totalMetres").GetDouble(), 0);
        Assert.All(legs, l => Assert.True(l.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() >= 2));
    }
}
