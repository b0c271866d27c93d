using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>Each finding of the hardening review, and each limit on a public door.</summary>
public sealed partial class HardeningTests
{
    private static HttpClient Client(WebApplicationFactory<Program> app, string origin = "http://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(origin) });

    private static HttpRequestMessage Json(string url, object body, string? key = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? "key-" + Guid.NewGuid().ToString("N"));
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    private static object Consultation(string question = "工资被拖欠怎么办？") =>
        new { topic = "labour", question, name = "张三", mobile = "13812345678", preferredReply = "phone", consent = true };

    [Fact]
    public async Task Search_WithANulOrControlCharacter_FindsWhatTheCleanQueryFinds()
    {
        using var app = new AppFactory();
        var client = Client(app);
        var clean = await client.GetFromJsonAsync<JsonElement>("/api/stations?q=" + Uri.EscapeDataString("司法所"));
        var dirty = await client.GetAsync("/api/stations?q=" + Uri.EscapeDataString("司法\0所\u0007"));
        Assert.Equal(HttpStatusCode.OK, dirty.StatusCode);
        var features = (await dirty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").GetArrayLength();
        Assert.True(features > 0);
        Assert.Equal(clean.GetProperty("features").GetArrayLength(), features);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?q=abc%00")).StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("99999999999")]
    [InlineData("%00")]
    public async Task CoveragePage_WithABadMinutesValue_IgnoresIt(string minutes)
    {
        using var app = new AppFactory();
        var response = await Client(app).GetAsync("/coverage?minutes=" + minutes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/%09/x", "/")]
    [InlineData("/%0d%0a/x", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/stations/notary-jingan", "/stations/notary-jingan")]
    public async Task ElderSwitch_GoesBackOnlyToALocalAddress(string returnUrl, string expected)
    {
        using var app = new AppFactory();
        var response = await Client(app).GetAsync("/elder?toggle=1&returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void SignInReturnAddress_IsLocalOrTheWorkspace()
    {
        Assert.Equal("/staff", StaffAuthentication.SafeReturn("/\t/x"));
        Assert.Equal("/staff", StaffAuthentication.SafeReturn("/\r\n/x"));
        Assert.Equal("/staff", StaffAuthentication.SafeReturn("//evil.example"));
        Assert.Equal("/staff/requests?days=3", StaffAuthentication.SafeReturn("/staff/requests?days=3"));
    }

    public static TheoryData<string, string, string?> MalformedBodies => new()
    {
        { "empty", "", "application/json" },
        { "not json", "not json", "application/json" },
        { "truncated", "{\"topic\": \"lab", "application/json" },
        { "null", "null", "application/json" },
        { "deep", new string('[', 1000) + new string(']', 1000), "application/json" },
        { "wrong types", "{\"topic\":1,\"consent\":\"yes\"}", "application/json" },
        { "duplicate keys", "{\"topic\":\"labour\",\"topic\":\"other\"}", "application/json" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedBody_Is400ProblemJson_InTheClientsLanguage_WithoutExceptionText(string what, string body, string? type)
    {
        using var app = new AppFactory { EnvironmentName = "Development" };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/consultation") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = type is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        request.Headers.Add("Idempotency-Key", "key-" + Guid.NewGuid().ToString("N"));
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var response = await Client(app).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch(BadInputTests.ExceptionText(), text);
        Assert.Contains("The request could not be read", text);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task WrongOrMissingContentType_Is415WithAMessage(string? type)
    {
        using var app = new AppFactory { EnvironmentName = "Development" };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/consultation?lang=zh") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}")) };
        if (type is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        request.Headers.Add("Idempotency-Key", "key-" + Guid.NewGuid().ToString("N"));
        var response = await Client(app).SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("不支持的内容类型", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/submissions/consultation")]
    [InlineData("/api/submissions/legal-aid/check")]
    [InlineData("/staff/login")]
    [InlineData("/consult")]
    public async Task TenMegabyteBody_Is413AtOnce(string url)
    {
        using var app = new AppFactory { EnvironmentName = "Development" };
        var request = new HttpRequestMessage(HttpMethod.Post, url + "?lang=en") { Content = new ByteArrayContent(new byte[10 * 1024 * 1024]) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", url.StartsWith("/api") ? "application/json" : "application/x-www-form-urlencoded");
        var response = await Client(app).SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The request is too large", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IdempotencyKey_WithTheSameBody_GivesTheSameReference_WithAnotherBody_Is409()
    {
        using var app = new AppFactory();
        var client = Client(app);
        var first = await client.SendAsync(Json("/api/submissions/consultation", Consultation(), "shared-key-1"));
        var again = await client.SendAsync(Json("/api/submissions/consultation", Consultation(), "shared-key-1"));
        var other = await client.SendAsync(Json("/api/submissions/consultation?lang=en", Consultation("另一个人的另一个问题"), "shared-key-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var problem = await other.Content.ReadAsStringAsync();
        Assert.Contains("already used for a different submission", problem);
        Assert.DoesNotContain("JA-", problem);
    }

    [Fact]
    public async Task SubmissionAllowance_CountsOnlyNewValidSubmissions_AcrossFormsAndApi_And429SaysWhen()
    {
        using var app = new AppFactory { Settings = new() { ["Portal:PermitsPerWindow"] = "2" } };
        var client = Client(app);
        var page = await client.GetStringAsync("/consult");
        var token = Token().Match(page).Groups[1].Value;
        Dictionary<string, string> Form(string key, string question) => new()
        {
            ["_handler"] = "consult", ["__RequestVerificationToken"] = token, ["Input.Key"] = key, ["Input.Topic"] = "labour", ["Input.Question"] = question,
            ["Input.Name"] = "张三", ["Input.Mobile"] = "13812345678", ["Input.PreferredReply"] = "phone", ["Input.Consent"] = "true",
        };
        // Five invalid posts (no question) cost nothing.
        for (var i = 0; i < 5; i++)
        {
            var invalid = Form(Guid.NewGuid().ToString("N"), "");
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/consult", new FormUrlEncodedContent(invalid))).StatusCode);
        }
        var key = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/consult", new FormUrlEncodedContent(Form(key, "第一个问题")))).StatusCode);
        // Replays cost nothing either.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/consult", new FormUrlEncodedContent(Form(key, "第一个问题")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/consult", new FormUrlEncodedContent(Form(key, "第一个问题")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Json("/api/submissions/consultation", Consultation("第二个问题")))).StatusCode);

        var refused = await client.PostAsync("/consult", new FormUrlEncodedContent(Form(Guid.NewGuid().ToString("N"), "第三个问题")));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString()) > 0);
        Assert.Contains("提交过于频繁", await refused.Content.ReadAsStringAsync());
        var api = await client.SendAsync(Json("/api/submissions/consultation", Consultation("第四个问题"), language: "en"));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Contains("Too many submissions", await api.Content.ReadAsStringAsync());
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.Equal(2, await db.Submissions.CountAsync());
    }

    [Fact]
    public async Task StatusLookUp_AfterFiveFailuresForOneReference_Is429_EvenWithTheRightDigits()
    {
        using var app = new AppFactory { Settings = new() { ["RateLimits:StatusFailuresPerReference"] = "5", ["RateLimits:StatusFailuresPerClient"] = "8" } };
        var client = Client(app);
        var saved = await client.SendAsync(Json("/api/submissions/consultation", Consultation()));
        var reference = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/submissions/{reference}?last4=5678")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/submissions/{reference}?last4={1000 + i}")).StatusCode);
        }
        var limited = await client.GetAsync($"/api/submissions/{reference}?last4=5678&lang=en");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Contains("Too many unsuccessful look-ups", await limited.Content.ReadAsStringAsync());
        // The page says so too, in the resident's language.
        var page = await client.GetAsync($"/status?reference={reference}&last4=5678");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("查询失败次数过多", await page.Content.ReadAsStringAsync());
        // Failures on other references add up per client: three more and the client is limited everywhere.
        for (var i = 0; i < 3; i++) await client.GetAsync($"/api/submissions/JA-2026-00000{i}-ABCD?last4=0000");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/submissions/JA-2026-999999-ABCD?last4=0000")).StatusCode);
    }

    [Fact]
    public async Task GeneralLimit_Is429WithRetryAfter_InEnglishThroughAcceptLanguage()
    {
        using var app = new AppFactory { Settings = new() { ["RateLimits:RequestsPerMinute"] = "3" } };
        var client = Client(app);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stations")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/stations");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
        // Static files are not counted.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/favicon.svg")).StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_CountsOnlyFromAKnownProxy()
    {
        static async Task<int> StatusFrom(AppFactory app, string forwardedFor)
        {
            var context = await app.Server.SendAsync(c =>
            {
                c.Request.Method = "GET";
                c.Request.Path = "/api/stations";
                c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            });
            return context.Response.StatusCode;
        }
        using (var untrusted = new AppFactory { Settings = new() { ["RateLimits:RequestsPerMinute"] = "2" } })
        {
            // A client cannot pick its own address: three "different" forwarded addresses are one client.
            int[] statuses = [await StatusFrom(untrusted, "198.51.100.1"), await StatusFrom(untrusted, "198.51.100.2"), await StatusFrom(untrusted, "198.51.100.3")];
            Assert.Equal(new[] { 200, 200, 429 }, statuses);
        }
        using var trusted = new AppFactory { Settings = new() { ["RateLimits:RequestsPerMinute"] = "2", ["ReverseProxy:KnownProxies:0"] = "203.0.113.5" } };
        int[] trustedStatuses = [await StatusFrom(trusted, "198.51.100.1"), await StatusFrom(trusted, "198.51.100.2"), await StatusFrom(trusted, "198.51.100.3")];
        Assert.Equal(new[] { 200, 200, 200 }, trustedStatuses);
    }

    [Fact]
    public async Task SignIn_UnknownAndRealAccounts_AnswerAlike_AndLockAlike_AndTheClientIsLimited()
    {
        using var app = new AppFactory { Settings = new() { ["RateLimits:SignInFailuresPerClient"] = "12" } };
        Assert.True((await StaffAuthentication.CreateAccountAsync(app.Services, "real@example.org", "a long enough passphrase", StaffRoles.Editor)).Ok);
        var client = Client(app);
        var token = Token().Match(await client.GetStringAsync("/staff/login")).Groups[1].Value;
        async Task<HttpResponseMessage> SignIn(string email) => await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = "not the password at all", ["returnUrl"] = "/staff", ["__RequestVerificationToken"] = token,
        }));
        var real = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            real.Add((await SignIn("real@example.org")).Headers.Location!.OriginalString);
            unknown.Add((await SignIn("nobody@example.org")).Headers.Location!.OriginalString);
        }
        Assert.Equal(real, unknown);
        Assert.All(real.Take(4), l => Assert.StartsWith("/staff/login?error=invalid", l));
        Assert.StartsWith("/staff/login?error=locked", real[4]);
        Assert.Equal((await SignIn("real@example.org")).Headers.Location, (await SignIn("nobody@example.org")).Headers.Location);
        // Twelve failures from this address (ten, then one more each): the next attempt is refused whatever it is.
        var refused = await SignIn("someone-else@example.org");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("登录失败次数过多", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_CarryTheContentSecurityPolicy_WithTheImportMapsNonce_AndAPermissionsPolicy()
    {
        using var app = new AppFactory { Settings = new() { ["Map:TileUrl"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png" } };
        var response = await Client(app).GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(html, "<script type=\"importmap\" nonce=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", policy);
        Assert.Contains("img-src 'self' data: blob: https://*.tiles.example.org", policy);
        foreach (var directive in new[] { "default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'" })
        {
            Assert.Contains(directive, policy.Split(';', StringSplitOptions.TrimEntries));
        }
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        Assert.Equal("geolocation=(self), camera=(), microphone=(), payment=(), usb=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.NotEqual(nonce, Regex.Match(await Client(app).GetStringAsync("/"), "importmap\" nonce=\"([^\"]+)\"").Groups[1].Value);
    }

    [Fact]
    public async Task Production_ExceptionsShowNoDetails_AndHttpsAnswersCarryHsts()
    {
        using var app = new AppFactory { EnvironmentName = "Production" };
        // HSTS is never sent to localhost: ask by the public name the proxy forwards.
        var client = Client(app, "https://fl.jingan.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stations")).StatusCode);

        // Break the database under the running app: every door that reads it now fails inside.
        SqliteBreaker.Break(app.Services);
        var api = await client.GetAsync("/api/submissions/JA-2026-000001-ABCD?last4=1234&lang=en");
        var apiText = await api.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch(BadInputTests.ExceptionText(), apiText);
        Assert.DoesNotContain("/work", apiText);
        Assert.DoesNotContain("Sqlite", apiText, StringComparison.OrdinalIgnoreCase);

        var page = await client.GetAsync("/status?reference=JA-2026-000001-ABCD&last4=1234");
        var pageText = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("页面暂时无法显示", pageText);
        Assert.DoesNotMatch(BadInputTests.ExceptionText(), pageText);
        Assert.DoesNotContain("Sqlite", pageText, StringComparison.OrdinalIgnoreCase);

        var headers = await client.GetAsync("/culture");
        Assert.True(headers.Headers.Contains("Strict-Transport-Security"));
        Assert.False(headers.Headers.Contains("Server"));
        Assert.True(headers.Headers.Contains("Content-Security-Policy"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>Points the running app's database at a file that is not a database, so the next query throws.</summary>
internal static class SqliteBreaker
{
    public static void Break(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        File.WriteAllText(path, "this is not an SQLite database, it is here to make every query fail");
    }
}

/// <summary>Every options class is checked when the app starts: a bad setting stops it with a message, not a later 500.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Portal:PermitsPerWindow", "0")]
    [InlineData("Isochrone:MaxMinutes", "100000")]
    [InlineData("RateLimits:StatusFailuresPerReference", "-1")]
    [InlineData("Limits:MaxRequestBodyBytes", "10")]
    [InlineData("Seed:StationsFile", "")]
    [InlineData("Audit:RetentionDays", "30")]
    [InlineData("Metrics:AllowedNetworks:0", "not-a-network")]
    [InlineData("Metrics:OtlpEndpoint", "not a url")]
    public void BadSetting_StopsTheStart_NamingTheSetting(string key, string value)
    {
        using var app = new AppFactory { Settings = new() { [key] = value } };
        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var validation = e as Microsoft.Extensions.Options.OptionsValidationException
            ?? e.InnerException as Microsoft.Extensions.Options.OptionsValidationException
            ?? (e as AggregateException)?.InnerExceptions.OfType<Microsoft.Extensions.Options.OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        Assert.Contains(key.Split(':')[1], string.Join(" ", validation!.Failures));
    }
}
