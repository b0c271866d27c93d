using Microsoft.Extensions.DependencyInjection;
using LegalServiceMap.Web.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LegalServiceMap.Web.Tests.Platform;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_AnswersWithoutRunningChecks_AndReady_ListsEachCheck()
    {
        using var app = new AppFactory { EnvironmentName = "Production", Clock = new FixedClock(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8))) };
        var client = app.CreateClient();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Empty((await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray());

        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["database"] = "healthy", ["catalog"] = "healthy", ["walking"] = "healthy", ["holidays"] = "healthy", ["stopping"] = "healthy" }, checks);
    }

    [Fact]
    public async Task FromFirstDecember_WithoutNextYearsDaysOff_ReadyIsDegradedButStill200()
    {
        using var app = new AppFactory { EnvironmentName = "Production", Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8))) };
        var response = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ready = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", ready.GetProperty("status").GetString());
        var holidays = ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "holidays");
        Assert.Equal("degraded", holidays.GetProperty("status").GetString());
        Assert.Contains("2027", holidays.GetProperty("description").GetString());
    }

    [Fact]
    public async Task WhenTheInstanceStartsStopping_ReadyIs503_AndNewCircuitConnectionsGoElsewhere()
    {
        using var app = new AppFactory { EnvironmentName = "Production" };
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);

        // What SIGTERM does first (the host then stops the server, after the pages were handed over).
        await app.Services.GetRequiredService<LegalServiceMap.Web.Setup.CircuitDrain>().DrainAsync();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"name\":\"stopping\",\"status\":\"unhealthy\"", await ready.Content.ReadAsStringAsync());
        var circuit = await client.GetAsync("/_blazor");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, circuit.StatusCode);
        Assert.Equal("1", circuit.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stations")).StatusCode); // pages and API still answer meanwhile
    }

    [Fact]
    public async Task Ready_WithAnUnreadableDatabase_Is503_AndSaysWhichCheck_WithoutTheExceptionsText()
    {
        using var app = new AppFactory { EnvironmentName = "Production" };
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        SqliteBreaker.Break(app.Services);

        var ready = await client.GetAsync("/health/ready");
        var text = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"name\":\"database\",\"status\":\"unhealthy\"", text);
        Assert.DoesNotMatch(BadInputTests.ExceptionText(), text);
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode); // the process still answers
    }

    [Fact]
    public async Task Health_IsNotRateLimited()
    {
        using var app = new AppFactory { Settings = new() { ["RateLimits:RequestsPerMinute"] = "2" } };
        var client = app.CreateClient();
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
