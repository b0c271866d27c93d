using System.Net;
using System.Text.Json;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Api;

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
}
