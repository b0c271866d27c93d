using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>The host app's contract: the OpenAPI document lists every API route the app maps.</summary>
public sealed class OpenApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheDocument_ListsEveryApiRouteWithItsMethods()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.True(routes.Count >= 12, $"only {routes.Count} API routes found");
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item) || paths.TryGetProperty(path + "/", out item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is not in the document");
        }
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement.Clone();

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : [];

    [Fact]
    public async Task EveryApiParameter_IsDescribed_WithItsValues_AndErrorsIdempotencyAndStaffSignInAreInTheContract()
    {
        var doc = await DocumentAsync();
        var paths = doc.GetProperty("paths");
        foreach (var path in paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                foreach (var p in Parameters(op.Value))
                    Assert.True(p.TryGetProperty("description", out var d) && d.GetString()!.Length > 10, $"{op.Name} {path.Name}: {p.GetProperty("name")} is not described");
                Assert.True(op.Value.GetProperty("responses").TryGetProperty("429", out _), $"{op.Name} {path.Name}: no 429");
            }
        }
        var coord = Parameters(paths.GetProperty("/api/isochrone").GetProperty("get")).Single(p => p.GetProperty("name").GetString() == "coord");
        Assert.Equal(["wgs84", "gcj02", "bd09"], coord.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var depart = Parameters(paths.GetProperty("/api/isochrone").GetProperty("get")).Single(p => p.GetProperty("name").GetString() == "depart");
        Assert.Contains("China Standard Time", depart.GetProperty("description").GetString());
        Assert.Equal("application/problem+json", paths.GetProperty("/api/isochrone").GetProperty("get").GetProperty("responses").GetProperty("400").GetProperty("content").EnumerateObject().Single().Name);

        var consult = paths.GetProperty("/api/submissions/consultation").GetProperty("post");
        var key = Parameters(consult).Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal(("header", true), (key.GetProperty("in").GetString(), key.GetProperty("required").GetBoolean()));
        Assert.True(consult.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(consult.GetProperty("responses").TryGetProperty("201", out _)); // as the app answers, not the generator's guess
        Assert.Contains("application/geo+json", paths.GetProperty("/api/isochrone").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.Equal(0, consult.GetProperty("security").GetArrayLength()); // public: "security": []

        var export = paths.GetProperty("/api/staff/export").GetProperty("get");
        Assert.True(export.GetProperty("security")[0].TryGetProperty(LegalServiceMap.Web.Setup.OpenApiDocs.StaffScheme, out _));
        Assert.True(export.GetProperty("responses").TryGetProperty("401", out _));
        Assert.Equal("cookie", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty(LegalServiceMap.Web.Setup.OpenApiDocs.StaffScheme).GetProperty("in").GetString());
    }

    [Fact]
    public async Task TheHostAppGuide_ItsExamples_AreAcceptedByTheRunningApp()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "docs", "host-app-integration.md"));
        var client = factory.CreateClient();
        // Dated examples move to tomorrow, so the guide stays valid as time passes.
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
        var urls = Regex.Matches(guide, "`(?:GET )?(/[^`\\s]*)`").Select(m => m.Groups[1].Value)
            .Where(u => !u.Contains('{') && !u.StartsWith("/staff", StringComparison.Ordinal) && !u.StartsWith("/api/submissions", StringComparison.Ordinal) && !u.StartsWith("/openapi", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(urls.Count >= 20, $"only {urls.Count} examples found");
        foreach (var url in urls)
        {
            var response = await client.GetAsync(Regex.Replace(url, @"depart=\d{4}-\d\d-\d\d", "depart=" + tomorrow));
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // The submission example, exactly as written (its key included: this is a fresh database).
        var block = Regex.Match(guide, "```http\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var path = Regex.Match(block, @"^POST (\S+)", RegexOptions.Multiline).Groups[1].Value;
        var body = block[block.IndexOf("\n\n", StringComparison.Ordinal)..].Trim();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Regex.Match(block, @"^Idempotency-Key: (\S+)", RegexOptions.Multiline).Groups[1].Value);
        var created = await client.SendAsync(request);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{path}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
    }
}
