using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>Counters are read from /metrics before and after; alone, so no other test's app adds to the same meter.</summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsCollection))]
public sealed partial class MetricsTests
{
    private static async Task<HttpContext> GetAsync(AppFactory app, string path, string address) =>
        await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });

    private static async Task<string> ScrapeAsync(AppFactory app)
    {
        var context = await GetAsync(app, "/metrics", "127.0.0.1");
        Assert.Equal(200, context.Response.StatusCode);
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }

    /// <summary>The sum of a Prometheus series' samples whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string scrape, string series, string label = "") =>
        SampleLine().Matches(scrape).Where(m => m.Groups["name"].Value == series && m.Groups["labels"].Value.Contains(label))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Metrics_AnswerLoopbackAndConfiguredNetworks_AndNobodyElse()
    {
        using var app = new AppFactory { Settings = new() { ["Metrics:AllowedNetworks:0"] = "10.0.8.0/24" } };
        Assert.Equal(200, (await GetAsync(app, "/metrics", "127.0.0.1")).Response.StatusCode);
        Assert.Equal(200, (await GetAsync(app, "/metrics", "::1")).Response.StatusCode);
        Assert.Equal(200, (await GetAsync(app, "/metrics", "10.0.8.20")).Response.StatusCode);
        Assert.Equal(404, (await GetAsync(app, "/metrics", "203.0.113.5")).Response.StatusCode);
        Assert.Equal(404, (await GetAsync(app, "/metrics", "10.0.9.20")).Response.StatusCode);
        // Through the trusted proxy on this machine, the client's own address counts: the public is still refused.
        var proxied = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
        });
        Assert.Equal(404, proxied.Response.StatusCode);
    }

    [Fact]
    public async Task OurInstruments_AndTheFrameworks_AreScraped()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();
        var before = await ScrapeAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/isochrone?lat=31.2485&lng=121.468&minutes=7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/geocode?q=" + Uri.EscapeDataString("临汾路"))).StatusCode);
        var post = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/consultation")
        {
            Content = JsonContent.Create(new { topic = "labour", question = "工资被拖欠怎么办？", name = "张三", mobile = "13812345678", preferredReply = "phone", consent = true }),
        };
        post.Headers.Add("Idempotency-Key", "metrics-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(post)).StatusCode);
        await Task.Yield();
        var after = await ScrapeAsync(app);

        Assert.Equal(Value(before, "lsm_isochrone_duration_seconds_count") + 1, Value(after, "lsm_isochrone_duration_seconds_count"));
        Assert.True(Value(after, "lsm_geocode_duration_seconds_count") > Value(before, "lsm_geocode_duration_seconds_count"));
        Assert.Equal(Value(before, "lsm_submissions_received_total", "kind=\"consultation\"") + 1, Value(after, "lsm_submissions_received_total", "kind=\"consultation\""));
        Assert.Contains("http_server_request_duration_seconds_bucket", after);
        Assert.Matches("(process_runtime_dotnet|dotnet)_gc_", after);
        Assert.DoesNotContain("13812345678", after); // no personal data in labels
    }

    [Fact]
    public async Task RequestsPastTheirPromisedReplyDate_AreCountedAsOverdueByKind()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero)); // Monday 10:00 in Shanghai
        using var app = new AppFactory { Clock = clock };
        var post = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/consultation")
        {
            Content = JsonContent.Create(new { topic = "labour", question = "工资被拖欠怎么办？", name = "张三", mobile = "13812345678", preferredReply = "phone", consent = true }),
        };
        post.Headers.Add("Idempotency-Key", "overdue-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().SendAsync(post)).StatusCode);
        var watch = app.Services.GetRequiredService<LegalServiceMap.Web.Features.Staff.Requests.OverdueWatch>();

        await watch.CheckAsync();
        Assert.Equal(0, Value(await ScrapeAsync(app), "lsm_submissions_overdue", "kind=\"consultation\""));
        clock.Now += TimeSpan.FromDays(10); // well past its 3 working days, nobody answered
        await watch.CheckAsync();
        var after = await ScrapeAsync(app);
        Assert.Equal(1, Value(after, "lsm_submissions_overdue", "kind=\"consultation\""));
        Assert.Equal(0, Value(after, "lsm_submissions_overdue", "kind=\"legal-aid\""));
    }

    [Fact]
    public async Task RateLimitRejections_AreCountedByDoor()
    {
        using var app = new AppFactory { Settings = new() { ["RateLimits:RequestsPerMinute"] = "1" } };
        var before = Value(await ScrapeAsync(app), "lsm_rate_limit_rejections_total", "door=\"general\"");
        Assert.Equal(200, (await GetAsync(app, "/api/stations", "203.0.113.9")).Response.StatusCode);
        Assert.Equal(429, (await GetAsync(app, "/api/stations", "203.0.113.9")).Response.StatusCode);
        Assert.Equal(before + 1, Value(await ScrapeAsync(app), "lsm_rate_limit_rejections_total", "door=\"general\""));
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
