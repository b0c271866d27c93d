using System.Text.RegularExpressions;
using System.Net;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Platform;

public sealed class SiteTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { HandleCookies = false });

    [Theory]
    [InlineData("/lib/leaflet/leaflet.js")]
    [InlineData("/lib/leaflet/leaflet.css")]
    [InlineData("/lib/leaflet.markercluster/leaflet.markercluster.js")]
    [InlineData("/js/map.js")]
    [InlineData("/css/app.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task StaticAsset_Answers200(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 100, $"{url}: {bytes.Length} bytes, {response.Content.Headers.ContentType} {string.Join(",", response.Content.Headers.ContentEncoding)}");
    }

    [Fact]
    public async Task MapPage_Prerendered_ListsStationsInChineseByDefault()
    {
        var html = await _client.GetStringAsync("/");
        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("静安法律服务地图", html);
        // The list is readable before the circuit starts: the places nearest the map centre (a page of them), then "show all".
        Assert.Equal(LegalServiceMap.Web.Features.Map.StationList.PageSize, Regex.Matches(html, "<li class=\"station-item\"").Count);
        Assert.Matches(@"class=""station-name"" href=""stations/[^""]+"">[\p{IsCJKUnifiedIdeographs}（）]+<", html);
        Assert.Contains($"显示全部 {factory.Services.GetRequiredService<LegalServiceMap.Web.Features.Stations.StationQueries>().PublicCatalog.All.Count(s => s.InDefaultList)} 个", html);
        Assert.Contains("/lib/leaflet/leaflet", html);
    }

    [Fact]
    public async Task LangQuery_RendersEnglishAndPersistsTheChoiceInACookie()
    {
        var response = await _client.GetAsync("/?lang=en");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("Legal services near you", html);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture="));

        var next = new HttpRequestMessage(HttpMethod.Get, "/stations/notary-jingan");
        next.Headers.Add("Cookie", cookie.Split(';')[0]);
        var english = await (await _client.SendAsync(next)).Content.ReadAsStringAsync();
        Assert.Contains("Jing&#x27;an Notary Office", english.Replace("'", "&#x27;"));
    }

    [Fact]
    public async Task ApiLang_AnswersInThatLanguage_WithoutChangingTheResidentsChoice()
    {
        var response = await _client.GetAsync("/api/stations/notary-jingan?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Notary", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=")),
            "an API request's lang must not become the resident's page language");
    }

    [Fact]
    public async Task StationPage_Unknown_Returns404Page()
    {
        var response = await _client.GetAsync("/stations/no-such-station");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StationPage_ShowsUnverifiedAndTelLink()
    {
        var html = await _client.GetStringAsync("/stations/culture-labour-secretariat");
        Assert.Contains("中国劳动组合书记部旧址陈列馆", html);
        Assert.Contains("href=\"tel:02162157732\"", html);
        Assert.Contains("未核实", html);
    }

    [Fact]
    public async Task Responses_CarryBasicSecurityHeaders()
    {
        var response = await _client.GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("strict-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Database_IsInWalMode()
    {
        _ = await _client.GetAsync("/api/stations?type=notary");
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ApiResponses_AreCompressedWhenTheClientAsks()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/stations");
        request.Headers.Add("Accept-Encoding", "br, gzip");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
    }

    [Theory]
    [InlineData("/?q=%E5%8D%97%E4%BA%AC%E8%A5%BF%E8%B7%AF&type=notary")]
    [InlineData("/culture?pace=elder")]
    [InlineData("/stations/culture-labour-secretariat")]
    [InlineData("/coverage")]
    public async Task ReadOnlyPages_AreCompressed_AndCarryNoAntiforgeryToken(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Encoding", "gzip");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        await using var body = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var html = await new StreamReader(body).ReadToEndAsync();
        Assert.Contains("</html>", html);
        // Compressing a secret next to reflected input would leak it (BREACH): these pages must hold none.
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.DoesNotContain("RequestVerificationToken", html);
    }

    [Theory]
    [InlineData("/consult")]
    [InlineData("/report")]
    [InlineData("/legal-aid")]
    [InlineData("/staff/login")]
    public async Task PagesWithForms_AreNeverCompressed(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }
}
