using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Portal;

/// <summary>The submission API on each database engine: run by <see cref="PortalApiOnSqlite"/> and <see cref="PortalApiOnPostgres"/>.</summary>
public abstract class PortalApiTests(AppFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static object Consultation(string mobile = "13812345678", string question = "我想咨询劳动合同纠纷的调解流程。") => new
    {
        topic = "labour", question, name = "张三", mobile, preferredReply = "phone", stationId = "judicial-office-beizhan", consent = true,
    };

    private async Task<HttpResponseMessage> PostAsync(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Consultation_IsSavedWithAReference_AndItsStatusCanBeReadWithTheLastFourDigits()
    {
        var response = await PostAsync("/api/submissions/consultation", Consultation(), "key-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = saved.GetProperty("reference").GetString()!;
        Assert.Matches(@"^JA-20\d\d-\d{6}-[A-Z2-9]{4}$", reference);

        var status = await _client.GetFromJsonAsync<JsonElement>($"/api/submissions/{reference}?last4=5678");
        Assert.Equal("received", status.GetProperty("status").GetString());
        Assert.Equal("consultation", status.GetProperty("kind").GetString());
        // The reply promised: 3 working days after today in Shanghai, on the calendar the app runs with; the same in both answers.
        var calendar = factory.Services.GetRequiredService<LegalServiceMap.Core.Stations.HolidayCalendar>();
        var today = DateOnly.FromDateTime(LegalServiceMap.Core.Stations.OpeningHours.ToShanghai(status.GetProperty("createdAt").GetDateTimeOffset()));
        var due = DateOnly.ParseExact(status.GetProperty("replyDueBy").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(saved.GetProperty("replyDueBy").GetString(), status.GetProperty("replyDueBy").GetString());
        Assert.True(due > today.AddDays(2) && calendar.IsWorkingDay(due), $"{today} → {due}");
        Assert.Equal(3, Enumerable.Range(1, due.DayNumber - today.DayNumber).Count(d => calendar.IsWorkingDay(today.AddDays(d))));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/submissions/{reference}?last4=0000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/submissions/{reference}")).StatusCode);
    }

    [Fact]
    public async Task TwentyParallelIdenticalPosts_MakeOneRecord()
    {
        var key = "double-tap-" + Guid.NewGuid().ToString("N");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync("/api/submissions/consultation", Consultation("13900001111"), key)));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var references = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()));
        Assert.Single(references.Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.IdempotencyKey == key));
    }

    [Theory]
    [InlineData("mobile", "12345")]
    [InlineData("question", "")]
    [InlineData("question", "long")]
    [InlineData("name", "")]
    [InlineData("topic", "astrology")]
    [InlineData("preferredReply", "pigeon")]
    [InlineData("consent", "false")]
    public async Task Consultation_BadField_Is400NamingTheField(string field, string value)
    {
        var body = new Dictionary<string, object?>
        {
            ["topic"] = "family", ["question"] = "离婚财产分割怎么办？", ["name"] = "李四", ["mobile"] = "13812345678", ["preferredReply"] = "sms", ["consent"] = true,
        };
        body[field] = value == "long" ? new string('字', 2001) : value == "false" ? false : value;
        var response = await PostAsync("/api/submissions/consultation?lang=en", body, "key-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.DoesNotMatch("[\u4e00-\u9fff]", messages[0].GetString()!); // English, as asked
    }

    [Fact]
    public async Task MissingIdempotencyKey_Is400()
    {
        var response = await PostAsync("/api/submissions/consultation", Consultation(), key: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ErrorReport_NeedsTenCharactersOfWhatHappened_AndMayOmitContact_ThenItsStatusNeedsTheAccessCode()
    {
        var report = new { errorType = "wrong-phone", pageUrl = "/stations/notary-jingan", contentTitle = "静安公证处", whatHappened = "打不通", name = "王五", consent = true };
        var bad = await PostAsync("/api/submissions/error-report", report, "key-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var good = await PostAsync("/api/submissions/error-report", report with { whatHappened = "拨打页面上的电话号码提示空号，请核实。" }, "key-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var body = await good.Content.ReadFromJsonAsync<JsonElement>();
        var reference = body.GetProperty("reference").GetString();
        var code = body.GetProperty("accessCode").GetString()!;
        Assert.Matches("^[0-9]{6}$", code);
        // No mobile given: the reference alone opens nothing; the code given with it does.
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/submissions/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/submissions/{reference}?code={(code == "000000" ? "000001" : "000000")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/submissions/{reference}?code={code}")).StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Is400NotA500()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/consultation") { Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "key-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.SendAsync(request)).StatusCode);
    }
}

public sealed class PortalApiOnSqlite(AppFactory factory) : PortalApiTests(factory), IClassFixture<AppFactory>;

public sealed class PortalApiOnPostgres(PostgresAppFactory postgres) : PortalApiTests(postgres.App), IClassFixture<PostgresAppFactory>;

public sealed class PortalRateLimitTests : IDisposable
{
    private readonly AppFactory _factory = new() { PermitsPerWindow = 3 };

    [Fact]
    public async Task FourthSubmissionInTheWindow_Is429WithAClearMessage()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/consultation?lang=en")
            {
                Content = JsonContent.Create(new { topic = "other", question = "测试问题内容", name = "赵六", mobile = "13700001111", preferredReply = "none", consent = true }),
            };
            request.Headers.Add("Idempotency-Key", "rate-" + i + "-" + Guid.NewGuid().ToString("N"));
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Too many submissions", await response.Content.ReadAsStringAsync());
            }
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    public void Dispose() => _factory.Dispose();
}
