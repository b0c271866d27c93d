using System.Net;
using System.Text.Json;
using LegalServiceMap.Web.Tests.Infrastructure;

namespace LegalServiceMap.Web.Tests.Features.Stations;

/// <summary>The stations API on each database engine: the same tests, run by <see cref="StationsApiOnSqlite"/> and <see cref="StationsApiOnPostgres"/>.</summary>
public abstract class StationsApiTests(AppFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Features(JsonElement collection) => collection.GetProperty("features").EnumerateArray();

    private static string Prop(JsonElement feature, string name) => feature.GetProperty("properties").GetProperty(name).ToString();

    [Fact]
    public async Task Stations_NoFilter_ReturnsEverySeededStationAsGeoJson()
    {
        var response = await _client.GetAsync("/api/stations");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        var features = Features(json).ToList();
        Assert.True(features.Count >= 40);
        var located = features.First(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null);
        var coords = located.GetProperty("geometry").GetProperty("coordinates");
        Assert.InRange(coords[0].GetDouble(), 121.3, 121.6); // [lng, lat]
        Assert.InRange(coords[1].GetDouble(), 31.1, 31.4);
    }

    [Fact]
    public async Task Stations_TypeNotary_ReturnsOnlyTheTwoNotaryOffices()
    {
        var features = Features(await GetJsonAsync("/api/stations?type=notary")).ToList();
        Assert.Equal(2, features.Count);
        Assert.All(features, f => Assert.Equal("notary", Prop(f, "type")));
    }

    [Theory]
    [InlineData("南京西路", "workstation-plaza-66")]       // Chinese substring, 4 chars (trigram index)
    [InlineData("公证", "notary-zhabei")]                 // 2 chars: LIKE fallback
    [InlineData("plaza 66", "workstation-plaza-66")]      // English, case-insensitive
    [InlineData("jingan temple", "judicial-office-jingansi")] // apostrophe and space folded away
    [InlineData("成都北路893弄", "culture-labour-secretariat")]
    public async Task Stations_Query_MatchesNamesAndAddressesInEitherLanguage(string q, string expectedId)
    {
        var ids = Features(await GetJsonAsync($"/api/stations?q={Uri.EscapeDataString(q)}")).Select(f => Prop(f, "id")).ToList();
        Assert.Contains(expectedId, ids);
    }

    [Fact]
    public async Task Stations_QueryMatchingNothing_ReturnsAnEmptyCollection()
    {
        Assert.Empty(Features(await GetJsonAsync("/api/stations?q=" + Uri.EscapeDataString("火星基地"))));
    }

    [Fact]
    public async Task Stations_Bbox_ReturnsOnlyLocatedStationsInside()
    {
        // A box around the West Nanjing Road street point only.
        var features = Features(await GetJsonAsync("/api/stations?bbox=121.45,31.22,121.456,31.23")).ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal("nanjingxilu", Prop(f, "street")));
    }

    [Fact]
    public async Task Stations_LangEn_GivesEnglishNamesAndTypeNames()
    {
        var f = Features(await GetJsonAsync("/api/stations?type=judicial-office&lang=en")).First();
        Assert.StartsWith("Judicial Office of", Prop(f, "name"));
        Assert.Equal("Judicial office", Prop(f, "typeName"));
        var zh = Features(await GetJsonAsync("/api/stations?type=judicial-office&lang=zh")).First();
        Assert.EndsWith("司法所", Prop(zh, "name"));
    }

    [Fact]
    public async Task Station_ById_ReturnsDetailsWithHoursAndPhone()
    {
        var f = await GetJsonAsync("/api/stations/culture-labour-secretariat?lang=en");
        Assert.Equal("Feature", f.GetProperty("type").GetString());
        var p = f.GetProperty("properties");
        Assert.Equal("021-62157732", p.GetProperty("phone").GetString());
        Assert.True(p.GetProperty("approximate").GetBoolean());
        Assert.False(p.GetProperty("verified").GetBoolean());
        var hours = p.GetProperty("details").GetProperty("hours").EnumerateArray().ToList();
        Assert.Equal(12, hours.Count);
        Assert.Equal("tue", hours[0].GetProperty("day").GetString());
    }

    [Fact]
    public async Task Station_UnknownId_Returns404ProblemJson()
    {
        var response = await _client.GetAsync("/api/stations/no-such-station");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Nearest_ReturnsKStationsSortedByDistance()
    {
        var features = Features(await GetJsonAsync("/api/stations/nearest?lat=31.2286&lng=121.4520&k=5")).ToList();
        Assert.Equal(5, features.Count);
        var distances = features.Select(f => f.GetProperty("properties").GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public async Task Nearest_WithType_ReturnsOnlyThatType()
    {
        var features = Features(await GetJsonAsync("/api/stations/nearest?lat=31.31&lng=121.44&k=3&type=judicial-office")).ToList();
        Assert.Equal(3, features.Count);
        Assert.All(features, f => Assert.Equal("judicial-office", Prop(f, "type")));
        Assert.Equal("judicial-office-pengpuxincun", Prop(features[0], "id"));
    }

    [Theory]
    [InlineData("/api/stations/nearest?lng=121.45", "lat")]
    [InlineData("/api/stations/nearest?lat=31.2", "lng")]
    [InlineData("/api/stations/nearest?lat=abc&lng=121.45", "lat")]
    [InlineData("/api/stations/nearest?lat=NaN&lng=121.45", "lat")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=Infinity", "lng")]
    [InlineData("/api/stations/nearest?lat=91&lng=121.45", "lat")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=-180.5", "lng")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=121.45&k=0", "k")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=121.45&k=-3", "k")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=121.45&k=101", "k")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=121.45&k=99999999999999", "k")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=121.45&k=2.5", "k")]
    [InlineData("/api/stations/nearest?lat=31.2&lng=121.45&type=spaceport", "type")]
    [InlineData("/api/stations?type=notary,bogus", "type")]
    [InlineData("/api/stations?bbox=1,2,3", "bbox")]
    [InlineData("/api/stations?bbox=a,b,c,d", "bbox")]
    [InlineData("/api/stations?bbox=121.5,31.2,121.4,31.3", "bbox")]
    [InlineData("/api/stations?bbox=121.4,31.2,121.5,95", "bbox")]
    [InlineData("/api/stations?lang=fr", "lang")]
    [InlineData("/api/stations/notary-jingan?lang=xx", "lang")]
    public async Task BadParameters_Return400ProblemJsonNamingTheParameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.True(json.GetProperty("errors").TryGetProperty(parameter, out var messages), url);
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task BadParameters_MessagesFollowTheLanguage()
    {
        var zh = await GetJsonAsync("/api/stations/nearest?lat=abc&lng=121.45&lang=zh", HttpStatusCode.BadRequest);
        var en = await GetJsonAsync("/api/stations/nearest?lat=abc&lng=121.45&lang=en", HttpStatusCode.BadRequest);
        Assert.Matches("[\u4e00-\u9fff]", zh.GetProperty("errors").GetProperty("lat")[0].GetString());
        Assert.Equal("Must be a finite number.", en.GetProperty("errors").GetProperty("lat")[0].GetString());
    }

    [Fact]
    public async Task Query_TooLong_Returns400()
    {
        var response = await _client.GetAsync("/api/stations?q=" + new string('路', 101));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_Returns404ProblemJsonNotAPage()
    {
        var response = await _client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class StationsApiOnSqlite(AppFactory factory) : StationsApiTests(factory), IClassFixture<AppFactory>;

public sealed class StationsApiOnPostgres(PostgresAppFactory postgres) : StationsApiTests(postgres.App), IClassFixture<PostgresAppFactory>;
